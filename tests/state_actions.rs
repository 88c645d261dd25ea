//! The reducer: a change that leaves no output is refused, and the last layer stays.
#![cfg(not(target_arch = "wasm32"))]

use sepconv::anim::{Mode, Playhead};
use sepconv::cost::{Layer, Padding, Param};
use sepconv::i18n::Lang;
use sepconv::messages;
use sepconv::problem::Problem;
use sepconv::state::{Action, State};
use std::rc::Rc;
use yew::Reducible;

fn start(layer: Layer) -> Rc<State> {
    Rc::new(State::new(layer, Playhead::default(), vec![]))
}

#[test]
fn a_change_with_an_output_is_taken_and_clears_the_notice() {
    let state = Rc::new(State::new(
        Layer::default(),
        Playhead::default(),
        vec![Problem::Step { text: "x".into() }],
    ));
    let next = state.reduce(Action::Set(Param::N, 64));
    assert_eq!(next.costs.layer.n, 64);
    assert_eq!(next.notice, None);
}

#[test]
fn a_change_without_an_output_is_refused_with_the_reason() {
    let layer = Layer {
        df: 5,
        dk: 5,
        padding: Padding::Valid,
        ..Layer::default()
    };
    let state = start(layer);
    let next = state.clone().reduce(Action::Set(Param::Dk, 7));
    assert_eq!(next.costs, state.costs);
    let notice = next.notice.clone().unwrap();
    assert_eq!(
        notice.to_string(),
        "Kept the last layer: Dk = 7 gives no output: the kernel spans 7 pixels \
         but the padded input has 5."
    );
    assert_eq!(
        messages::notice(Lang::Zh, &notice),
        "已保留原来的层：Dk = 7 不可行（没有输出：卷积核覆盖 7 个像素，但填充后的输入只有 5 个）。"
    );
    // Same padding always has an output; a dilation that stretches the kernel does not.
    let same = next.reduce(Action::SetPadding(Padding::Same));
    assert_eq!(same.costs.dp, 5);
    let valid = start(layer).reduce(Action::Set(Param::Dilation, 2));
    assert!(valid
        .notice
        .as_ref()
        .unwrap()
        .to_string()
        .contains("the dilated kernel spans 9 pixels"));
    assert_eq!(valid.costs, start(layer).costs);
}

#[test]
fn dismissing_keeps_the_layer() {
    let state = Rc::new(State::new(
        Layer::default(),
        Playhead::default(),
        vec![Problem::Step { text: "x".into() }],
    ));
    let next = state.clone().reduce(Action::DismissNotice);
    assert_eq!((next.costs, next.notice.clone()), (state.costs, None));
}

#[test]
fn the_playhead_keeps_its_place_as_far_as_the_new_timeline_reaches() {
    // Default layer, separable: (3 channels + 8 filters) x 64 positions = 704 steps.
    let state = start(Layer::default()).reduce(Action::SetStep(500));
    assert_eq!(state.playhead.step, 500);
    let past_the_end = state.clone().reduce(Action::SetStep(10_000));
    assert_eq!(past_the_end.playhead.step, 704);
    // A smaller input: 11 x 16 = 176 steps; the step is clamped to the end.
    let smaller = state.clone().reduce(Action::Set(Param::Df, 4));
    assert_eq!(smaller.playhead.step, 176);
    // Standard mode on the default layer has 8 x 64 = 512 steps.
    let standard = state.reduce(Action::SetMode(Mode::Standard));
    assert_eq!(
        standard.playhead,
        Playhead {
            mode: Mode::Standard,
            step: 500,
            ..Playhead::default()
        }
    );
}

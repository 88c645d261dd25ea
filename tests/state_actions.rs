//! The reducer: a change that leaves no output is refused, and the last layer stays.
#![cfg(not(target_arch = "wasm32"))]

use sepconv::cost::{Layer, Padding, Param};
use sepconv::state::{Action, State};
use std::rc::Rc;
use yew::Reducible;

fn start(layer: Layer) -> Rc<State> {
    Rc::new(State::new(layer, vec![]))
}

#[test]
fn a_change_with_an_output_is_taken_and_clears_the_notice() {
    let state = Rc::new(State::new(Layer::default(), vec!["Ignored n=0.".into()]));
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
    assert_eq!(
        next.notice.as_deref(),
        Some(
            "Kept the last layer: Dk = 7 gives no output: the kernel spans 7 pixels \
             but the padded input has 5."
        )
    );
    // Same padding always has an output; a dilation that stretches the kernel does not.
    let same = next.reduce(Action::SetPadding(Padding::Same));
    assert_eq!(same.costs.dp, 5);
    let valid = start(layer).reduce(Action::Set(Param::Dilation, 2));
    assert!(valid
        .notice
        .as_deref()
        .unwrap()
        .contains("the dilated kernel spans 9 pixels"));
    assert_eq!(valid.costs, start(layer).costs);
}

#[test]
fn dismissing_keeps_the_layer() {
    let state = Rc::new(State::new(Layer::default(), vec!["Ignored df=abc.".into()]));
    let next = state.clone().reduce(Action::DismissNotice);
    assert_eq!((next.costs, next.notice.clone()), (state.costs, None));
}

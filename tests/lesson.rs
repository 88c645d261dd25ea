//! The lecture: its stops against the formulas, its links, and its keys.

use sepconv::anim::{Mode, Phase, Timeline};
use sepconv::lesson::{press, Focus, Panel, Room, Stop, CLICK};
use sepconv::query;

mod common;
use common::costs;

#[test]
fn the_animation_stops_land_on_the_formulas() {
    // MobileNet v1's second separable layer: 112 x 112 x 64, 128 filters of 3 x 3.
    let c = costs(112, 3, 64, 128);
    let timeline = Timeline::new(c, Mode::Separable);
    let frame = |stop: Stop| timeline.frame(stop.playhead(c).unwrap().step);

    let first = frame(Stop::DepthwiseFirst);
    assert_eq!(
        (first.phase, first.group, first.row, first.col),
        (Phase::Depthwise, 0, 0, 0)
    );
    assert_eq!(first.mults_total, 9);

    let second = frame(Stop::DepthwiseSecond);
    assert_eq!(
        (second.phase, second.group, second.row, second.col),
        (Phase::Depthwise, 1, 0, 0)
    );
    // One whole channel, 112² positions of 9 multiplications, and one step more.
    assert_eq!(second.mults_total, 112 * 112 * 9 + 9);

    let depthwise = frame(Stop::DepthwiseDone);
    assert!(depthwise.phase_done);
    assert_eq!(depthwise.mults_total, 7_225_344); // 64 x 112² x 3², the paper's Table 1 row
    assert_eq!(depthwise.mults_total, c.depthwise());

    let column = frame(Stop::PointwiseColumn);
    assert_eq!(
        (column.phase, column.group, column.mults_step),
        (Phase::Pointwise, 0, 64)
    );

    let done = frame(Stop::PointwiseDone);
    assert!(done.phase_done);
    assert_eq!(done.mults_total, 7_225_344 + 102_760_448); // + 64 x 128 x 112²
    assert_eq!(done.mults_total, c.separable());
}

#[test]
fn one_channel_has_no_second_and_the_stop_says_on_the_first() {
    let c = costs(8, 3, 1, 4);
    let step = |stop: Stop| stop.playhead(c).unwrap().step;
    assert_eq!(step(Stop::DepthwiseSecond), step(Stop::DepthwiseDone));
    assert!(
        step(Stop::DepthwiseSecond)
            <= Timeline::new(c, Mode::Separable).phase_steps(Phase::Depthwise)
    );
}

#[test]
fn ten_stops_in_order_each_with_its_panel() {
    assert_eq!(Stop::ALL.len(), 10);
    for (i, stop) in Stop::ALL.into_iter().enumerate() {
        assert_eq!(stop.number(), i + 1);
        assert_eq!(Stop::numbered(i + 1), Some(stop));
        assert_eq!(
            stop.playhead(costs(8, 3, 3, 8)).is_some(),
            stop.panel() == Panel::Animation
        );
    }
    assert_eq!(Stop::Network.next(), Stop::Network);
    assert_eq!(Stop::Question.previous(), Stop::Question);
    assert_eq!(Stop::numbered(0), None);
    assert_eq!(Stop::numbered(11), None);
}

#[test]
fn a_link_opens_a_stop_with_its_step_and_writes_it_back() {
    let state = query::parse("?df=112&dk=3&m=64&n=128&pad=same&slide=4").into_state();
    assert_eq!(state.slide, Some(Stop::DepthwiseDone));
    assert_eq!(state.playhead.step, 64 * 112 * 112);
    assert_eq!(state.playhead.mode, Mode::Separable);
    let written = query::to_query(&state);
    assert!(written.ends_with("&slide=4"), "{written}");
    assert!(
        written.contains(&format!("step={}", 64 * 112 * 112)),
        "{written}"
    );
    assert_eq!(query::parse(&written).into_state(), state);
}

#[test]
fn a_bad_slide_in_a_link_is_named_and_the_page_opens_without_the_lecture() {
    for bad in ["0", "11", "two", "-1"] {
        let loaded = query::parse(&format!("?slide={bad}"));
        assert_eq!(loaded.slide, None);
        assert_eq!(loaded.problems.len(), 1, "{bad}");
    }
}

#[test]
fn a_new_layer_on_a_stop_moves_the_animation_to_the_same_moment() {
    use sepconv::cost::Param;
    use sepconv::state::Action;
    use std::rc::Rc;
    use yew::Reducible;
    let state = Rc::new(query::parse("?df=8&dk=3&m=3&n=8&pad=same&slide=6").into_state());
    let state = state.reduce(Action::Set(Param::M, 5));
    let c = state.costs;
    assert_eq!(
        state.playhead.step,
        Timeline::new(c, Mode::Separable).total_steps()
    );
    let state = state.reduce(Action::SetSlide(Some(Stop::Counts)));
    let state = state.reduce(Action::SetStep(3));
    assert_eq!(
        state.playhead.step, 3,
        "a stop without the animation leaves it alone"
    );
}

fn room(slide: Option<Stop>) -> Room {
    Room {
        slide,
        ..Room::default()
    }
}

#[test]
fn a_clickers_keys_move_one_stop_from_anywhere() {
    let at = room(Some(Stop::DepthwiseSecond));
    for focus in [Focus::TextBox, Focus::Arrows, Focus::Other] {
        assert_eq!(
            press(at, "PageDown", focus).unwrap().slide,
            Some(Stop::DepthwiseDone)
        );
        assert_eq!(
            press(at, "PageUp", focus).unwrap().slide,
            Some(Stop::DepthwiseFirst)
        );
    }
    assert_eq!(
        press(at, " ", Focus::Arrows).unwrap().slide,
        Some(Stop::DepthwiseDone)
    );
    assert_eq!(
        press(at, " ", Focus::TextBox),
        None,
        "Space types in a text box"
    );
    assert_eq!(
        press(at, "ArrowRight", Focus::Other).unwrap().slide,
        Some(Stop::DepthwiseDone)
    );
    assert_eq!(
        press(at, "ArrowRight", Focus::Arrows),
        None,
        "the slider keeps its arrows"
    );
    assert_eq!(
        press(room(None), "PageDown", Focus::Other),
        None,
        "outside the lecture"
    );
}

#[test]
fn classroom_keys_blank_hide_reveal_and_leave() {
    let at = room(Some(Stop::Counts));
    let blank = press(at, "b", Focus::Arrows).unwrap();
    assert!(blank.blank);
    let back = press(blank, "PageDown", Focus::Other).unwrap();
    assert_eq!(back, at, "out of the black without moving on");
    assert_eq!(press(at, "b", Focus::TextBox), None);

    let hidden = press(at, "H", Focus::Other).unwrap();
    assert!(hidden.hidden);
    let revealed = press(hidden, "PageDown", Focus::Other).unwrap();
    assert_eq!(revealed, at, "the next click reveals, and does not move");
    // A mouse's click reveals too, and only reveals: it never hides, blanks or moves.
    assert_eq!(press(hidden, CLICK, Focus::Other).unwrap(), at);
    assert_eq!(press(at, CLICK, Focus::Other), None);
    assert_eq!(press(blank, CLICK, Focus::Other), None);
    assert_eq!(
        press(revealed, "PageDown", Focus::Other).unwrap().slide,
        Some(Stop::Ratio)
    );

    let help = press(at, "?", Focus::Other).unwrap();
    assert!(help.help);
    assert_eq!(
        press(help, "Escape", Focus::Other).unwrap(),
        at,
        "Escape closes the help first"
    );
    assert_eq!(
        press(at, "Escape", Focus::TextBox).unwrap(),
        Room::default()
    );
    assert_eq!(press(at, "p", Focus::Arrows).unwrap(), Room::default());
    assert_eq!(
        press(room(None), "P", Focus::Arrows).unwrap().slide,
        Some(Stop::Question)
    );
    assert_eq!(press(room(None), "p", Focus::TextBox), None);
}

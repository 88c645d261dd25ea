//! The animation's timeline, natively: the counters end exactly on the formulas, every
//! output is written once, jumps land where the buttons say, and a race is fair.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::anim::{Mode, Phase, Timeline};
use sepconv::cost::{Costs, Layer, Padding};
use std::collections::HashSet;

fn costs(df: u32, dk: u32, m: u32, n: u32, padding: Padding, stride: u32) -> Costs {
    Costs::of(&Layer {
        df,
        dk,
        m,
        n,
        padding,
        stride,
        dilation: 1,
        ..Layer::default()
    })
    .unwrap()
}

#[test]
fn every_step_adds_up_to_the_formulas() {
    for c in [
        costs(8, 3, 3, 8, Padding::Same, 1),
        costs(7, 3, 2, 5, Padding::Valid, 2),
        costs(5, 2, 4, 3, Padding::Explicit(1), 1),
    ] {
        for mode in [Mode::Standard, Mode::Separable] {
            let t = Timeline::new(c, mode);
            let mut sum = 0u128;
            let mut seen = HashSet::new();
            for step in 1..=t.total_steps() {
                let f = t.frame(step);
                sum += f.mults_step;
                assert_eq!(f.mults_total, sum, "{mode:?} step {step}");
                assert!(f.row < c.dp && f.col < c.dp && f.group < f.groups);
                assert!(
                    seen.insert((f.phase as u8, f.group, f.row, f.col)),
                    "each output once"
                );
            }
            let total = match mode {
                Mode::Standard | Mode::Race => c.standard(),
                Mode::Separable => c.separable(),
            };
            assert_eq!(sum, total);
            assert_eq!(t.total_formula(), total);
        }
    }
}

#[test]
fn each_phase_ends_on_its_formula() {
    let c = costs(14, 3, 32, 64, Padding::Same, 1);
    let t = Timeline::new(c, Mode::Separable);
    let ends = t.phase_ends();
    assert_eq!(ends, vec![32 * 196, 32 * 196 + 64 * 196]);
    let dw = t.frame(ends[0]);
    assert_eq!(
        (dw.phase, dw.phase_done, dw.mults_phase),
        (Phase::Depthwise, true, c.depthwise())
    );
    let first_pw = t.frame(ends[0] + 1);
    assert_eq!(
        (first_pw.phase, first_pw.group, first_pw.row, first_pw.col),
        (Phase::Pointwise, 0, 0, 0)
    );
    assert_eq!(first_pw.mults_step, 32);
    let pw = t.frame(ends[1]);
    assert_eq!(
        (pw.mults_phase, pw.mults_total),
        (c.pointwise(), c.separable())
    );
    let st = Timeline::new(c, Mode::Standard);
    assert_eq!(st.frame(st.total_steps()).mults_total, c.standard());
    // Step 0: nothing done yet; past the end: clamped to the end.
    assert_eq!(t.frame(0).mults_total, 0);
    assert_eq!(t.frame(u64::MAX), t.frame(t.total_steps()));
}

#[test]
fn jumps_land_on_the_first_position_of_the_next_channel_or_filter() {
    let c = costs(4, 3, 3, 2, Padding::Same, 1);
    let t = Timeline::new(c, Mode::Separable);
    // 16 positions; 3 channels, then 2 filters. Step 17 shows channel 2 at (1, 1).
    assert_eq!(t.next_group_start(0), 17);
    assert_eq!(t.next_group_start(1), 17);
    assert_eq!(t.next_group_start(16), 17);
    assert_eq!(t.next_group_start(17), 33);
    let second = t.frame(17);
    assert_eq!((second.group, second.row, second.col), (1, 0, 0));
    // From the last channel to the first pointwise filter, then to the end.
    assert_eq!(t.next_group_start(40), 49);
    assert_eq!(t.frame(49).phase, Phase::Pointwise);
    assert_eq!(t.next_group_start(65), 80);
    // Back: to the start of this one, then of the one before.
    assert_eq!(t.previous_group_start(40), 33);
    assert_eq!(t.previous_group_start(33), 17);
    assert_eq!(t.previous_group_start(1), 0);
    assert_eq!(t.next_phase_end(3), 48);
    assert_eq!(t.next_phase_end(48), 80);
}

#[test]
fn a_race_spends_the_same_multiplications_on_both_sides() {
    let c = costs(8, 3, 3, 8, Padding::Same, 1);
    let standard = Timeline::new(c, Mode::Race);
    let separable = Timeline::new(c, Mode::Separable);
    assert_eq!(standard.total_formula(), c.standard());
    assert_eq!(standard.total_steps(), 8 * 64);
    for step in [0, 1, 7, 100, 255, standard.total_steps()] {
        let spent = standard.frame(step).mults_total;
        let other = standard.race_frame(step);
        assert_eq!(other, separable.frame(separable.steps_within(spent)));
        assert!(other.mults_total <= spent);
        // One step more would overspend, unless the separable side is done.
        if other.step < separable.total_steps() {
            let next = separable.frame(other.step + 1);
            assert!(next.mults_total > spent, "step {step}");
        }
    }
    // The separable side is done when the standard side has spent R of its total.
    let finish = separable.total_formula();
    let first_done = (0..=standard.total_steps())
        .find(|&s| {
            let spent = standard.frame(s).mults_total;
            separable.steps_within(spent) == separable.total_steps()
        })
        .unwrap();
    assert!(standard.frame(first_done).mults_total >= finish);
    assert!(standard.frame(first_done - 1).mults_total < finish);
}

#[test]
fn a_race_goes_on_until_the_separable_side_is_done_when_it_has_more_to_do() {
    // 1 x 1 kernels: separable M·Dp²·(1 + N) = 1,728 against standard N·Dp²·M = 1,536, 3
    // multiplications a standard step: 576 steps, where the standard side ends at 512.
    let c = costs(8, 1, 3, 8, Padding::Same, 1);
    let race = Timeline::new(c, Mode::Race);
    assert_eq!((c.standard(), c.separable()), (1_536, 1_728));
    assert_eq!(race.total_steps(), 576);
    assert_eq!(race.total_formula(), c.standard());
    // Past its end the standard side stays done, and the separable side goes on.
    let standard_end = race.frame(512);
    for step in [513, 550, 575] {
        let f = race.frame(step);
        assert_eq!(f.step, step);
        assert_eq!((f.mults_total, f.phase_done), (c.standard(), true));
        assert_eq!(
            (f.group, f.row, f.col),
            (standard_end.group, standard_end.row, standard_end.col)
        );
        let other = race.race_frame(step);
        assert!(other.mults_total <= 3 * u128::from(step) && other.mults_total < c.separable());
    }
    // The last step ends both on their formulas.
    let (last, other) = (race.frame(576), race.race_frame(576));
    assert_eq!(
        (last.mults_total, other.mults_total),
        (c.standard(), c.separable())
    );
    assert_eq!(race.frame(10_000), last, "clamped to the end");
}

#[test]
fn the_lit_cells_are_the_window_the_channel_or_the_column() {
    let c = costs(8, 3, 3, 8, Padding::Same, 1);
    let sep = Timeline::new(c, Mode::Separable);
    // Step 64 + 28: channel 2, 0-based position (3, 3): rows and columns 2 to 4.
    let dw = sep.lit(&sep.frame(64 + 28));
    assert_eq!(
        (dw.channels, dw.rows, dw.cols),
        ((1, 1), Some((2, 4)), Some((2, 4)))
    );
    // At the corner the window starts in the padding: only input cells count.
    let corner = sep.lit(&sep.frame(1));
    assert_eq!((corner.rows, corner.cols), (Some((0, 1)), Some((0, 1))));
    let pw = sep.lit(&sep.frame(192 + 64 * 2 + 8 * 3 + 4));
    assert_eq!(
        (pw.channels, pw.rows, pw.cols),
        ((0, 2), Some((3, 3)), Some((3, 3)))
    );
    let st = Timeline::new(c, Mode::Standard);
    assert_eq!(st.lit(&st.frame(10)).channels, (0, 2));
    // A window wholly in the padding reads no input cell.
    let padded = Timeline::new(costs(4, 3, 1, 1, Padding::Explicit(5), 1), Mode::Standard);
    assert_eq!(padded.lit(&padded.frame(1)).rows, None);
}

#[test]
fn windows_start_in_the_padding_for_same_and_step_by_the_stride() {
    let t = Timeline::new(costs(8, 3, 1, 1, Padding::Same, 1), Mode::Standard);
    assert_eq!(t.window_origin(0, 0), (-1, -1));
    assert_eq!(t.window_origin(7, 7), (6, 6));
    let t = Timeline::new(costs(7, 3, 1, 1, Padding::Valid, 2), Mode::Standard);
    assert_eq!(t.window_origin(2, 1), (4, 2));
    // TensorFlow's same padding with stride 2 on 224: 1 pixel after, none before.
    let t = Timeline::new(costs(224, 3, 1, 1, Padding::Same, 2), Mode::Standard);
    assert_eq!(t.window_origin(0, 0), (0, 0));
}

proptest! {
    #[test]
    fn counters_are_exact_at_any_step(
        df in 1u32..=4096, dk in 1u32..=512, m in 1u32..=8192, n in 1u32..=8192,
        separable in any::<bool>(), at in 0.0f64..=1.0,
    ) {
        let layer = Layer { df, dk, m, n, padding: Padding::Same, stride: 1, dilation: 1, ..Layer::default() };
        let c = Costs::of(&layer).unwrap();
        let t = Timeline::new(c, if separable { Mode::Separable } else { Mode::Standard });
        let step = (t.total_steps() as f64 * at) as u64;
        let f = t.frame(step);
        // Steps done so far times multiplications per step, phase by phase.
        let ends = t.phase_ends();
        let mut expected = 0u128;
        let mut before = 0u64;
        for (&phase, &end) in t.phases().iter().zip(&ends) {
            let done = step.clamp(before, end) - before;
            expected += u128::from(done) * t.mults_per_step(phase);
            before = end;
        }
        prop_assert_eq!(f.mults_total, expected);
        prop_assert!(f.row < c.dp && f.col < c.dp && f.group < f.groups);
    }
}

#[test]
fn a_grouped_standard_layer_counts_m_over_g_per_step() {
    let c = Costs::of(&Layer {
        df: 6,
        dk: 3,
        m: 8,
        n: 12,
        padding: Padding::Same,
        groups: 4,
        ..Layer::default()
    })
    .unwrap();
    let t = Timeline::new(c, Mode::Standard);
    assert_eq!(t.mults_per_step(Phase::Standard), 9 * 2);
    assert_eq!(t.frame(t.total_steps()).mults_total, c.standard());
    assert_eq!(c.standard(), 12 * 36 * 9 * 2);
}

#[test]
fn a_recording_starts_and_ends_on_the_steps_asked_for() {
    use sepconv::anim::recording_steps;
    assert_eq!(recording_steps(5, 9, 300), vec![5, 6, 7, 8, 9]);
    assert_eq!(
        recording_steps(9, 5, 300),
        vec![5, 6, 7, 8, 9],
        "either way round"
    );
    assert_eq!(recording_steps(7, 7, 300), vec![7]);
    let long = recording_steps(1, 7_225_344, 300);
    assert_eq!(long.len(), 300);
    assert_eq!((long[0], long[299]), (1, 7_225_344));
    assert!(long.windows(2).all(|w| w[0] < w[1]), "always forward");
    assert_eq!(
        recording_steps(0, u64::MAX, 3),
        vec![0, u64::MAX / 2, u64::MAX]
    );
}

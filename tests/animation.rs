//! The animation's timeline and scene, natively: the counters end exactly on the
//! formulas, every output is written once, and the drawing stays bounded.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::anim::{scene, Layout, Mode, Paint, Phase, Shape, Timeline};
use sepconv::cost::{Costs, Layer, Padding};
use sepconv::i18n::Lang;
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
                Mode::Standard => c.standard(),
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
fn jumps_go_channel_by_channel_and_phase_by_phase() {
    let c = costs(4, 3, 3, 2, Padding::Same, 1);
    let t = Timeline::new(c, Mode::Separable);
    // 16 positions; 3 channels, then 2 filters.
    assert_eq!(t.next_group_end(0), 16);
    assert_eq!(t.next_group_end(16), 32);
    assert_eq!(t.next_group_end(47), 48);
    assert_eq!(t.next_group_end(48), 64);
    assert_eq!(t.previous_group_end(40), 32);
    assert_eq!(t.previous_group_end(32), 16);
    assert_eq!(t.previous_group_end(5), 0);
    assert_eq!(t.next_phase_end(3), 48);
    assert_eq!(t.next_phase_end(48), 80);
    assert_eq!(t.next_group_end(80), 80);
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

fn reads(scene: &sepconv::anim::Scene) -> usize {
    scene
        .shapes
        .iter()
        .filter(|s| {
            matches!(
                s,
                Shape::Quad {
                    fill: Some(Paint::Read),
                    ..
                }
            )
        })
        .count()
}

#[test]
fn the_scene_reads_one_channel_in_depthwise_and_all_in_standard() {
    let c = costs(8, 3, 3, 8, Padding::Same, 1);
    let st = Timeline::new(c, Mode::Standard);
    assert_eq!(
        reads(&scene(&st, &st.frame(10), Layout::WIDE, Lang::En)),
        9 * 3,
        "3x3 on each of 3 channels"
    );
    let sep = Timeline::new(c, Mode::Separable);
    assert_eq!(
        reads(&scene(&sep, &sep.frame(70), Layout::TALL, Lang::En)),
        9,
        "3x3 on channel 2 only"
    );
    let pw = sep.frame(sep.phase_ends()[0] + 5);
    assert_eq!(
        reads(&scene(&sep, &pw, Layout::WIDE, Lang::En)),
        3,
        "1x1 through each of 3 channels"
    );
}

#[test]
fn a_grouped_filter_reads_only_its_group_of_channels() {
    // 4 input channels in 2 groups, 4 filters: filters 1-2 read channels 1-2, 3-4 read 3-4.
    let c = Costs::of(&Layer {
        df: 6,
        dk: 3,
        m: 4,
        n: 4,
        padding: Padding::Same,
        groups: 2,
        ..Layer::default()
    })
    .unwrap();
    let st = Timeline::new(c, Mode::Standard);
    let shown = |step| scene(&st, &st.frame(step), Layout::WIDE, Lang::En);
    assert_eq!(reads(&shown(10)), 9 * 2, "filter 1 reads channels 1 and 2");
    // Step 100 is filter 3 (36 positions a filter): channels 3 and 4.
    assert_eq!(st.frame(100).group, 2);
    assert_eq!(reads(&shown(100)), 9 * 2);
    // The slices in front of the group are drawn as outlines, so the two frames differ in
    // how many input slices are filled: the second group starts further back.
    let filled = |scene: &sepconv::anim::Scene| {
        scene
            .shapes
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Shape::Quad {
                        fill: Some(Paint::Slice),
                        ..
                    }
                )
            })
            .count()
    };
    assert!(filled(&shown(100)) < filled(&shown(10)));
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
        // The drawing stays bounded whatever the size.
        for layout in [Layout::WIDE, Layout::TALL] {
            let shapes = scene(&t, &f, layout, Lang::En).shapes.len();
            prop_assert!(shapes < 700, "{} shapes", shapes);
        }
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

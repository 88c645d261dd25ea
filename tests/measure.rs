//! The "Run it" panel's arithmetic: the layer a run can afford, the geometry the kernels
//! take, each kernel's FLOPs, bytes and intensity, and what the figures of a run mean.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::cost::{Costs, Fraction, Layer, Padding, Part, Unit};
use sepconv::measure::{geometry, Kernel, Measured, Plan, MOST_MACS};
use sepconv_kernels::{largest_difference, random, reference, standard};

mod common;
use common::costs;

#[test]
fn a_small_layer_runs_whole_and_predicts_the_article_s_ratio() {
    let plan = Plan::of(&Costs::default());
    assert!(plan.is_whole() && plan.fits);
    // R = 1/N + 1/Dk² = 1/8 + 1/9 = 17/72 with same padding at stride 1.
    assert_eq!(plan.predicted(), 72.0 / 17.0);
    assert_eq!(plan.flops(Kernel::Standard), 2 * 8 * 64 * 9 * 3);
    assert_eq!(plan.flops(Kernel::Depthwise), 2 * 3 * 64 * 9);
    assert_eq!(plan.flops(Kernel::Pointwise), 2 * 3 * 64 * 8);
}

#[test]
fn mobilenet_s_14_by_14_layer_runs_with_fewer_channels_and_the_same_ratio() {
    // 512 · 196 · 9 · 512 = 462 M multiply-adds: too many for one timed call. The input is
    // no larger than a crop would be, so channels halve twice; R does not depend on M.
    let page = costs(14, 3, 512, 512);
    let plan = Plan::of(&page);
    assert_eq!(
        (plan.crop, plan.channels, plan.filters),
        (None, Some((128, 512)), None)
    );
    assert!(plan.costs.count(Part::Standard, Unit::Macs) <= MOST_MACS);
    assert_eq!(
        plan.costs.ratio_in(Unit::Macs),
        page.ratio_in(Unit::Macs),
        "the run's R is the page's"
    );
    // Said in words: one change, "it" (a crop and fewer channels would be "either").
    let words = sepconv::messages::run_scale(sepconv::i18n::Lang::En, &plan).unwrap();
    assert!(
        words.ends_with("R does not depend on it: it stays 0.113."),
        "{words}"
    );
    let zh = sepconv::messages::run_scale(sepconv::i18n::Lang::Zh, &plan).unwrap();
    assert!(zh.contains("R 与此无关"), "{zh}");
    // The depthwise step moves about a byte for every two FLOPs; the pointwise step does
    // over 30 FLOPs a byte. That is the roofline's point.
    let depthwise = plan.intensity(Kernel::Depthwise);
    assert_eq!(plan.flops(Kernel::Depthwise), 2 * 128 * 196 * 9);
    assert_eq!(plan.bytes(Kernel::Depthwise), 4 * (196 * 128 * 2 + 128 * 9));
    assert!((2.1..2.3).contains(&depthwise), "{depthwise}");
    assert!(plan.intensity(Kernel::Pointwise) > 15.0 * depthwise);
}

#[test]
fn a_large_input_is_cropped_before_anything_else() {
    let plan = Plan::of(&costs(224, 3, 64, 64));
    let (run, page) = plan.crop.unwrap();
    assert_eq!(page, 224);
    assert!((16..224).contains(&run), "{run}");
    assert_eq!(plan.channels, None);
    assert_eq!(plan.filters, None);
}

#[test]
fn a_kernel_too_large_to_run_even_scaled_down_is_said_so() {
    let plan = Plan::of(&costs(4096, 512, 8192, 8192));
    assert!(!plan.fits);
}

#[test]
fn a_grouped_layer_keeps_its_groups_width() {
    let layer = Layer {
        groups: 32,
        ..costs(28, 3, 1024, 1024).layer
    };
    let plan = Plan::of(&Costs::of(&layer).unwrap());
    let run = plan.costs.layer;
    assert_eq!((run.m / run.groups, run.n / run.groups), (32, 32));
    assert!(plan.fits);
}

#[test]
fn the_figures_of_a_run_mean_what_they_say() {
    let plan = Plan::of(&costs(56, 3, 128, 128));
    let measured = Measured {
        ms: [20.0, 1.0, 3.0],
        max_error: 1e-6,
        peak_gflops: 40.0,
        bandwidth_gbs: Some(10.0),
    };
    assert_eq!(measured.speedup(), 5.0);
    assert_eq!(
        measured.gflops(&plan, Kernel::Pointwise),
        plan.flops(Kernel::Pointwise) as f64 / 3.0 / 1e6
    );
    // At 2 FLOPs a byte, 10 GB/s allow 20 GFLOP/s, under the 40 of the peak.
    assert_eq!(measured.roof(2.0), 20.0);
    assert_eq!(measured.roof(100.0), 40.0);
    assert!(measured.memory_bound(&plan, Kernel::Depthwise));
    assert!(!measured.memory_bound(&plan, Kernel::Pointwise));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_plan_fits_or_says_it_does_not_and_keeps_the_layer_s_shape(
        df in 1u32..600, dk in 1u32..12, m in 1u32..2048, n in 1u32..2048, stride in 1u32..4,
    ) {
        let layer = Layer { df, dk, m, n, stride, padding: Padding::Same, ..Layer::default() };
        let page = Costs::of(&layer).unwrap();
        let plan = Plan::of(&page);
        let run = plan.costs.layer;
        prop_assert_eq!((run.dk, run.stride, run.padding), (dk, stride, Padding::Same));
        prop_assert!(run.df <= df && run.m <= m && run.n <= n);
        if plan.fits {
            prop_assert!(plan.costs.count(Part::Standard, Unit::Macs) <= MOST_MACS);
        }
        // Only fewer filters change R.
        if plan.filters.is_none() {
            prop_assert_eq!(plan.costs.ratio_in(Unit::Macs), page.ratio_in(Unit::Macs));
        }
        let g = plan.geometry();
        prop_assert_eq!((g.size, g.out, g.channels, g.filters), (
            run.df as usize, plan.costs.dp as usize, run.m as usize, run.n as usize));
        let exact = Fraction::new(
            plan.costs.count(Part::Standard, Unit::Macs),
            plan.costs.count(Part::Separable, Unit::Macs),
        );
        prop_assert!((plan.predicted() - exact.to_f64()).abs() <= 1e-12 * exact.to_f64());
    }
}

#[test]
fn the_page_s_layers_map_to_kernel_geometry() {
    // MobileNet's example layer, same padding: Dp = 14, one pixel of padding before.
    let costs = Costs::of(&Layer {
        df: 14,
        dk: 3,
        m: 512,
        n: 512,
        padding: Padding::Same,
        ..Layer::default()
    })
    .unwrap();
    let g = geometry(&costs);
    assert_eq!(
        (g.size, g.out, g.pad, g.kernel, g.channels, g.filters),
        (14, 14, 1, 3, 512, 512)
    );
    // Stride 2 and same padding: TensorFlow pads 0 before and 1 after a 14-pixel input.
    let strided = Costs::of(&Layer {
        df: 14,
        dk: 3,
        m: 8,
        n: 8,
        stride: 2,
        padding: Padding::Same,
        ..Layer::default()
    })
    .unwrap();
    let g = geometry(&strided);
    assert_eq!((g.out, g.pad, g.stride), (7, 0, 2));
    // Its output still matches the definition: the padding after is read as zeros.
    let input = data(8 * 14 * 14, 7);
    let weights = data(8 * 8 * 9, 8);
    assert!(
        largest_difference(
            &standard(&g, &input, &weights),
            &reference(&g, &input, &weights)
        ) < 1e-5
    );
}

/// Reproducible data in [-1, 1).
fn data(len: usize, seed: u64) -> Vec<f32> {
    let mut values = vec![0.0; len];
    random(&mut values, seed);
    values
}

#[test]
fn the_sentence_under_the_roofline_says_why_in_each_case() {
    use sepconv::i18n::Lang;
    use sepconv::messages::run_why;
    let plan = Plan::of(&costs(56, 3, 128, 128));
    // Pointwise and standard at one speed; the depthwise step slower, under the slope.
    let even = Measured {
        ms: [
            plan.flops(Kernel::Standard) as f64 / 20e6,
            plan.flops(Kernel::Depthwise) as f64 / 5e6,
            plan.flops(Kernel::Pointwise) as f64 / 20e6,
        ],
        max_error: 1e-6,
        peak_gflops: 40.0,
        bandwidth_gbs: Some(10.0),
    };
    let words = run_why(Lang::En, &plan, &even);
    assert!(
        words.contains("predict 8.41×") && words.contains("memory caps it at 22.4 GFLOP/s"),
        "{words}"
    );
    // 1/(1 + 128/9) of the work, at a quarter of the speed: 23 % of the time.
    assert!(
        words.contains("has 6.57 % of the pair's multiplications and took 22 % of its time"),
        "{words}"
    );
    assert!(words.ends_with("waits on memory."), "{words}");
    // A standard convolution slower per FLOP than the pointwise step is named as a cause.
    let slow_standard = Measured {
        ms: [even.ms[0] * 2.0, even.ms[1], even.ms[2]],
        ..even
    };
    let words = run_why(Lang::Zh, &plan, &slow_standard);
    assert!(
        words.contains("im2col") && words.contains("抬高了实测倍数"),
        "{words}"
    );
}

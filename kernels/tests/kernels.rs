//! The convolution kernels against their definition, on many small shapes with stride,
//! padding, dilation and groups; and the identity that lets the two be compared at all:
//! a standard convolution with W[n, m] = P[n, m] · D[m] is the separable pair.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv_kernels::{
    combined, depthwise, largest_difference, pointwise, random, reference, standard, Geometry,
};

/// Reproducible data in [-1, 1).
fn data(len: usize, seed: u64) -> Vec<f32> {
    let mut values = vec![0.0; len];
    random(&mut values, seed);
    values
}

/// A geometry with an output, from the proptest's choices.
fn geometry(
    size: usize,
    kernel: usize,
    stride: usize,
    dilation: usize,
    pad: usize,
    groups: usize,
    per_group: (usize, usize),
) -> Option<Geometry> {
    let span = dilation * (kernel - 1) + 1;
    let padded = size + 2 * pad;
    (padded >= span).then(|| Geometry {
        size,
        channels: groups * per_group.0,
        filters: groups * per_group.1,
        kernel,
        stride,
        dilation,
        pad,
        out: (padded - span) / stride + 1,
        groups,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_standard_kernel_is_the_definition(
        size in 1usize..12, kernel in 1usize..5, stride in 1usize..4, dilation in 1usize..4,
        pad in 0usize..4, groups in 1usize..4, per_group in (1usize..12, 1usize..5), seed in any::<u64>(),
    ) {
        let Some(g) = geometry(size, kernel, stride, dilation, pad, groups, per_group) else {
            return Ok(());
        };
        let input = data(g.channels * size * size, seed);
        let weights = data(g.filters * per_group.0 * kernel * kernel, seed ^ 1);
        let fast = standard(&g, &input, &weights);
        prop_assert!(largest_difference(&fast, &reference(&g, &input, &weights)) < 1e-5);
    }

    #[test]
    fn the_depthwise_kernel_is_a_convolution_with_one_group_per_channel(
        size in 1usize..30, kernel in 1usize..5, stride in 1usize..4, dilation in 1usize..4,
        pad in 0usize..4, channels in 1usize..20, seed in any::<u64>(),
    ) {
        let Some(g) = geometry(size, kernel, stride, dilation, pad, channels, (1, 1)) else {
            return Ok(());
        };
        let input = data(channels * size * size, seed);
        let weights = data(channels * kernel * kernel, seed ^ 2);
        let fast = depthwise(&g, &input, &weights);
        prop_assert!(largest_difference(&fast, &reference(&g, &input, &weights)) < 1e-5);
    }

    #[test]
    fn the_pointwise_kernel_is_a_one_by_one_convolution(
        size in 1usize..10, channels in 1usize..8, filters in 1usize..8, seed in any::<u64>(),
    ) {
        let g = geometry(size, 1, 1, 1, 0, 1, (channels, filters)).unwrap();
        let input = data(channels * size * size, seed);
        let weights = data(filters * channels, seed ^ 3);
        let fast = pointwise(channels, filters, size * size, &input, &weights);
        prop_assert!(largest_difference(&fast, &reference(&g, &input, &weights)) < 1e-5);
    }

    #[test]
    fn a_separable_pair_is_a_standard_convolution_with_rank_one_weights(
        size in 1usize..12, kernel in 1usize..5, stride in 1usize..3, dilation in 1usize..3,
        pad in 0usize..3, channels in 1usize..12, filters in 1usize..6, seed in any::<u64>(),
    ) {
        let Some(g) = geometry(size, kernel, stride, dilation, pad, 1, (channels, filters)) else {
            return Ok(());
        };
        let input = data(channels * size * size, seed);
        let d = data(channels * kernel * kernel, seed ^ 4);
        let p = data(filters * channels, seed ^ 5);
        let pair = pointwise(channels, filters, g.out * g.out, &depthwise(&g, &input, &d), &p);
        let whole = standard(&g, &input, &combined(channels, filters, kernel * kernel, &p, &d));
        prop_assert!(largest_difference(&pair, &whole) < 1e-4);
    }
}

#[test]
fn a_known_convolution_by_hand() {
    // A 3 x 3 input of 1..9, one 2 x 2 kernel of ones, stride 1, no padding: window sums.
    let g = Geometry {
        size: 3,
        channels: 1,
        filters: 1,
        kernel: 2,
        stride: 1,
        dilation: 1,
        pad: 0,
        out: 2,
        groups: 1,
    };
    let input: Vec<f32> = (1..=9).map(|v| v as f32).collect();
    assert_eq!(
        standard(&g, &input, &[1.0; 4]),
        vec![12.0, 16.0, 24.0, 28.0]
    );
    // Padded by one, stride 2: the corners of the padded input, each window one to four values.
    let g = Geometry {
        pad: 1,
        stride: 2,
        ..g
    };
    assert_eq!(standard(&g, &input, &[1.0; 4]), vec![1.0, 5.0, 11.0, 28.0]);
}

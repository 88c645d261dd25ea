//! The measuring worker's C ABI, natively: a prepared layer runs, its separable pair
//! equals the standard kernel with the weights it amounts to, and geometries the kernels
//! cannot take are refused rather than run.
#![cfg(not(target_arch = "wasm32"))]

use sepconv_kernels::worker::{
    depthwise, max_error, peak, peak_flops, pointwise, prepare, release, standard, stream,
    stream_prepare,
};

#[test]
fn a_prepared_layer_runs_and_its_two_forms_agree() {
    // 20 x 20 x 16, 24 filters of 3 x 3, stride 1, one pixel of padding: Dp = 20.
    assert_eq!(prepare(20, 16, 24, 3, 1, 1, 1, 20, 1), 1);
    standard();
    depthwise();
    pointwise();
    let error = max_error();
    assert!((0.0..1e-4).contains(&error), "{error}");
    // Grouped: the identity is checked on an ungrouped run with the pair's weights.
    assert_eq!(prepare(9, 8, 8, 3, 2, 1, 0, 4, 4), 1);
    standard();
    let error = max_error();
    assert!((0.0..1e-4).contains(&error), "{error}");
    release();
    assert_eq!(max_error(), -1.0, "nothing prepared after release");
}

#[test]
fn geometries_the_kernels_cannot_take_are_refused() {
    assert_eq!(
        prepare(8, 6, 8, 3, 1, 1, 1, 8, 4),
        0,
        "6 channels in 4 groups"
    );
    assert_eq!(prepare(8, 3, 8, 3, 1, 1, 1, 0, 1), 0, "no output");
    assert_eq!(
        prepare(4096, 8192, 8192, 3, 1, 1, 1, 4096, 1),
        0,
        "too large"
    );
}

#[test]
fn the_probes_do_what_they_count() {
    // 96 FLOPs a round: 6 chains of 8 lanes, a multiply and an add each.
    assert_eq!(peak_flops(10), 960.0);
    assert!(peak(1000).is_finite());
    assert_eq!(stream_prepare(1 << 10), 1);
    stream();
    assert_eq!(stream_prepare(u32::MAX), 0);
    release();
}

//! The C ABI the measuring worker (`static/measure-worker.js`) calls: no wasm-bindgen, no
//! imports, so the worker instantiates these bytes as they are. The worker times each call
//! itself, with `performance.now()`.
//!
//! One layer at a time: `prepare` allocates its data (random input and separable weights,
//! and the standard weights they amount to), then `standard`, `depthwise` and `pointwise`
//! each run one kernel once, into buffers kept between calls, so that a timed call does
//! nothing but the convolution.

use crate::{
    combined, depthwise_into, largest_difference, pointwise_into, probe, random, standard_into,
    Geometry,
};
use std::cell::RefCell;

/// The most values any one buffer may hold: 16 M floats, 64 MB (the page scales a layer
/// down well before this).
const MOST_VALUES: usize = 1 << 24;

struct Layer {
    g: Geometry,
    input: Vec<f32>,
    depthwise_weights: Vec<f32>,
    pointwise_weights: Vec<f32>,
    standard_weights: Vec<f32>,
    columns: Vec<f32>,
    standard_out: Vec<f32>,
    depthwise_out: Vec<f32>,
    pointwise_out: Vec<f32>,
}

thread_local! {
    static LAYER: RefCell<Option<Layer>> = const { RefCell::new(None) };
    static STREAM: RefCell<(Vec<f32>, Vec<f32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Allocates and fills one layer's data; 0 when the geometry is not one the kernels take
/// (no output, channels or filters not a multiple of the groups, a buffer too large).
#[no_mangle]
pub extern "C" fn prepare(
    size: u32,
    channels: u32,
    filters: u32,
    kernel: u32,
    stride: u32,
    dilation: u32,
    pad: u32,
    out: u32,
    groups: u32,
) -> u32 {
    let g = Geometry {
        size: size as usize,
        channels: channels as usize,
        filters: filters as usize,
        kernel: kernel as usize,
        stride: stride as usize,
        dilation: dilation as usize,
        pad: pad as usize,
        out: out as usize,
        groups: groups as usize,
    };
    let layer = layout(g).map(fill);
    let ok = layer.is_some();
    LAYER.with_borrow_mut(|slot| *slot = layer);
    u32::from(ok)
}

/// The buffers of `g`, zeroed, if `g` is a geometry the kernels take and fits.
fn layout(g: Geometry) -> Option<Layer> {
    let sizes = [
        g.size, g.channels, g.filters, g.kernel, g.stride, g.dilation, g.out, g.groups,
    ];
    if sizes.contains(&0)
        || !g.channels.is_multiple_of(g.groups)
        || !g.filters.is_multiple_of(g.groups)
    {
        return None;
    }
    let (taps, plane, per_group) = (g.kernel * g.kernel, g.out * g.out, g.channels / g.groups);
    let lengths = [
        product(&[g.channels, g.size, g.size])?,
        product(&[g.filters, per_group, taps])?,
        product(&[g.filters, g.channels])?,
        product(&[g.filters.max(g.channels), plane])?,
        product(&[per_group, taps, plane])?,
        product(&[g.channels, taps])?,
    ];
    if lengths.iter().any(|&len| len > MOST_VALUES) {
        return None;
    }
    let [input, standard, pointwise, ..] = lengths;
    Some(Layer {
        g,
        input: vec![0.0; input],
        depthwise_weights: vec![0.0; g.channels * taps],
        pointwise_weights: vec![0.0; pointwise],
        standard_weights: vec![0.0; standard],
        columns: vec![0.0; g.columns_len()],
        standard_out: vec![0.0; g.filters * plane],
        depthwise_out: vec![0.0; g.channels * plane],
        pointwise_out: vec![0.0; g.filters * plane],
    })
}

/// The product of `factors`, if it fits a `usize` (32 bits in wasm).
fn product(factors: &[usize]) -> Option<usize> {
    factors
        .iter()
        .try_fold(1usize, |acc, &f| acc.checked_mul(f))
}

/// Random input and separable weights; an ungrouped layer's standard weights are the ones
/// the separable pair amounts to, so its output is the pair's.
fn fill(mut layer: Layer) -> Layer {
    random(&mut layer.input, 1);
    random(&mut layer.depthwise_weights, 2);
    random(&mut layer.pointwise_weights, 3);
    let g = layer.g;
    if g.groups == 1 {
        layer.standard_weights = combined(
            g.channels,
            g.filters,
            g.kernel * g.kernel,
            &layer.pointwise_weights,
            &layer.depthwise_weights,
        );
    } else {
        random(&mut layer.standard_weights, 4);
    }
    layer
}

/// Runs `work` on the prepared layer; nothing when none is.
fn with_layer(work: impl FnOnce(&mut Layer)) {
    LAYER.with_borrow_mut(|slot| {
        if let Some(layer) = slot.as_mut() {
            work(layer);
        }
    });
}

/// The standard (or grouped) convolution of the prepared layer, once.
#[no_mangle]
pub extern "C" fn standard() {
    with_layer(|l| {
        standard_into(
            &l.g,
            &l.input,
            &l.standard_weights,
            &mut l.columns,
            &mut l.standard_out,
        )
    });
}

/// The depthwise step of the prepared layer, once.
#[no_mangle]
pub extern "C" fn depthwise() {
    with_layer(|l| depthwise_into(&l.g, &l.input, &l.depthwise_weights, &mut l.depthwise_out));
}

/// The pointwise step of the prepared layer, once, on the depthwise step's output.
#[no_mangle]
pub extern "C" fn pointwise() {
    with_layer(|l| {
        let g = l.g;
        pointwise_into(
            g.channels,
            g.filters,
            g.out * g.out,
            &l.depthwise_out,
            &l.pointwise_weights,
            &mut l.pointwise_out,
        )
    });
}

/// The largest difference between the separable pair's output and the standard kernel's
/// with the weights the pair amounts to (for a grouped layer, an ungrouped convolution with
/// those weights, run here once); -1 when no layer is prepared.
#[no_mangle]
pub extern "C" fn max_error() -> f32 {
    depthwise();
    pointwise();
    let mut error = -1.0;
    with_layer(|l| {
        let g = l.g;
        let dense = Geometry { groups: 1, ..g };
        let weights = combined(
            g.channels,
            g.filters,
            g.kernel * g.kernel,
            &l.pointwise_weights,
            &l.depthwise_weights,
        );
        let mut whole = vec![0.0; l.pointwise_out.len()];
        let mut columns = vec![0.0; dense.columns_len()];
        standard_into(&dense, &l.input, &weights, &mut columns, &mut whole);
        error = largest_difference(&whole, &l.pointwise_out);
    });
    error
}

/// [`probe::multiply_adds`], for the arithmetic peak.
#[no_mangle]
pub extern "C" fn peak(rounds: u32) -> f32 {
    probe::multiply_adds(rounds, 0.999_9, 1e-4)
}

/// The FLOPs [`peak`] does in `rounds` rounds.
#[no_mangle]
pub extern "C" fn peak_flops(rounds: u32) -> f64 {
    probe::multiply_add_flops(rounds)
}

/// Allocates two buffers of `values` floats for [`stream`]; 0 when that is too many.
#[no_mangle]
pub extern "C" fn stream_prepare(values: u32) -> u32 {
    let values = values as usize;
    let fits = values <= MOST_VALUES;
    STREAM.with_borrow_mut(|(source, target)| {
        *source = vec![0.0; if fits { values } else { 0 }];
        random(source, 5);
        *target = vec![0.0; source.len()];
    });
    u32::from(fits)
}

/// Copies one stream buffer into the other, once: `8 * values` bytes moved.
#[no_mangle]
pub extern "C" fn stream() {
    STREAM.with_borrow_mut(|(source, target)| target.copy_from_slice(source));
}

/// Frees what `prepare` and `stream_prepare` allocated.
#[no_mangle]
pub extern "C" fn release() {
    LAYER.with_borrow_mut(|slot| *slot = None);
    STREAM.with_borrow_mut(|buffers| *buffers = Default::default());
}

//! The convolutions themselves, on f32 data, for running a layer for real: the standard
//! convolution (with groups), the depthwise step and the pointwise step, and the one line
//! that makes a standard layer out of a separable pair (W[n, m] = P[n, m] · D[m]). Plain
//! Rust with no yew or web-sys; the inner loops are unit-stride multiply-adds over an
//! output row, which the compiler turns into SIMD (wasm's simd128 where it is enabled).
//!
//! Layouts, one image: input `[channel][y][x]`, standard weights
//! `[filter][channel in group][ky][kx]`, depthwise weights `[channel][ky][kx]`, pointwise
//! weights `[filter][channel]`, outputs `[channel or filter][y][x]`.

use crate::cost::Costs;

/// One convolution's sizes as the kernels take them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// Input width and height, Df.
    pub size: usize,
    /// Input channels, M.
    pub channels: usize,
    /// Filters, N.
    pub filters: usize,
    /// Kernel width and height, Dk.
    pub kernel: usize,
    pub stride: usize,
    pub dilation: usize,
    /// Padding before the first pixel (top and left); what lies past the input reads as 0.
    pub pad: usize,
    /// Output width and height, Dp.
    pub out: usize,
    /// Groups of the standard convolution: each filter reads `channels / groups` channels.
    pub groups: usize,
}

impl Geometry {
    /// The geometry of the layer `costs` counts.
    pub fn of(costs: &Costs) -> Geometry {
        let l = costs.layer;
        Geometry {
            size: l.df as usize,
            channels: l.m as usize,
            filters: l.n as usize,
            kernel: l.dk as usize,
            stride: l.stride.max(1) as usize,
            dilation: l.dilation.max(1) as usize,
            pad: costs.pad_before() as usize,
            out: costs.dp as usize,
            groups: l.groups.max(1) as usize,
        }
    }

    fn taps(&self) -> usize {
        self.kernel * self.kernel
    }

    fn plane(&self) -> usize {
        self.out * self.out
    }

    /// The output columns `ox` whose tap `k` reads inside the input, as a range, with the
    /// input column the first of them reads.
    fn columns(&self, k: usize) -> Option<(usize, usize, usize)> {
        let offset = k * self.dilation;
        // ox * stride + offset - pad must lie in 0..size.
        let first = self.pad.saturating_sub(offset).div_ceil(self.stride);
        let last_in = (self.size + self.pad).checked_sub(offset + 1)?;
        let end = (last_in / self.stride + 1).min(self.out);
        (first < end).then(|| (first, end, first * self.stride + offset - self.pad))
    }
}

/// `out += weight * input` over one output row, reading every `stride`-th input value.
fn row(out: &mut [f32], input: &[f32], weight: f32, stride: usize) {
    if stride == 1 {
        for (o, &x) in out.iter_mut().zip(input) {
            *o += weight * x;
        }
    } else {
        for (o, &x) in out.iter_mut().zip(input.iter().step_by(stride)) {
            *o += weight * x;
        }
    }
}

/// One input plane through one Dk x Dk kernel, added into one output plane.
fn plane(g: &Geometry, input: &[f32], taps: &[f32], out: &mut [f32]) {
    for ky in 0..g.kernel {
        for kx in 0..g.kernel {
            let weight = taps[ky * g.kernel + kx];
            let Some((x0, x1, ix0)) = g.columns(kx) else {
                continue;
            };
            let Some((y0, y1, iy0)) = g.columns(ky) else {
                continue;
            };
            for (oy, iy) in (y0..y1).zip((iy0..).step_by(g.stride)) {
                let source = &input[iy * g.size + ix0..(iy + 1) * g.size];
                row(
                    &mut out[oy * g.out + x0..oy * g.out + x1],
                    source,
                    weight,
                    g.stride,
                );
            }
        }
    }
}

/// The standard (or grouped) convolution: `filters` planes of `out` x `out`.
pub fn standard(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let per_group = g.channels / g.groups;
    let filters_per_group = g.filters / g.groups;
    let (in_plane, taps) = (g.size * g.size, g.taps());
    let mut out = vec![0.0; g.filters * g.plane()];
    for (n, target) in out.chunks_exact_mut(g.plane()).enumerate() {
        let first = (n / filters_per_group) * per_group;
        for c in 0..per_group {
            let w = &weights[(n * per_group + c) * taps..][..taps];
            plane(g, &input[(first + c) * in_plane..][..in_plane], w, target);
        }
    }
    out
}

/// The depthwise step: each channel through its own Dk x Dk kernel.
pub fn depthwise(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let (in_plane, taps) = (g.size * g.size, g.taps());
    let mut out = vec![0.0; g.channels * g.plane()];
    for (m, target) in out.chunks_exact_mut(g.plane()).enumerate() {
        plane(
            g,
            &input[m * in_plane..][..in_plane],
            &weights[m * taps..][..taps],
            target,
        );
    }
    out
}

/// The pointwise step: each output value a 1 x 1 x M dot product through the channels of
/// `input` (`channels` planes of `pixels` values), for `filters` filters.
pub fn pointwise(
    channels: usize,
    filters: usize,
    pixels: usize,
    input: &[f32],
    weights: &[f32],
) -> Vec<f32> {
    let mut out = vec![0.0; filters * pixels];
    for (n, target) in out.chunks_exact_mut(pixels).enumerate() {
        for m in 0..channels {
            row(
                target,
                &input[m * pixels..][..pixels],
                weights[n * channels + m],
                1,
            );
        }
    }
    out
}

/// The standard weights a separable pair amounts to: filter n's kernel on channel m is
/// the depthwise kernel of channel m scaled by the pointwise weight P[n, m].
pub fn combined(
    channels: usize,
    filters: usize,
    taps: usize,
    pointwise: &[f32],
    depthwise: &[f32],
) -> Vec<f32> {
    let mut out = Vec::with_capacity(filters * channels * taps);
    for n in 0..filters {
        for m in 0..channels {
            let p = pointwise[n * channels + m];
            out.extend(depthwise[m * taps..][..taps].iter().map(|&d| p * d));
        }
    }
    out
}

/// Each output value from its definition, one at a time: the reference the fast kernels
/// are tested against.
pub fn reference(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let per_group = g.channels / g.groups;
    let filters_per_group = g.filters / g.groups;
    let mut out = vec![0.0; g.filters * g.plane()];
    for n in 0..g.filters {
        for oy in 0..g.out {
            for ox in 0..g.out {
                let mut sum = 0.0f32;
                for c in 0..per_group {
                    let channel = (n / filters_per_group) * per_group + c;
                    for ky in 0..g.kernel {
                        for kx in 0..g.kernel {
                            let iy = (oy * g.stride + ky * g.dilation) as isize - g.pad as isize;
                            let ix = (ox * g.stride + kx * g.dilation) as isize - g.pad as isize;
                            let inside = (0..g.size as isize).contains(&iy)
                                && (0..g.size as isize).contains(&ix);
                            if inside {
                                let x =
                                    input[(channel * g.size + iy as usize) * g.size + ix as usize];
                                let w =
                                    weights[((n * per_group + c) * g.kernel + ky) * g.kernel + kx];
                                sum += w * x;
                            }
                        }
                    }
                }
                out[(n * g.out + oy) * g.out + ox] = sum;
            }
        }
    }
    out
}

//! The convolutions themselves, on f32 data, for running a layer for real: the standard
//! convolution (with groups), the depthwise step and the pointwise step, and the one line
//! that makes a standard layer out of a separable pair (W[n, m] = P[n, m] · D[m]). Plain
//! Rust with no yew or web-sys, built into a wasm of its own for the measuring worker
//! (`worker`), with SIMD128 on.
//!
//! - The standard convolution lays each group's input windows out as columns (im2col) and
//!   multiplies them by the weights in one GEMM; a 1 x 1 kernel with stride 1 and no
//!   padding skips the copy.
//! - The pointwise step is that GEMM alone: `filters x channels` times `channels x pixels`.
//! - The depthwise step keeps eight outputs of a row in registers through all Dk x Dk taps,
//!   and works the borders, where taps fall in the padding, one output at a time.
//!
//! Layouts, one image: input `[channel][y][x]`, standard weights
//! `[filter][channel in group][ky][kx]`, depthwise weights `[channel][ky][kx]`, pointwise
//! weights `[filter][channel]`, outputs `[channel or filter][y][x]`.

mod lanes;
pub mod probe;
#[cfg(feature = "worker")]
pub mod worker;

use lanes::F32x8;

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

    /// The length of the scratch `standard_into` lays one group's windows out in.
    pub fn columns_len(&self) -> usize {
        if self.is_plain_one_by_one() {
            0
        } else {
            self.channels / self.groups * self.taps() * self.plane()
        }
    }

    /// A 1 x 1 kernel that reads every pixel once, in place: its input already is its
    /// column matrix.
    fn is_plain_one_by_one(&self) -> bool {
        self.kernel == 1 && self.stride == 1 && self.pad == 0 && self.out == self.size
    }

    /// The side of the padded square the depthwise kernel reads: every input pixel an
    /// output's taps reach, padding included.
    pub fn padded_width(&self) -> usize {
        (self.out - 1) * self.stride + (self.kernel - 1) * self.dilation + 1
    }

    /// The length of the scratch `depthwise_into` pads one channel into.
    pub fn padded_len(&self) -> usize {
        self.padded_width() * self.padded_width()
    }
}

/// The standard (or grouped) convolution: `filters` planes of `out` x `out`.
pub fn standard(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; g.filters * g.plane()];
    standard_into(g, input, weights, &mut vec![0.0; g.columns_len()], &mut out);
    out
}

/// [`standard`] into `out`, with `columns` (at least [`Geometry::columns_len`] long) as
/// scratch: im2col, then one GEMM per group.
pub fn standard_into(
    g: &Geometry,
    input: &[f32],
    weights: &[f32],
    columns: &mut [f32],
    out: &mut [f32],
) {
    let per_group = g.channels / g.groups;
    let filters_per_group = g.filters / g.groups;
    let (in_plane, depth) = (g.size * g.size, per_group * g.taps());
    for group in 0..g.groups {
        let source = &input[group * per_group * in_plane..][..per_group * in_plane];
        let weights = &weights[group * filters_per_group * depth..][..filters_per_group * depth];
        let out =
            &mut out[group * filters_per_group * g.plane()..][..filters_per_group * g.plane()];
        if g.is_plain_one_by_one() {
            gemm(filters_per_group, depth, g.plane(), weights, source, out);
        } else {
            im2col(g, source, &mut columns[..depth * g.plane()]);
            gemm(filters_per_group, depth, g.plane(), weights, columns, out);
        }
    }
}

/// Row `(c, ky, kx)` of `columns` holds, for every output pixel, the input value that tap
/// reads (0 in the padding).
fn im2col(g: &Geometry, input: &[f32], columns: &mut [f32]) {
    let mut rows = columns.chunks_exact_mut(g.plane());
    for channel in input.chunks_exact(g.size * g.size) {
        for ky in 0..g.kernel {
            for kx in 0..g.kernel {
                let row = rows.next().expect("one row per channel and tap");
                let (Some((y0, y1, iy0)), Some((x0, x1, ix0))) = (g.columns(ky), g.columns(kx))
                else {
                    row.fill(0.0);
                    continue;
                };
                for (oy, line) in row.chunks_exact_mut(g.out).enumerate() {
                    if !(y0..y1).contains(&oy) {
                        line.fill(0.0);
                        continue;
                    }
                    let iy = iy0 + (oy - y0) * g.stride;
                    let source = channel[iy * g.size + ix0..(iy + 1) * g.size].iter();
                    line[..x0].fill(0.0);
                    for (o, &x) in line[x0..x1].iter_mut().zip(source.step_by(g.stride)) {
                        *o = x;
                    }
                    line[x1..].fill(0.0);
                }
            }
        }
    }
}

/// `out = a · b` for row-major `a` (`rows x depth`) and `b` (`depth x cols`).
fn gemm(rows: usize, depth: usize, cols: usize, a: &[f32], b: &[f32], out: &mut [f32]) {
    assert!(a.len() >= rows * depth && b.len() >= depth * cols && out.len() >= rows * cols);
    // SAFETY: the three matrices lie inside their slices (checked above), with the
    // row-major strides given, and `out` is borrowed mutably alone.
    unsafe {
        matrixmultiply::sgemm(
            rows,
            depth,
            cols,
            1.0,
            a.as_ptr(),
            depth as isize,
            1,
            b.as_ptr(),
            cols as isize,
            1,
            0.0,
            out.as_mut_ptr(),
            cols as isize,
            1,
        );
    }
}

/// The depthwise step: each channel through its own Dk x Dk kernel.
pub fn depthwise(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; g.channels * g.plane()];
    depthwise_into(g, input, weights, &mut vec![0.0; g.padded_len()], &mut out);
    out
}

/// [`depthwise`] into `out`, with `padded` (at least [`Geometry::padded_len`] long) as
/// scratch: each channel is copied into it with its padding as zeros, so that every output
/// reads the same way, eight at a time. A row's last eight overlap the eight before them
/// when the row is not a multiple of eight; a row shorter than eight goes one by one.
pub fn depthwise_into(
    g: &Geometry,
    input: &[f32],
    weights: &[f32],
    padded: &mut [f32],
    out: &mut [f32],
) {
    let (in_plane, taps, width) = (g.size * g.size, g.taps(), g.padded_width());
    let padded = &mut padded[..width * width];
    for (m, target) in out.chunks_exact_mut(g.plane()).enumerate() {
        pad_plane(g, &input[m * in_plane..][..in_plane], padded);
        let kernel = &weights[m * taps..][..taps];
        for (oy, line) in target.chunks_exact_mut(g.out).enumerate() {
            let top = &padded[oy * g.stride * width..];
            let output = |ox: usize| -> f32 {
                let mut sum = 0.0;
                for (ky, weights) in kernel.chunks_exact(g.kernel).enumerate() {
                    let row = &top[ky * g.dilation * width + ox * g.stride..];
                    for (kx, w) in weights.iter().enumerate() {
                        sum += w * row[kx * g.dilation];
                    }
                }
                sum
            };
            if g.out < F32x8::LANES {
                for (ox, o) in line.iter_mut().enumerate() {
                    *o = output(ox);
                }
                continue;
            }
            let last = g.out - F32x8::LANES;
            for ox in (0..last).step_by(F32x8::LANES).chain([last]) {
                let mut acc = F32x8::splat(0.0);
                for (ky, weights) in kernel.chunks_exact(g.kernel).enumerate() {
                    let row = &top[ky * g.dilation * width + ox * g.stride..];
                    for (kx, &w) in weights.iter().enumerate() {
                        let window = &row[kx * g.dilation..];
                        let x = if g.stride == 1 {
                            F32x8::load(window)
                        } else {
                            F32x8::from_array(std::array::from_fn(|l| window[l * g.stride]))
                        };
                        acc = acc.mul_add(w, x);
                    }
                }
                acc.store(&mut line[ox..]);
            }
        }
    }
}

/// `plane` with `pad` zeros before it and as many after as the outputs read, in a square
/// of [`Geometry::padded_width`].
fn pad_plane(g: &Geometry, plane: &[f32], padded: &mut [f32]) {
    let width = g.padded_width();
    for (y, line) in padded.chunks_exact_mut(width).enumerate() {
        let Some(source) = y.checked_sub(g.pad).filter(|&iy| iy < g.size) else {
            line.fill(0.0);
            continue;
        };
        let row = &plane[source * g.size..][..g.size];
        let (before, rest) = line.split_at_mut(g.pad.min(width));
        before.fill(0.0);
        let inside = rest.len().min(g.size);
        rest[..inside].copy_from_slice(&row[..inside]);
        rest[inside..].fill(0.0);
    }
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
    gemm(filters, channels, pixels, weights, input, &mut out);
    out
}

/// [`pointwise`] into `out`.
pub fn pointwise_into(
    channels: usize,
    filters: usize,
    pixels: usize,
    input: &[f32],
    weights: &[f32],
    out: &mut [f32],
) {
    gemm(filters, channels, pixels, weights, input, out);
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

/// Fills `values` with reproducible data in [-1, 1) from `seed` (xorshift64).
pub fn random(values: &mut [f32], seed: u64) {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for v in values {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        *v = (state >> 40) as f32 / (1u64 << 23) as f32 - 1.0;
    }
}

/// The largest absolute difference between two outputs of one shape.
pub fn largest_difference(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f32::max)
}

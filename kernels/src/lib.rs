//! The convolutions themselves, on f32 data, for running a layer for real: the standard
//! convolution (with groups), the depthwise step and the pointwise step, and the one line
//! that makes a standard layer out of a separable pair (W[n, m] = P[n, m] · D[m]). Plain
//! Rust with no yew or web-sys, built into a wasm of its own for the measuring worker
//! (`worker`), with SIMD128 on.
//!
//! The layouts are TensorFlow's, channels last (NHWC), for one image: input
//! `[y][x][channel]`, standard weights `[ky][kx][channel in group][filter]`, depthwise
//! weights `[ky][kx][channel]`, pointwise weights `[channel][filter]`, outputs
//! `[y][x][channel or filter]`. Channels last keeps what one output needs side by side:
//!
//! - The standard convolution copies each output's window, tap by tap, as runs of
//!   channels, into a row of a matrix (im2col) and multiplies it by the weights in one
//!   GEMM per group; a 1 x 1 kernel with stride 1 and no padding skips the copy.
//! - The pointwise step is that GEMM alone: `pixels x channels` times `channels x filters`.
//! - The depthwise step works sixteen channels at a time in SIMD registers through all of
//!   an output's taps, skipping the taps that fall in the padding.

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

    /// Along one axis: the input pixel that tap `k` of output `o` reads, if it lies inside
    /// the input (not in the padding).
    fn source(&self, o: usize, k: usize) -> Option<usize> {
        (o * self.stride + k * self.dilation)
            .checked_sub(self.pad)
            .filter(|&i| i < self.size)
    }

    /// The length of the scratch `standard_into` lays one group's windows out in.
    pub fn columns_len(&self) -> usize {
        if self.is_plain_one_by_one() {
            0
        } else {
            self.plane() * self.taps() * (self.channels / self.groups)
        }
    }

    /// A 1 x 1 kernel that reads every pixel once, in place: its input already is its
    /// column matrix.
    fn is_plain_one_by_one(&self) -> bool {
        self.kernel == 1 && self.stride == 1 && self.pad == 0 && self.out == self.size
    }
}

/// A matrix inside a slice, row-major at any row stride.
struct Matrix<'a> {
    values: &'a [f32],
    rows: usize,
    cols: usize,
    row_stride: usize,
}

impl Matrix<'_> {
    /// Whether every value lies inside the slice.
    fn fits(&self) -> bool {
        self.rows == 0 || (self.rows - 1) * self.row_stride + self.cols <= self.values.len()
    }
}

/// `out = a · b`, `out` row-major at `out_stride` values a row.
fn product(a: &Matrix, b: &Matrix, out: &mut [f32], out_stride: usize) {
    let written = a.rows.saturating_sub(1) * out_stride + b.cols;
    assert!(a.cols == b.rows && a.fits() && b.fits() && out.len() >= written);
    // SAFETY: every value the strides reach lies inside its slice (checked above), and
    // `out` is borrowed mutably alone.
    unsafe {
        matrixmultiply::sgemm(
            a.rows,
            a.cols,
            b.cols,
            1.0,
            a.values.as_ptr(),
            a.row_stride as isize,
            1,
            b.values.as_ptr(),
            b.row_stride as isize,
            1,
            0.0,
            out.as_mut_ptr(),
            out_stride as isize,
            1,
        );
    }
}

/// The standard (or grouped) convolution: `out` x `out` pixels of `filters` values.
pub fn standard(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; g.plane() * g.filters];
    standard_into(g, input, weights, &mut vec![0.0; g.columns_len()], &mut out);
    out
}

/// [`standard`] into `out`, with `columns` (at least [`Geometry::columns_len`] long) as
/// scratch: im2col, then one GEMM per group, each writing its group's filters.
pub fn standard_into(
    g: &Geometry,
    input: &[f32],
    weights: &[f32],
    columns: &mut [f32],
    out: &mut [f32],
) {
    let per_group = g.channels / g.groups;
    let filters_per_group = g.filters / g.groups;
    let depth = g.taps() * per_group;
    for group in 0..g.groups {
        let windows = if g.is_plain_one_by_one() {
            Matrix {
                values: &input[group * per_group..],
                rows: g.plane(),
                cols: per_group,
                row_stride: g.channels,
            }
        } else {
            im2col(g, input, group * per_group, per_group, columns);
            Matrix {
                values: columns,
                rows: g.plane(),
                cols: depth,
                row_stride: depth,
            }
        };
        let weights = Matrix {
            values: &weights[group * filters_per_group..],
            rows: depth,
            cols: filters_per_group,
            row_stride: g.filters,
        };
        product(
            &windows,
            &weights,
            &mut out[group * filters_per_group..],
            g.filters,
        );
    }
}

/// Row `p` of `columns` holds output pixel `p`'s window: for each tap, the `width`
/// channels from `first` of the pixel it reads (zeros in the padding).
fn im2col(g: &Geometry, input: &[f32], first: usize, width: usize, columns: &mut [f32]) {
    let row_len = g.taps() * width;
    for (p, row) in columns[..g.plane() * row_len]
        .chunks_exact_mut(row_len)
        .enumerate()
    {
        let (oy, ox) = (p / g.out, p % g.out);
        for (tap, run) in row.chunks_exact_mut(width).enumerate() {
            let (ky, kx) = (tap / g.kernel, tap % g.kernel);
            match (g.source(oy, ky), g.source(ox, kx)) {
                (Some(iy), Some(ix)) => {
                    run.copy_from_slice(&input[(iy * g.size + ix) * g.channels + first..][..width])
                }
                _ => run.fill(0.0),
            }
        }
    }
}

/// The depthwise step: each channel through its own Dk x Dk kernel.
pub fn depthwise(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; g.plane() * g.channels];
    depthwise_into(g, input, weights, &mut out);
    out
}

/// [`depthwise`] into `out`: for each output pixel, sixteen channels at a time, the sum
/// over its taps inside the input of weight times input, all in registers.
pub fn depthwise_into(g: &Geometry, input: &[f32], weights: &[f32], out: &mut [f32]) {
    let m = g.channels;
    // Where every tap lies inside the input, each reads at the same offset from the
    // window's corner: one list serves all those pixels.
    let every: Vec<(usize, usize)> = (0..g.taps())
        .map(|tap| {
            let (ky, kx) = (tap / g.kernel, tap % g.kernel);
            (tap * m, (ky * g.size + kx) * g.dilation * m)
        })
        .collect();
    let inside = |o: usize| g.source(o, 0).is_some() && g.source(o, g.kernel - 1).is_some();
    // Elsewhere, the taps that are inside, at their own offsets.
    let mut some = Vec::with_capacity(g.taps());
    for (p, pixel) in out[..g.plane() * m].chunks_exact_mut(m).enumerate() {
        let (oy, ox) = (p / g.out, p % g.out);
        if inside(oy) && inside(ox) {
            let corner = ((oy * g.stride - g.pad) * g.size + ox * g.stride - g.pad) * m;
            depthwise_pixel(weights, &input[corner..], &every, pixel);
            continue;
        }
        some.clear();
        for ky in 0..g.kernel {
            let Some(iy) = g.source(oy, ky) else { continue };
            for kx in 0..g.kernel {
                if let Some(ix) = g.source(ox, kx) {
                    some.push(((ky * g.kernel + kx) * m, (iy * g.size + ix) * m));
                }
            }
        }
        depthwise_pixel(weights, input, &some, pixel);
    }
}

/// One output pixel of the depthwise step: `taps` are offsets into `weights` and `input`.
fn depthwise_pixel(weights: &[f32], input: &[f32], taps: &[(usize, usize)], pixel: &mut [f32]) {
    let vectors = pixel.len() / F32x8::LANES * F32x8::LANES;
    let mut c = 0;
    // Sixteen channels at a time where there are: two chains of multiply-adds.
    while c + 2 * F32x8::LANES <= vectors {
        let (mut a, mut b) = (F32x8::splat(0.0), F32x8::splat(0.0));
        for &(w, x) in taps {
            let (w, x) = (&weights[w + c..], &input[x + c..]);
            a = a.mul_add(F32x8::load(w), F32x8::load(x));
            b = b.mul_add(
                F32x8::load(&w[F32x8::LANES..]),
                F32x8::load(&x[F32x8::LANES..]),
            );
        }
        a.store(&mut pixel[c..]);
        b.store(&mut pixel[c + F32x8::LANES..]);
        c += 2 * F32x8::LANES;
    }
    if c < vectors {
        let mut acc = F32x8::splat(0.0);
        for &(w, x) in taps {
            acc = acc.mul_add(F32x8::load(&weights[w + c..]), F32x8::load(&input[x + c..]));
        }
        acc.store(&mut pixel[c..]);
    }
    for (c, value) in pixel.iter_mut().enumerate().skip(vectors) {
        *value = taps
            .iter()
            .map(|&(w, x)| weights[w + c] * input[x + c])
            .sum();
    }
}

/// The pointwise step: each output value a 1 x 1 x M dot product through the channels of
/// `input` (`pixels` pixels of `channels` values), for `filters` filters.
pub fn pointwise(
    channels: usize,
    filters: usize,
    pixels: usize,
    input: &[f32],
    weights: &[f32],
) -> Vec<f32> {
    let mut out = vec![0.0; pixels * filters];
    pointwise_into(channels, filters, pixels, input, weights, &mut out);
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
    let input = Matrix {
        values: input,
        rows: pixels,
        cols: channels,
        row_stride: channels,
    };
    let weights = Matrix {
        values: weights,
        rows: channels,
        cols: filters,
        row_stride: filters,
    };
    product(&input, &weights, out, filters);
}

/// The standard weights a separable pair amounts to: filter n's kernel on channel m is
/// the depthwise kernel of channel m scaled by the pointwise weight P[m, n].
pub fn combined(
    channels: usize,
    filters: usize,
    taps: usize,
    pointwise: &[f32],
    depthwise: &[f32],
) -> Vec<f32> {
    let mut out = Vec::with_capacity(taps * channels * filters);
    for tap in 0..taps {
        for m in 0..channels {
            let d = depthwise[tap * channels + m];
            out.extend(pointwise[m * filters..][..filters].iter().map(|&p| d * p));
        }
    }
    out
}

/// Each output value from its definition, one at a time: the reference the fast kernels
/// are tested against.
pub fn reference(g: &Geometry, input: &[f32], weights: &[f32]) -> Vec<f32> {
    let per_group = g.channels / g.groups;
    let filters_per_group = g.filters / g.groups;
    let mut out = vec![0.0; g.plane() * g.filters];
    for oy in 0..g.out {
        for ox in 0..g.out {
            for n in 0..g.filters {
                let first = (n / filters_per_group) * per_group;
                let mut sum = 0.0f32;
                for ky in 0..g.kernel {
                    for kx in 0..g.kernel {
                        let (Some(iy), Some(ix)) = (g.source(oy, ky), g.source(ox, kx)) else {
                            continue;
                        };
                        for c in 0..per_group {
                            let x = input[(iy * g.size + ix) * g.channels + first + c];
                            let w = weights[((ky * g.kernel + kx) * per_group + c) * g.filters + n];
                            sum += w * x;
                        }
                    }
                }
                out[(oy * g.out + ox) * g.filters + n] = sum;
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

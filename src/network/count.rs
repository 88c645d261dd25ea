//! One walk over a network's layers: each layer's shapes, multiply-adds and parameters,
//! and the layer the single-layer view loads when the row is clicked.

use super::model::{Network, Op, OpKind};
use crate::cost::{Layer, Multiplier, Padding};

/// What a row is, for its colour and its share of the total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Standard,
    Depthwise,
    Pointwise,
    Pool,
    Classifier,
}

/// One layer of the network with its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: Kind,
    pub stride: u32,
    /// Width (= height) and channels in and out.
    pub input: (u32, u32),
    pub output: (u32, u32),
    /// Kernel size, 0 for pooling and the classifier.
    pub k: u32,
    pub macs: u128,
    pub params: u128,
    pub residual: bool,
    /// The layer the single-layer view shows for this row, α applied: for a depthwise or
    /// pointwise row, the separable pair it is in.
    pub layer: Option<Layer>,
}

/// A network's sums: as published (depthwise separable) and with every depthwise +
/// pointwise pair replaced by one full convolution, as the paper's "Conv MobileNet".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Totals {
    pub macs: u128,
    pub params: u128,
    pub macs_standard: u128,
    pub params_standard: u128,
}

/// A network counted at one width multiplier and resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    pub rows: Vec<Row>,
    pub totals: Totals,
}

impl Count {
    pub fn of(network: &Network, alpha: Multiplier, res: u32) -> Count {
        let width = |out: u32| alpha.floor(out).max(network.min_depth.min(out));
        let mut rows: Vec<Row> = Vec::with_capacity(network.layers.len());
        let (mut size, mut channels) = (res.max(1), network.channels);
        for (i, op) in network.layers.iter().enumerate() {
            let stride = op.s.unwrap_or(1).max(1);
            let after = size.div_ceil(stride);
            let k2 = u128::from(op.k) * u128::from(op.k);
            let positions = u128::from(after) * u128::from(after);
            let c = u128::from(channels);
            let bias = |out: u32| if op.bias { u128::from(out) } else { 0 };
            let (kind, out_size, out, macs, params) = match op.op {
                OpKind::Conv => {
                    let out = width(op.out);
                    let weights = k2 * c * u128::from(out);
                    (
                        Kind::Standard,
                        after,
                        out,
                        positions * weights,
                        weights + bias(out),
                    )
                }
                OpKind::Dw => {
                    let weights = k2 * c;
                    (
                        Kind::Depthwise,
                        after,
                        channels,
                        positions * weights,
                        weights + bias(channels),
                    )
                }
                OpKind::Pw => {
                    let out = width(op.out);
                    let weights = c * u128::from(out);
                    (
                        Kind::Pointwise,
                        after,
                        out,
                        positions * weights,
                        weights + bias(out),
                    )
                }
                OpKind::Avgpool => (Kind::Pool, 1, channels, 0, 0),
                OpKind::Fc => {
                    let weights = c * u128::from(op.out) * u128::from(size) * u128::from(size);
                    (Kind::Classifier, 1, op.out, weights, weights + bias(op.out))
                }
            };
            let before = Before {
                size,
                channels,
                dw_size: rows.last().map_or(size, |row| row.input.0),
            };
            let layer = single_layer(network.layers, i, before, width);
            rows.push(Row {
                kind,
                stride,
                input: (size, channels),
                output: (out_size, out),
                k: op.k,
                macs,
                params,
                residual: op.residual,
                layer,
            });
            (size, channels) = (out_size, out);
        }
        let totals = totals(&rows);
        Count { rows, totals }
    }
}

/// What a row's single-layer view needs of the rows before it.
struct Before {
    size: u32,
    channels: u32,
    /// The previous row's input size: a depthwise row's, when the row is its pointwise.
    dw_size: u32,
}

/// The single-layer view of row `i`: a convolution as it is, a depthwise row with the
/// pointwise row after it (or a pointwise row with the depthwise row before it) as one
/// separable layer, the classifier as a 1x1 convolution of a 1x1 input.
fn single_layer(ops: &[Op], i: usize, before: Before, width: impl Fn(u32) -> u32) -> Option<Layer> {
    let op = ops[i];
    let Before {
        size,
        channels,
        dw_size,
    } = before;
    let layer = |df, dk, n, stride| Layer {
        df,
        dk,
        m: channels,
        n,
        padding: Padding::Same,
        stride,
        dilation: 1,
        groups: 1,
        bias: op.bias,
    };
    let stride = op.s.unwrap_or(1).max(1);
    match op.op {
        OpKind::Conv => Some(layer(size, op.k, width(op.out), stride)),
        OpKind::Dw => {
            let n = match ops.get(i + 1) {
                Some(next) if next.op == OpKind::Pw => width(next.out),
                _ => channels,
            };
            Some(layer(size, op.k, n, stride))
        }
        OpKind::Pw => match i.checked_sub(1).map(|j| ops[j]) {
            Some(dw) if dw.op == OpKind::Dw => Some(layer(
                dw_size,
                dw.k,
                width(op.out),
                dw.s.unwrap_or(1).max(1),
            )),
            _ => Some(layer(size, 1, width(op.out), 1)),
        },
        OpKind::Avgpool => None,
        OpKind::Fc => Some(Layer {
            padding: Padding::Valid,
            ..layer(size, 1, op.out, 1)
        }),
    }
}

fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals::default();
    let mut i = 0;
    while i < rows.len() {
        let row = &rows[i];
        t.macs += row.macs;
        t.params += row.params;
        match rows.get(i + 1) {
            // A depthwise + pointwise pair, as one full k x k convolution.
            Some(next) if row.kind == Kind::Depthwise && next.kind == Kind::Pointwise => {
                t.macs += next.macs;
                t.params += next.params;
                let (size, out) = next.output;
                let weights = u128::from(row.k)
                    * u128::from(row.k)
                    * u128::from(row.input.1)
                    * u128::from(out);
                t.macs_standard += u128::from(size) * u128::from(size) * weights;
                t.params_standard += weights;
                i += 2;
            }
            _ => {
                t.macs_standard += row.macs;
                t.params_standard += row.params;
                i += 1;
            }
        }
    }
    t
}

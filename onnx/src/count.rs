//! Where a model's multiplications go: every Conv, Gemm and MatMul with its kind, shapes,
//! multiply-adds and parameters, and what each standard k x k convolution would cost as a
//! depthwise separable one with the same input, output, stride, padding and dilation.

use crate::model::Model;
use crate::model::Node;
use crate::shapes::{infer, int, list, node_name, Shape, Unknown};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Standard,
    Depthwise,
    Pointwise,
    Grouped,
    FullyConnected,
}

impl Kind {
    /// The name in `data-kind` and in the fixtures' expectations.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Standard => "standard",
            Kind::Depthwise => "depthwise",
            Kind::Pointwise => "pointwise",
            Kind::Grouped => "grouped",
            Kind::FullyConnected => "fully connected",
        }
    }
}

/// One counted node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The ONNX node's name (its operator and position where it has none).
    pub node: String,
    pub kind: Kind,
    pub input: Option<Vec<u64>>,
    pub output: Option<Vec<u64>>,
    /// The weight's shape, from its initializer.
    pub weight: Option<Vec<u64>>,
    /// Multiply-adds, or why they are unknown.
    pub macs: Result<u128, Unknown>,
    /// Parameters: the product of each initializer the node reads after its input.
    pub params: u128,
    /// For a standard k x k convolution (k > 1, one group): the multiply-adds of a
    /// depthwise separable one in its place.
    pub separable: Option<u128>,
    /// A convolution's window: kernel, strides, dilations, pads and groups.
    pub window: Option<Window>,
    /// Whether it adds a bias (a third input).
    pub bias: bool,
}

/// A convolution's window, height then width; pads as top, left, bottom, right, with
/// auto_pad's worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub kernel: [u64; 2],
    pub strides: [u64; 2],
    pub dilations: [u64; 2],
    pub pads: [u64; 4],
    pub groups: u64,
}

/// A model's counted nodes and totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub rows: Vec<Row>,
    /// The first node whose output could not be worked out, if any.
    pub unknown: Option<Unknown>,
}

impl Report {
    /// All multiply-adds, if every counted node's are known.
    pub fn macs(&self) -> Option<u128> {
        self.rows
            .iter()
            .map(|r| r.macs.as_ref().ok().copied())
            .sum()
    }

    pub fn params(&self) -> u128 {
        self.rows.iter().map(|r| r.params).sum()
    }

    /// All multiply-adds if every standard k x k convolution were separable.
    pub fn macs_separable(&self) -> Option<u128> {
        self.rows
            .iter()
            .map(|r| r.separable.or(r.macs.as_ref().ok().copied()))
            .sum()
    }
}

/// Counts `model` with named input sizes read as batch 1 and `size` pixels a side.
pub fn count(model: &Model, size: u64) -> Report {
    let graph = &model.graph;
    let shapes = infer(graph, size);
    let shape = |name: &String| {
        shapes
            .get(name)
            .and_then(|s: &Shape| s.as_ref().ok())
            .cloned()
    };
    let weight = |name: &String| {
        graph
            .initializers
            .iter()
            .find(|t| &t.name == name)
            .map(|t| {
                t.dims
                    .iter()
                    .map(|&d| d.max(0) as u64)
                    .collect::<Vec<u64>>()
            })
    };
    let mut rows = Vec::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        if !matches!(node.op_type.as_str(), "Conv" | "Gemm" | "MatMul") {
            continue;
        }
        let input = node.inputs.first().and_then(shape);
        let output = node.outputs.first().and_then(shape);
        let weights = node.inputs.get(1).and_then(weight);
        let params = node.inputs[1.min(node.inputs.len())..]
            .iter()
            .filter_map(weight)
            .map(|dims| dims.iter().map(|&d| u128::from(d)).product::<u128>())
            .sum();
        let unknown = node
            .outputs
            .first()
            .and_then(|o| shapes.get(o))
            .and_then(|s| s.as_ref().err().cloned())
            .unwrap_or(Unknown {
                node: node_name(node, i),
                op: node.op_type.clone(),
            });
        let product = |dims: &[u64]| dims.iter().map(|&d| u128::from(d)).product::<u128>();
        let (kind, macs, separable) = match node.op_type.as_str() {
            "Conv" => {
                let groups = int(node, "group", 1).max(1) as u64;
                let (x, w, y) = (input.as_deref(), weights.as_deref(), output.as_deref());
                let kind = match (x, w) {
                    (_, Some(w)) if groups == 1 && w[2..].iter().all(|&k| k == 1) => {
                        Kind::Pointwise
                    }
                    (_, _) if groups == 1 => Kind::Standard,
                    (Some(x), Some(w)) if groups == x[1] && w[1] == 1 => Kind::Depthwise,
                    _ => Kind::Grouped,
                };
                let macs = match (y, w) {
                    (Some(y), Some(w)) => Ok(product(&y[1..]) * product(&w[1..])),
                    _ => Err(unknown),
                };
                // In its place: a depthwise k x k step over the input channels, then a 1 x 1
                // step to the outputs, at the output's size.
                let separable = match (kind, x, w, y) {
                    (Kind::Standard, Some(x), Some(w), Some(y)) => {
                        let pixels = product(&y[2..]);
                        let c_in = u128::from(x[1]);
                        Some(c_in * product(&w[2..]) * pixels + c_in * u128::from(y[1]) * pixels)
                    }
                    _ => None,
                };
                (kind, macs, separable)
            }
            _ => {
                // Each output value is a dot product as long as the shared dimension.
                let depth = match (node.op_type.as_str(), weights.as_deref(), input.as_deref()) {
                    ("Gemm", _, Some(a)) if int(node, "transA", 0) == 1 => a.first().copied(),
                    (_, _, Some(a)) => a.last().copied(),
                    _ => None,
                };
                let macs = match (output.as_deref(), depth) {
                    (Some(y), Some(k)) => Ok(product(y) * u128::from(k)),
                    _ => Err(unknown),
                };
                (Kind::FullyConnected, macs, None)
            }
        };
        let window = (node.op_type == "Conv")
            .then(|| {
                window(
                    node,
                    input.as_deref()?,
                    weights.as_deref()?,
                    output.as_deref()?,
                )
            })
            .flatten();
        rows.push(Row {
            node: node_name(node, i),
            kind,
            input,
            output,
            weight: weights,
            macs,
            params,
            separable,
            window,
            bias: node.op_type == "Conv" && node.inputs.get(2).is_some_and(|b| !b.is_empty()),
        });
    }
    let unknown = rows.iter().find_map(|r| r.macs.as_ref().err().cloned());
    Report { rows, unknown }
}

/// A 2-D convolution's window, its pads worked out where auto_pad sets them (the total
/// that gives the output, split with the larger half after for SAME_UPPER, before for
/// SAME_LOWER).
fn window(node: &Node, x: &[u64], w: &[u64], y: &[u64]) -> Option<Window> {
    if x.len() != 4 || w.len() != 4 || y.len() != 4 {
        return None;
    }
    let pair = |name: &str| -> Option<[u64; 2]> {
        match list(node, name) {
            Some(v) => Some([
                u64::try_from(*v.first()?).ok()?,
                u64::try_from(*v.get(1)?).ok()?,
            ]),
            None => Some([1, 1]),
        }
    };
    let (strides, dilations) = (pair("strides")?, pair("dilations")?);
    let kernel = [w[2], w[3]];
    let auto = match crate::shapes::attribute(node, "auto_pad") {
        Some(crate::model::AttributeValue::Text(t)) => t.clone(),
        _ => "NOTSET".into(),
    };
    let pads = match auto.as_str() {
        "SAME_UPPER" | "SAME_LOWER" => {
            let total = |i: usize| {
                let span = dilations[i] * (kernel[i] - 1) + 1;
                ((y[2 + i] - 1) * strides[i] + span).saturating_sub(x[2 + i])
            };
            let (h, v) = (total(0), total(1));
            let upper = auto == "SAME_UPPER";
            let before = |t: u64| if upper { t / 2 } else { t - t / 2 };
            [before(h), before(v), h - before(h), v - before(v)]
        }
        "VALID" => [0; 4],
        _ => {
            let p = list(node, "pads").unwrap_or_else(|| vec![0; 4]);
            let at = |i: usize| p.get(i).and_then(|&v| u64::try_from(v).ok());
            [at(0)?, at(1)?, at(2)?, at(3)?]
        }
    };
    Some(Window {
        kernel,
        strides,
        dilations,
        pads,
        groups: int(node, "group", 1).max(1) as u64,
    })
}

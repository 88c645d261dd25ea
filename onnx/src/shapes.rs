//! Every value's shape, worked out from the graph's inputs node by node for the operators
//! CNNs use, or taken from the file's value_info where the file gives it. A node this
//! cannot infer is named, and every value after it that depends on it stays unknown: never
//! guessed.

use crate::model::{AttributeValue, Dim, Graph, Node};
use std::collections::HashMap;

/// A value's shape, or the node whose output it could not work out.
pub type Shape = Result<Vec<u64>, Unknown>;

/// The first node on the way to a value whose output could not be worked out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    pub node: String,
    pub op: String,
}

/// The shapes of every value in `graph`, with named input sizes read as batch 1 and `size`
/// pixels a side.
pub fn infer(graph: &Graph, size: u64) -> HashMap<String, Shape> {
    let mut known: HashMap<String, Shape> = HashMap::new();
    let mut ints: HashMap<String, Vec<i64>> = HashMap::new();
    for t in &graph.initializers {
        known.insert(
            t.name.clone(),
            Ok(t.dims.iter().map(|&d| d.max(0) as u64).collect()),
        );
        if let Some(values) = &t.int64s {
            ints.insert(t.name.clone(), values.clone());
        }
    }
    for input in &graph.inputs {
        if known.contains_key(&input.name) {
            continue;
        }
        let dims = input.dims.as_deref().unwrap_or_default();
        let shape = dims
            .iter()
            .enumerate()
            .map(|(i, d)| match d {
                Dim::Value(v) if *v > 0 => Some(*v as u64),
                _ if i == 0 => Some(1),
                _ if i >= 2 => Some(size),
                _ => None,
            })
            .collect::<Option<Vec<u64>>>();
        let unknown = Unknown {
            node: input.name.clone(),
            op: "input".into(),
        };
        known.insert(
            input.name.clone(),
            shape.filter(|s| !s.is_empty()).ok_or(unknown),
        );
    }
    let declared: HashMap<&str, Vec<u64>> = graph
        .value_info
        .iter()
        .chain(&graph.outputs)
        .filter_map(|v| {
            let dims = v.dims.as_ref()?;
            let fixed = dims.iter().map(|d| match d {
                Dim::Value(v) if *v > 0 => Some(*v as u64),
                _ => None,
            });
            Some((v.name.as_str(), fixed.collect::<Option<Vec<u64>>>()?))
        })
        .collect();
    for (i, node) in graph.nodes.iter().enumerate() {
        let name = node_name(node, i);
        let inputs: Vec<Option<&Shape>> = node
            .inputs
            .iter()
            .map(|n| (!n.is_empty()).then(|| known.get(n)).flatten())
            .collect();
        // Past a value that is unknown, so is everything that reads it.
        let upstream = inputs
            .iter()
            .flatten()
            .find_map(|s| s.as_ref().err())
            .cloned();
        let shapes: Vec<Option<&[u64]>> = inputs
            .iter()
            .map(|s| s.and_then(|s| s.as_deref().ok()))
            .collect();
        let result = match upstream {
            Some(unknown) => Err(unknown),
            None => one(node, &shapes, &ints).ok_or(Unknown {
                node: name,
                op: node.op_type.clone(),
            }),
        };
        if node.op_type == "Constant" {
            if let Some(AttributeValue::Tensor(t)) = attribute(node, "value") {
                if let (Some(out), Some(values)) = (node.outputs.first(), &t.int64s) {
                    ints.insert(out.clone(), values.clone());
                }
            }
        }
        for (k, out) in node.outputs.iter().enumerate() {
            let shape = match (k, &result, declared.get(out.as_str())) {
                (_, Err(_), Some(d)) | (1.., _, Some(d)) => Ok(d.clone()),
                (0, r, _) => r.clone(),
                // Outputs after the first (a pool's indices, BatchNorm's training
                // statistics) are known only where the file declares them.
                (_, r, None) => Err(r.clone().err().unwrap_or(Unknown {
                    node: node_name(node, i),
                    op: node.op_type.clone(),
                })),
            };
            known.insert(out.clone(), shape);
        }
    }
    known
}

/// A node's name, or its operator and position when the file gives none.
pub fn node_name(node: &Node, index: usize) -> String {
    if node.name.is_empty() {
        format!("{}#{index}", node.op_type)
    } else {
        node.name.clone()
    }
}

pub fn attribute<'a>(node: &'a Node, name: &str) -> Option<&'a AttributeValue> {
    node.attributes
        .iter()
        .find(|a| a.name == name)
        .map(|a| &a.value)
}

pub fn int(node: &Node, name: &str, default: i64) -> i64 {
    match attribute(node, name) {
        Some(AttributeValue::Int(v)) => *v,
        _ => default,
    }
}

pub fn list(node: &Node, name: &str) -> Option<Vec<i64>> {
    match attribute(node, name) {
        Some(AttributeValue::Ints(v)) => Some(v.clone()),
        _ => None,
    }
}

fn text(node: &Node, name: &str) -> String {
    match attribute(node, name) {
        Some(AttributeValue::Text(t)) => t.clone(),
        _ => "NOTSET".into(),
    }
}

/// The shape of a node's first output from its inputs' shapes, if its operator is one this
/// knows and its inputs are as it expects.
fn one(
    node: &Node,
    inputs: &[Option<&[u64]>],
    ints: &HashMap<String, Vec<i64>>,
) -> Option<Vec<u64>> {
    let first = inputs.first().copied().flatten();
    match node.op_type.as_str() {
        "Conv" => {
            let (x, w) = (first?, inputs.get(1).copied().flatten()?);
            let spatial = window(node, &x[2..], &w[2..], false)?;
            Some([&[x[0], w[0]][..], &spatial].concat())
        }
        "MaxPool" | "AveragePool" | "LpPool" => {
            let x = first?;
            let kernel: Vec<u64> = list(node, "kernel_shape")?
                .iter()
                .map(|&k| k as u64)
                .collect();
            let ceil = int(node, "ceil_mode", 0) == 1;
            let spatial = window(node, &x[2..], &kernel, ceil)?;
            Some([&x[..2], &spatial].concat())
        }
        "GlobalAveragePool" | "GlobalMaxPool" => {
            let x = first?;
            Some([&x[..2], &vec![1; x.len() - 2][..]].concat())
        }
        "Relu"
        | "Clip"
        | "Sigmoid"
        | "HardSigmoid"
        | "HardSwish"
        | "LeakyRelu"
        | "PRelu"
        | "Tanh"
        | "Elu"
        | "Selu"
        | "Softmax"
        | "LogSoftmax"
        | "BatchNormalization"
        | "InstanceNormalization"
        | "LRN"
        | "Dropout"
        | "Identity"
        | "Cast"
        | "Exp"
        | "Log"
        | "Neg"
        | "Abs"
        | "Sqrt"
        | "Reciprocal"
        | "Erf"
        | "Gelu"
        | "Mish"
        | "Softplus" => first.map(<[u64]>::to_vec),
        "Add" | "Sub" | "Mul" | "Div" | "Pow" | "Max" | "Min" | "Sum" | "Mean" => inputs
            .iter()
            .try_fold(Vec::new(), |acc, s| broadcast(&acc, (*s)?)),
        "Concat" => {
            let shapes: Vec<&[u64]> = inputs.iter().copied().collect::<Option<_>>()?;
            let rank = shapes.first()?.len() as i64;
            let axis = usize::try_from(int(node, "axis", 0).rem_euclid(rank.max(1))).ok()?;
            let mut out = shapes[0].to_vec();
            out[axis] = shapes
                .iter()
                .map(|s| s.get(axis).copied())
                .sum::<Option<u64>>()?;
            Some(out)
        }
        "Flatten" => {
            let x = first?;
            let axis = usize::try_from(int(node, "axis", 1).rem_euclid(x.len() as i64 + 1)).ok()?;
            Some(vec![x[..axis].iter().product(), x[axis..].iter().product()])
        }
        "Reshape" => {
            let x = first?;
            let target = ints.get(node.inputs.get(1)?)?;
            let mut out: Vec<Option<u64>> = target
                .iter()
                .enumerate()
                .map(|(i, &d)| match d {
                    0 => x.get(i).copied(),
                    -1 => None,
                    d => u64::try_from(d).ok(),
                })
                .collect();
            let total: u64 = x.iter().product();
            let rest: u64 = out.iter().flatten().product();
            if let Some(free) = out.iter_mut().find(|d| d.is_none()) {
                *free = (rest > 0 && total.is_multiple_of(rest)).then(|| total / rest);
            }
            out.into_iter().collect()
        }
        "Gemm" => {
            let (a, b) = (first?, inputs.get(1).copied().flatten()?);
            let m = if int(node, "transA", 0) == 1 {
                a.get(1)?
            } else {
                a.first()?
            };
            let n = if int(node, "transB", 0) == 1 {
                b.first()?
            } else {
                b.get(1)?
            };
            Some(vec![*m, *n])
        }
        "MatMul" => {
            let (a, b) = (first?, inputs.get(1).copied().flatten()?);
            if a.len() < 2 || b.len() < 2 || a[a.len() - 1] != b[b.len() - 2] {
                return None;
            }
            let batch = broadcast(&a[..a.len() - 2], &b[..b.len() - 2])?;
            Some([&batch[..], &[a[a.len() - 2], b[b.len() - 1]][..]].concat())
        }
        "Constant" => match attribute(node, "value")? {
            AttributeValue::Tensor(t) => Some(t.dims.iter().map(|&d| d.max(0) as u64).collect()),
            _ => None,
        },
        _ => None,
    }
}

/// The output's spatial sizes of a sliding window (a convolution with kernel `w`, or a
/// pool), from pads, strides, dilations and auto_pad.
fn window(node: &Node, x: &[u64], w: &[u64], ceil: bool) -> Option<Vec<u64>> {
    let n = x.len();
    let strides = list(node, "strides").unwrap_or_else(|| vec![1; n]);
    let dilations = list(node, "dilations").unwrap_or_else(|| vec![1; n]);
    let pads = list(node, "pads").unwrap_or_else(|| vec![0; 2 * n]);
    let auto = text(node, "auto_pad");
    (0..n)
        .map(|i| {
            let (s, d) = (*strides.get(i)? as u64, *dilations.get(i)? as u64);
            let span = d.checked_mul(w.get(i)?.checked_sub(1)?)? + 1;
            match auto.as_str() {
                "SAME_UPPER" | "SAME_LOWER" => Some(x[i].div_ceil(s.max(1))),
                "VALID" => Some((x[i].checked_sub(span)?) / s.max(1) + 1),
                _ => {
                    let padded = x[i] + *pads.get(i)? as u64 + *pads.get(i + n)? as u64;
                    let room = padded.checked_sub(span)?;
                    Some(
                        if ceil {
                            room.div_ceil(s.max(1))
                        } else {
                            room / s.max(1)
                        } + 1,
                    )
                }
            }
        })
        .collect()
}

/// numpy's broadcasting of two shapes, aligned at the right.
fn broadcast(a: &[u64], b: &[u64]) -> Option<Vec<u64>> {
    let rank = a.len().max(b.len());
    let at = |s: &[u64], i: usize| (i + s.len()).checked_sub(rank).map_or(1, |j| s[j]);
    (0..rank)
        .map(|i| match (at(a, i), at(b, i)) {
            (x, y) if x == y || y == 1 => Some(x),
            (1, y) => Some(y),
            _ => None,
        })
        .collect()
}

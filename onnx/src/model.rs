//! The parts of an ONNX model (onnx.proto3) that counting needs: the graph's nodes with
//! their attributes, the weights' names and shapes (not their values, except the few
//! int64s a Reshape reads), and the declared shapes of inputs, outputs and value_info.

use crate::wire::{fields, ints, text, Value, WireError};

/// The opset versions of the default domain this reader knows.
pub const OPSETS: std::ops::RangeInclusive<i64> = 1..=23;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub ir_version: i64,
    /// The default ("" or "ai.onnx") domain's opset version.
    pub opset: Option<i64>,
    pub graph: Graph,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub initializers: Vec<Tensor>,
    pub inputs: Vec<ValueInfo>,
    pub outputs: Vec<ValueInfo>,
    pub value_info: Vec<ValueInfo>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    pub name: String,
    pub op_type: String,
    pub domain: String,
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    pub attributes: Vec<Attribute>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub value: AttributeValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AttributeValue {
    Int(i64),
    Ints(Vec<i64>),
    Float(f32),
    Text(String),
    Tensor(Tensor),
    Other,
}

/// A tensor's name, element type and shape; the values only of a small int64 tensor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tensor {
    pub name: String,
    pub dims: Vec<i64>,
    pub data_type: i32,
    pub int64s: Option<Vec<i64>>,
}

/// A declared value: its name, element type and shape, if the file gives them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueInfo {
    pub name: String,
    pub elem_type: i32,
    pub dims: Option<Vec<Dim>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dim {
    Value(i64),
    /// A named size, fixed only when the model runs ("batch", "height").
    Param(String),
    Unknown,
}

/// Why bytes are not a model this reader takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not protobuf at all, or not a model: no graph.
    NotOnnx,
    /// The file ends inside a field.
    Truncated,
    Opset(i64),
    /// An input whose element type is none of ONNX's.
    DataType {
        input: String,
        code: i32,
    },
}

impl From<WireError> for ReadError {
    fn from(e: WireError) -> Self {
        match e {
            WireError::Truncated => ReadError::Truncated,
            _ => ReadError::NotOnnx,
        }
    }
}

impl Model {
    /// Reads a serialised ModelProto.
    pub fn read(bytes: &[u8]) -> Result<Model, ReadError> {
        let mut model = Model::default();
        let mut graph = None;
        for field in fields(bytes) {
            match field? {
                (1, v) => model.ir_version = v.int().ok_or(ReadError::NotOnnx)?,
                (7, Value::Bytes(b)) => graph = Some(read_graph(b)?),
                (8, Value::Bytes(b)) => {
                    let (mut domain, mut version) = (String::new(), None);
                    for f in fields(b) {
                        match f? {
                            (1, v) => domain = text(v),
                            (2, v) => version = v.int(),
                            _ => {}
                        }
                    }
                    if domain.is_empty() || domain == "ai.onnx" {
                        model.opset = version;
                    }
                }
                _ => {}
            }
        }
        model.graph = graph.ok_or(ReadError::NotOnnx)?;
        if model.ir_version <= 0 {
            return Err(ReadError::NotOnnx);
        }
        if let Some(v) = model.opset.filter(|v| !OPSETS.contains(v)) {
            return Err(ReadError::Opset(v));
        }
        for input in model.data_inputs() {
            // ONNX's element types are 1 (float) to 23 (float4e2m1); 0 is "undefined".
            if !(1..=23).contains(&input.elem_type) {
                return Err(ReadError::DataType {
                    input: input.name.clone(),
                    code: input.elem_type,
                });
            }
        }
        Ok(model)
    }
}

impl Model {
    /// Whether an input's sizes are named, not given ("batch", "height"): the page asks
    /// for the size.
    pub fn named_sizes(&self) -> bool {
        self.data_inputs()
            .flat_map(|i| i.dims.iter().flatten().skip(2))
            .any(|d| !matches!(d, Dim::Value(v) if *v > 0))
    }

    /// The graph's inputs that are data, not weights (older exports list weights as
    /// inputs too).
    fn data_inputs(&self) -> impl Iterator<Item = &ValueInfo> {
        let weights: Vec<&str> = (self.graph.initializers.iter())
            .map(|t| t.name.as_str())
            .collect();
        (self.graph.inputs.iter()).filter(move |i| !weights.contains(&i.name.as_str()))
    }
}

fn read_graph(bytes: &[u8]) -> Result<Graph, ReadError> {
    let mut g = Graph::default();
    for field in fields(bytes) {
        match field? {
            (1, Value::Bytes(b)) => g.nodes.push(read_node(b)?),
            (5, Value::Bytes(b)) => g.initializers.push(read_tensor(b)?),
            (11, Value::Bytes(b)) => g.inputs.push(read_value_info(b)?),
            (12, Value::Bytes(b)) => g.outputs.push(read_value_info(b)?),
            (13, Value::Bytes(b)) => g.value_info.push(read_value_info(b)?),
            _ => {}
        }
    }
    Ok(g)
}

fn read_node(bytes: &[u8]) -> Result<Node, ReadError> {
    let mut n = Node::default();
    for field in fields(bytes) {
        match field? {
            (1, v) => n.inputs.push(text(v)),
            (2, v) => n.outputs.push(text(v)),
            (3, v) => n.name = text(v),
            (4, v) => n.op_type = text(v),
            (5, Value::Bytes(b)) => n.attributes.push(read_attribute(b)?),
            (7, v) => n.domain = text(v),
            _ => {}
        }
    }
    Ok(n)
}

fn read_attribute(bytes: &[u8]) -> Result<Attribute, ReadError> {
    let (mut name, mut value, mut list) = (String::new(), AttributeValue::Other, Vec::new());
    let mut is_list = false;
    for field in fields(bytes) {
        match field? {
            (1, v) => name = text(v),
            (2, Value::Fixed32(bits)) => value = AttributeValue::Float(f32::from_bits(bits)),
            (3, v) => value = AttributeValue::Int(v.int().unwrap_or(0)),
            (4, v) => value = AttributeValue::Text(text(v)),
            (5, Value::Bytes(b)) => value = AttributeValue::Tensor(read_tensor(b)?),
            (8, v) => {
                is_list = true;
                ints(v, &mut list)?;
            }
            _ => {}
        }
    }
    if is_list {
        value = AttributeValue::Ints(list);
    }
    Ok(Attribute { name, value })
}

/// INT64 in TensorProto.DataType.
const INT64: i32 = 7;
/// The most int64 values read from a tensor: a shape, not a weight.
const MOST_INTS: usize = 16;

fn read_tensor(bytes: &[u8]) -> Result<Tensor, ReadError> {
    let mut t = Tensor::default();
    let (mut listed, mut raw) = (Vec::new(), None);
    for field in fields(bytes) {
        match field? {
            (1, v) => ints(v, &mut t.dims)?,
            (2, v) => t.data_type = v.int().unwrap_or(0) as i32,
            (7, v) => ints(v, &mut listed)?,
            (8, v) => t.name = text(v),
            (9, Value::Bytes(b)) => raw = Some(b),
            _ => {}
        }
    }
    let count = t.dims.iter().product::<i64>();
    if t.data_type == INT64 && (0..=MOST_INTS as i64).contains(&count) {
        t.int64s = match raw {
            Some(raw) => Some(
                raw.chunks_exact(8)
                    .map(|c| i64::from_le_bytes(c.try_into().unwrap_or_default()))
                    .collect(),
            ),
            None if !listed.is_empty() || count == 0 => Some(listed),
            None => None,
        };
    }
    Ok(t)
}

fn read_value_info(bytes: &[u8]) -> Result<ValueInfo, ReadError> {
    let mut info = ValueInfo::default();
    for field in fields(bytes) {
        match field? {
            (1, v) => info.name = text(v),
            (2, Value::Bytes(type_proto)) => {
                for f in fields(type_proto) {
                    if let (1, Value::Bytes(tensor_type)) = f? {
                        read_tensor_type(tensor_type, &mut info)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(info)
}

fn read_tensor_type(bytes: &[u8], info: &mut ValueInfo) -> Result<(), ReadError> {
    for field in fields(bytes) {
        match field? {
            (1, v) => info.elem_type = v.int().unwrap_or(0) as i32,
            (2, Value::Bytes(shape)) => {
                let mut dims = Vec::new();
                for f in fields(shape) {
                    if let (1, Value::Bytes(dim)) = f? {
                        let mut d = Dim::Unknown;
                        for g in fields(dim) {
                            match g? {
                                (1, v) => d = Dim::Value(v.int().unwrap_or(0)),
                                (2, v) => d = Dim::Param(text(v)),
                                _ => {}
                            }
                        }
                        dims.push(d);
                    }
                }
                info.dims = Some(dims);
            }
            _ => {}
        }
    }
    Ok(())
}

//! Your own network: an ONNX model read in the browser (never its weights' values), its
//! shapes worked out from its inputs, and every Conv, Gemm and MatMul counted exactly, with
//! what MobileNet's trick would buy it. No dependencies and no yew or web-sys, so it is
//! tested natively and can run in a worker of its own.
//!
//! - `wire`: the protobuf wire format, read by hand;
//! - `model`: the parts of onnx.proto3 that counting needs;
//! - `shapes`: every value's shape, or the node that stopped the inference;
//! - `count`: the counted nodes and totals;
//! - `worker` (feature `worker`): the C ABI a worker calls, answering in JSON.

mod count;
mod model;
mod shapes;
mod wire;
#[cfg(feature = "worker")]
pub mod worker;

pub use count::{count, Kind, Report, Row, Window};
pub use model::{Attribute, AttributeValue, Dim, Graph, Model, Node, ReadError, Tensor, ValueInfo};
pub use shapes::{infer, Shape, Unknown};
pub use wire::WireError;

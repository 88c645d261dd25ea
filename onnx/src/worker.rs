//! The C ABI a worker calls (feature `worker`): no wasm-bindgen, no imports. The worker
//! asks for a buffer as long as the file, writes the file into it, and asks for the
//! analysis, which comes back as JSON (counts as strings: they are exact integers past
//! 2^53).
//!
//! ```text
//! { "ok": true, "opset": 13, "named_sizes": false, "size": 224,
//!   "rows": [ { "node": "conv0", "kind": "standard", "input": [1, 3, 224, 224],
//!               "output": [...], "weight": [...], "macs": "10838016", "params": "864",
//!               "separable": "1553664", "unknown": null, "bias": false,
//!               "window": { "kernel": [3, 3], "strides": [2, 2], "dilations": [1, 1],
//!                           "pads": [1, 1, 1, 1], "groups": 1 } }, ... ],
//!   "macs": "...", "params": "...", "macs_separable": "...", "unknown": null }
//! { "ok": false, "error": "not-onnx" | "truncated" | "opset" | "data-type", ... }
//! ```

use crate::{count, Model, ReadError, Unknown};
use std::cell::RefCell;
use std::fmt::Write;

thread_local! {
    static FILE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static ANSWER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A buffer of `len` bytes for the file, which the worker writes into.
#[no_mangle]
pub extern "C" fn file_buffer(len: u32) -> *mut u8 {
    FILE.with_borrow_mut(|file| {
        *file = vec![0; len as usize];
        file.as_mut_ptr()
    })
}

/// Reads and counts the file in the buffer, with named input sizes read as `size`; frees
/// the buffer and returns the length of the answer, which [`answer`] points to.
#[no_mangle]
pub extern "C" fn analyse(size: u32) -> u32 {
    let file = FILE.with_borrow_mut(std::mem::take);
    let json = to_json(&file, u64::from(size));
    ANSWER.with_borrow_mut(|answer| {
        *answer = json;
        answer.len() as u32
    })
}

/// Where the answer's UTF-8 bytes start.
#[no_mangle]
pub extern "C" fn answer() -> *const u8 {
    ANSWER.with_borrow(|answer| answer.as_ptr())
}

/// The analysis of a file as JSON, as the worker receives it.
pub fn to_json(file: &[u8], size: u64) -> String {
    let model = match Model::read(file) {
        Ok(model) => model,
        Err(e) => {
            return match e {
                ReadError::NotOnnx => r#"{"ok":false,"error":"not-onnx"}"#.into(),
                ReadError::Truncated => r#"{"ok":false,"error":"truncated"}"#.into(),
                ReadError::Opset(v) => format!(r#"{{"ok":false,"error":"opset","opset":{v}}}"#),
                ReadError::DataType { input, code } => format!(
                    r#"{{"ok":false,"error":"data-type","input":{},"code":{code}}}"#,
                    string(&input)
                ),
            }
        }
    };
    let report = count(&model, size);
    let mut out = format!(
        r#"{{"ok":true,"opset":{},"named_sizes":{},"size":{size},"rows":["#,
        model.opset.map_or("null".into(), |v| v.to_string()),
        model.named_sizes()
    );
    for (i, row) in report.rows.iter().enumerate() {
        let _ = write!(
            out,
            r#"{}{{"node":{},"kind":{},"input":{},"output":{},"weight":{},"macs":{},"params":"{}","separable":{},"unknown":{},"window":{},"bias":{}}}"#,
            if i == 0 { "" } else { "," },
            string(&row.node),
            string(row.kind.key()),
            dims(row.input.as_deref()),
            dims(row.output.as_deref()),
            dims(row.weight.as_deref()),
            number(row.macs.as_ref().ok().copied()),
            row.params,
            number(row.separable),
            unknown(row.macs.as_ref().err()),
            row.window.as_ref().map_or("null".into(), |w| format!(
                r#"{{"kernel":{},"strides":{},"dilations":{},"pads":{},"groups":{}}}"#,
                dims(Some(&w.kernel)),
                dims(Some(&w.strides)),
                dims(Some(&w.dilations)),
                dims(Some(&w.pads)),
                w.groups
            )),
            row.bias,
        );
    }
    let _ = write!(
        out,
        r#"],"macs":{},"params":"{}","macs_separable":{},"unknown":{}}}"#,
        number(report.macs()),
        report.params(),
        number(report.macs_separable()),
        unknown(report.unknown.as_ref()),
    );
    out
}

fn string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn number(value: Option<u128>) -> String {
    value.map_or("null".into(), |v| format!("\"{v}\""))
}

fn dims(shape: Option<&[u64]>) -> String {
    shape.map_or("null".into(), |s| {
        let parts: Vec<String> = s.iter().map(u64::to_string).collect();
        format!("[{}]", parts.join(","))
    })
}

fn unknown(u: Option<&Unknown>) -> String {
    u.map_or("null".into(), |u| {
        format!(r#"{{"node":{},"op":{}}}"#, string(&u.node), string(&u.op))
    })
}

//! Turns the network definitions (`src/network/*.json`) into Rust statics at build time,
//! so the wasm carries the layers as data and no JSON parser. A definition with a field
//! it does not know, or a value of the wrong type, stops the build with the reason.

use serde_json::{Map, Value};
use std::fmt::Write;
use std::{env, fs, path::Path};

/// The files, in the order the page offers them.
const NETWORKS: [&str; 2] = ["mobilenet_v1", "mobilenet_v2"];

fn main() {
    let mut out = String::from(
        "/// Every network the page offers, in order.\npub static NETWORKS: [Network; 2] = [\n",
    );
    for id in NETWORKS {
        let path = format!("src/network/{id}.json");
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{path}: {err}"));
        if json.get("id").and_then(Value::as_str) != Some(id) {
            panic!("{path}: its id must be {id:?}, as its file is named");
        }
        out.push_str(&network(&json).unwrap_or_else(|err| panic!("{path}: {err}")));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("networks.rs");
    fs::write(&target, out).unwrap_or_else(|err| panic!("{}: {err}", target.display()));
}

type Result<T> = std::result::Result<T, String>;

/// An object's fields, refusing any not in `known`.
fn fields<'a>(value: &'a Value, known: &[&str]) -> Result<&'a Map<String, Value>> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("expected an object, found {value}"))?;
    match object.keys().find(|key| !known.contains(&key.as_str())) {
        Some(key) => Err(format!("unknown field {key:?}; known: {known:?}")),
        None => Ok(object),
    }
}

fn text(object: &Map<String, Value>, key: &str) -> Result<String> {
    match object.get(key) {
        Some(Value::String(s)) => Ok(format!("{s:?}")),
        other => Err(format!("{key}: expected a string, found {other:?}")),
    }
}

fn number(object: &Map<String, Value>, key: &str) -> Result<String> {
    match object.get(key).and_then(Value::as_u64) {
        Some(n) if u32::try_from(n).is_ok() => Ok(n.to_string()),
        _ => Err(format!(
            "{key}: expected a u32, found {:?}",
            object.get(key)
        )),
    }
}

/// A field that may be left out, in which case it is `default`.
fn optional(
    object: &Map<String, Value>,
    key: &str,
    default: &str,
    read: fn(&Map<String, Value>, &str) -> Result<String>,
) -> Result<String> {
    if object.contains_key(key) {
        read(object, key)
    } else {
        Ok(default.to_owned())
    }
}

fn flag(object: &Map<String, Value>, key: &str) -> Result<String> {
    match object.get(key) {
        Some(Value::Bool(b)) => Ok(b.to_string()),
        other => Err(format!("{key}: expected true or false, found {other:?}")),
    }
}

fn list(
    object: &Map<String, Value>,
    key: &str,
    item: impl Fn(&Value) -> Result<String>,
) -> Result<String> {
    let items = object
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{key}: expected a list"))?;
    let items = items.iter().map(item).collect::<Result<Vec<_>>>()?;
    Ok(format!("&[{}]", items.join(", ")))
}

fn network(json: &Value) -> Result<String> {
    let n = fields(
        json,
        &[
            "id",
            "title",
            "source",
            "source_zh",
            "input",
            "channels",
            "min_depth",
            "any_alpha",
            "alphas",
            "resolutions",
            "published",
            "published_standard",
            "layers",
        ],
    )?;
    let mut out = String::from("    Network {\n");
    for key in ["id", "title", "source", "source_zh"] {
        writeln!(out, "        {key}: {},", text(n, key)?).ok();
    }
    for key in ["input", "channels", "min_depth"] {
        writeln!(out, "        {key}: {},", number(n, key)?).ok();
    }
    writeln!(
        out,
        "        any_alpha: {},",
        optional(n, "any_alpha", "false", flag)?
    )
    .ok();
    writeln!(
        out,
        "        alphas: {},",
        list(n, "alphas", |v| match v {
            Value::String(s) => Ok(format!("{s:?}")),
            other => Err(format!("alphas: expected strings, found {other}")),
        })?
    )
    .ok();
    writeln!(
        out,
        "        resolutions: {},",
        list(n, "resolutions", |v| match v.as_u64() {
            Some(r) if u32::try_from(r).is_ok() => Ok(r.to_string()),
            _ => Err(format!("resolutions: expected u32s, found {v}")),
        })?
    )
    .ok();
    writeln!(
        out,
        "        published: {},",
        list(n, "published", published)?
    )
    .ok();
    let standard = match n.get("published_standard") {
        None => "None".to_owned(),
        Some(p) => format!("Some({})", published(p)?),
    };
    writeln!(out, "        published_standard: {standard},").ok();
    writeln!(out, "        layers: {},", list(n, "layers", op)?).ok();
    out.push_str("    },\n");
    Ok(out)
}

fn published(value: &Value) -> Result<String> {
    let p = fields(
        value,
        &["alpha", "res", "macs", "params", "table", "table_zh"],
    )?;
    Ok(format!(
        "Published {{ alpha: {}, res: {}, macs: {}, params: {}, table: {}, table_zh: {} }}",
        text(p, "alpha")?,
        number(p, "res")?,
        text(p, "macs")?,
        text(p, "params")?,
        text(p, "table")?,
        text(p, "table_zh")?,
    ))
}

fn op(value: &Value) -> Result<String> {
    let o = fields(
        value,
        &["op", "k", "s", "out", "bias", "linear", "residual"],
    )?;
    let kind = match o.get("op").and_then(Value::as_str) {
        Some("conv") => "Conv",
        Some("dw") => "Dw",
        Some("pw") => "Pw",
        Some("avgpool") => "Avgpool",
        Some("fc") => "Fc",
        other => {
            return Err(format!(
                "op: expected conv, dw, pw, avgpool or fc, found {other:?}"
            ))
        }
    };
    let s = match o.get("s") {
        None => "None".to_owned(),
        Some(_) => format!("Some({})", number(o, "s")?),
    };
    Ok(format!(
        "Op {{ op: OpKind::{kind}, k: {}, s: {s}, out: {}, bias: {}, linear: {}, residual: {} }}",
        optional(o, "k", "0", number)?,
        optional(o, "out", "0", number)?,
        optional(o, "bias", "false", flag)?,
        optional(o, "linear", "false", flag)?,
        optional(o, "residual", "false", flag)?,
    ))
}

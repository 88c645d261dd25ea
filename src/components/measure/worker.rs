//! The bridge to the measuring worker: its two files load only when a reader runs the
//! panel (see `components::lazy`).

use crate::components::lazy::{self, Job};
use crate::measure::Measured;
use js_sys::{Array, Object, Reflect};
use sepconv_kernels::Geometry;
use wasm_bindgen::prelude::*;

/// What the worker says.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// It is timing `stage`, `fraction` of the whole run done.
    Progress {
        stage: String,
        fraction: f64,
    },
    Done(Measured),
    /// "simd" when the browser validates no SIMD; otherwise the browser's words.
    Failed(String),
}

/// Loads the worker and its kernels and starts a run of `g`; `on_reply` hears each reply.
pub async fn start(g: Geometry, on_reply: impl Fn(Reply) + 'static) -> Result<Job, String> {
    let on_reply = std::rc::Rc::new(on_reply);
    let (heard, failed) = (on_reply.clone(), on_reply);
    let job = lazy::start(
        "measure-worker.js",
        move |data| heard(read(&data)),
        move |message| failed(Reply::Failed(message)),
    )
    .await?;
    let wasm = lazy::asset("measure-kernels.wasm").await?;
    let sizes = [
        ("size", g.size),
        ("channels", g.channels),
        ("filters", g.filters),
        ("kernel", g.kernel),
        ("stride", g.stride),
        ("dilation", g.dilation),
        ("pad", g.pad),
        ("out", g.out),
        ("groups", g.groups),
    ];
    let geometry = Object::new();
    for (key, value) in sizes {
        let _ = Reflect::set(&geometry, &key.into(), &(value as f64).into());
    }
    let message = Object::new();
    let _ = Reflect::set(&message, &"wasm".into(), &wasm);
    let _ = Reflect::set(&message, &"geometry".into(), &geometry);
    job.worker
        .post_message_with_transfer(&message, &Array::of1(&wasm))
        .map_err(lazy::describe)?;
    Ok(job)
}

/// A reply from the worker's message.
fn read(data: &JsValue) -> Reply {
    let get = |key: &str| lazy::field(data, key);
    let number = |value: JsValue| value.as_f64();
    match get("type").as_string().as_deref() {
        Some("progress") => Reply::Progress {
            stage: get("stage").as_string().unwrap_or_default(),
            fraction: number(get("fraction")).unwrap_or(0.0),
        },
        Some("done") => {
            let ms = get("ms");
            let ms_of = |key: &str| number(lazy::field(&ms, key)).unwrap_or(f64::NAN);
            Reply::Done(Measured {
                ms: [ms_of("standard"), ms_of("depthwise"), ms_of("pointwise")],
                max_error: number(get("maxError")).unwrap_or(f64::NAN),
                peak_gflops: number(get("peakGflops")).unwrap_or(f64::NAN),
                bandwidth_gbs: number(get("bandwidthGbs")),
            })
        }
        _ => Reply::Failed(
            get("reason")
                .as_string()
                .unwrap_or_else(|| "no answer".into()),
        ),
    }
}

//! The bridge to the measuring worker: its two files load only when a reader runs the
//! panel, from beside the page, or from the single-file build's inline copies
//! (`scripts/single.mjs`). The worker starts from a blob URL either way, which a sandboxed
//! embed and a page opened from disk allow (the CSP names `worker-src blob:`).

use crate::components::dom;
use crate::measure::Measured;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use sepconv_kernels::Geometry;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, ErrorEvent, MessageEvent, Response, Url, Worker};

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

/// A running worker; dropping it ends the worker, which is how a run is cancelled.
pub struct Job {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Loads the worker and its kernels and starts a run of `g`; `on_reply` hears each reply.
pub async fn start(g: Geometry, on_reply: impl Fn(Reply) + 'static) -> Result<Job, String> {
    let script = asset("measure-worker.js").await?;
    let wasm = asset("measure-kernels.wasm").await?;
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_buffer_source_sequence_and_options(&Array::of1(&script), &options)
        .map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let worker = Worker::new(&url);
    let _ = Url::revoke_object_url(&url);
    let worker = worker.map_err(describe)?;
    let on_reply = std::rc::Rc::new(on_reply);
    let on_message = {
        let on_reply = on_reply.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| on_reply(read(&e.data())))
    };
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        on_reply(Reply::Failed(e.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
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
    worker
        .post_message_with_transfer(&message, &Array::of1(&wasm))
        .map_err(describe)?;
    Ok(Job {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// One of the files the worker needs: the single-file build's inline copy (base64 in a
/// `<script type="application/octet-stream" id="asset:NAME">`), else fetched beside the page.
async fn asset(name: &str) -> Result<ArrayBuffer, String> {
    let window = dom::window().ok_or("no window")?;
    let inline = window
        .document()
        .and_then(|d| d.get_element_by_id(&format!("asset:{name}")));
    if let Some(inline) = inline {
        let binary = window
            .atob(inline.text_content().unwrap_or_default().trim())
            .map_err(describe)?;
        let bytes: Vec<u8> = binary.chars().map(|c| c as u8).collect();
        return Ok(Uint8Array::from(&bytes[..]).buffer());
    }
    let response: Response = JsFuture::from(window.fetch_with_str(name))
        .await
        .map_err(describe)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{name}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(buffer.unchecked_into())
}

/// A reply from the worker's message.
fn read(data: &JsValue) -> Reply {
    let get = |key: &str| Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let number = |value: JsValue| value.as_f64();
    match get("type").as_string().as_deref() {
        Some("progress") => Reply::Progress {
            stage: get("stage").as_string().unwrap_or_default(),
            fraction: number(get("fraction")).unwrap_or(0.0),
        },
        Some("done") => {
            let ms = get("ms");
            let ms_of = |key: &str| {
                number(Reflect::get(&ms, &key.into()).unwrap_or(JsValue::UNDEFINED))
                    .unwrap_or(f64::NAN)
            };
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

/// A JS error's message, or its text.
fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

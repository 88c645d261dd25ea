//! What loads on demand, in a worker of its own: a worker's script and its wasm come from
//! beside the page, or from the single-file build's inline copies (`scripts/single.mjs`),
//! and the worker starts from a blob URL either way, which a sandboxed embed and a page
//! opened from disk allow (the CSP names `worker-src blob:`).

use crate::components::dom;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, ErrorEvent, MessageEvent, Response, Url, Worker};

/// A running worker and its listeners; dropping it ends the worker, which is how work is
/// cancelled.
pub struct Job {
    pub worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Starts the worker in `script`, which hears `on_message` for each message's data and
/// `on_error` for an error it did not catch.
pub async fn start(
    script: &str,
    on_message: impl Fn(JsValue) + 'static,
    on_error: impl Fn(String) + 'static,
) -> Result<Job, String> {
    let script = asset(script).await?;
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_buffer_source_sequence_and_options(&Array::of1(&script), &options)
        .map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let worker = Worker::new(&url);
    let _ = Url::revoke_object_url(&url);
    let worker = worker.map_err(describe)?;
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| on_message(e.data()));
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        on_error(e.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Job {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// One of the files that load on demand: the single-file build's inline copy (base64 in a
/// `<script type="application/octet-stream" id="asset:NAME">`), else fetched beside the page.
pub async fn asset(name: &str) -> Result<ArrayBuffer, String> {
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

/// A field of a worker's message (`undefined` when it has none), for the readers of the
/// messages to pick apart.
pub fn field(message: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(message, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A JS error's message, or its text.
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

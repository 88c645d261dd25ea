//! Share and embed: the link to exactly what is on screen, and an iframe snippet for a
//! blog post, each with a copy button that falls back to selecting the text where the
//! clipboard is not available (a sandboxed frame, an old browser).

use crate::state::Embed;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's query for what is on screen, without the `?`.
    pub query: AttrValue,
}

/// What an embedded panel needs in height, roughly, before it reports its own.
fn embed_height(embed: Embed) -> u32 {
    match embed {
        Embed::Cost => 760,
        Embed::Plots => 820,
        Embed::Anim => 560,
        Embed::Network => 900,
        Embed::Page => 900,
    }
}

/// The iframe snippet for `url` showing `embed`.
pub fn embed_code(url: &str, embed: Embed) -> String {
    let src = match embed.key() {
        Some(key) => format!("{url}&embed={key}"),
        None => url.to_owned(),
    };
    format!(
        "<iframe src=\"{}\" title=\"sepconv: why a depthwise separable convolution needs fewer multiplications\" \
         width=\"100%\" height=\"{}\" style=\"border: 0\" loading=\"lazy\" sandbox=\"allow-scripts allow-downloads\"></iframe>",
        src.replace('&', "&amp;"),
        embed_height(embed)
    )
}

#[function_component]
pub fn Share(props: &Props) -> Html {
    let embed = use_state(|| Embed::Cost);
    let status = use_state(String::new);
    let (link_box, code_box) = (use_node_ref(), use_node_ref());
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let link = format!("{base}?{}", props.query);
    let code = embed_code(&link, *embed);

    let copy = |node: NodeRef, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| copy_from(&node, what, status.clone()))
    };
    let choices = [
        Embed::Cost,
        Embed::Plots,
        Embed::Anim,
        Embed::Network,
        Embed::Page,
    ]
    .map(|choice| {
        let pressed = choice == *embed;
        let embed = embed.clone();
        let onclick = Callback::from(move |_: MouseEvent| embed.set(choice));
        html! {
            <button type="button" class="seg seg-small" aria-pressed={pressed.to_string()}
                {onclick}>{ choice.label() }</button>
        }
    });
    let (copy_link, copy_code) = (
        copy(link_box.clone(), "link"),
        copy(code_box.clone(), "embed code"),
    );
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share and embed" }</h2>
            <div class="share-row">
                <label for="share-link">{ "Link to this view" }</label>
                <textarea id="share-link" ref={link_box} readonly=true rows="1" value={link} />
                <button type="button" class="tool" id="copy-link" onclick={copy_link}>
                    { "Copy link" }</button>
            </div>
            <div class="share-row">
                <label for="share-embed">{ "Embed in a post" }</label>
                <div class="seg-group" role="group" aria-label="Panel to embed">{ for choices }</div>
                <textarea id="share-embed" ref={code_box} readonly=true rows="4" value={code} />
                <button type="button" class="tool" id="copy-embed" onclick={copy_code}>
                    { "Copy embed code" }</button>
            </div>
            <p class="share-status" role="status">{ (*status).clone() }</p>
        </section>
    }
}

/// Copies the text of the box behind `node`: through the clipboard API where the page
/// may, else by selecting it for the reader to copy.
pub fn copy_from(node: &NodeRef, what: &'static str, status: UseStateHandle<String>) {
    let Some(field) = node.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let text = field.value();
    let fallback = {
        let field = field.clone();
        let status = status.clone();
        move || {
            field.select();
            status.set(format!("Press Ctrl+C (⌘C) to copy the selected {what}."));
        }
    };
    let write = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined())
        .and_then(|clipboard| {
            let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
            let write: js_sys::Function = write.dyn_into().ok()?;
            write.call1(&clipboard, &JsValue::from_str(&text)).ok()
        })
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    match write {
        Some(promise) => yew::platform::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set(format!("Copied the {what}.")),
                Err(_) => fallback(),
            }
        }),
        None => fallback(),
    }
}

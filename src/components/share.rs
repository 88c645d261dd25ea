//! Share and embed: the link to exactly what is on screen, and an iframe snippet for a
//! blog post, each with a copy button that falls back to selecting the text where the
//! clipboard is not available (a sandboxed frame, an old browser).

use super::hooks::use_lang;
use crate::components::dom;
use crate::i18n::Lang;
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

/// What a button copied, and what to do where the page may not copy.
pub struct CopyWords {
    pub copied: String,
    pub select: String,
}

impl CopyWords {
    /// The words for copying `what` ("link", "链接").
    pub fn of(lang: Lang, what: (&str, &str)) -> CopyWords {
        match lang {
            Lang::En => CopyWords {
                copied: format!("Copied the {}.", what.0),
                select: format!("Press Ctrl+C (⌘C) to copy the selected {}.", what.0),
            },
            Lang::Zh => CopyWords {
                copied: format!("已复制{}。", what.1),
                select: format!("请按 Ctrl+C（⌘C）复制选中的{}。", what.1),
            },
        }
    }
}

/// The name of an embeddable panel on its button.
fn embed_label(lang: Lang, embed: Embed) -> &'static str {
    match embed {
        Embed::Page => lang.tr("whole page", "整个页面"),
        Embed::Cost => lang.tr("counts", "计数"),
        Embed::Plots => lang.tr("charts", "图表"),
        Embed::Anim => lang.tr("animation", "动画"),
        Embed::Network => lang.tr("network", "网络"),
    }
}

/// The iframe snippet for `url` showing `embed`.
pub fn embed_code(url: &str, embed: Embed, lang: Lang) -> String {
    let src = match embed.key() {
        Some(key) => format!("{url}&embed={key}"),
        None => url.to_owned(),
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" \
         width=\"100%\" height=\"{}\" style=\"border: 0\" loading=\"lazy\" sandbox=\"allow-scripts allow-downloads\"></iframe>",
        src.replace('&', "&amp;"),
        lang.tr(
            "sepconv: why a depthwise separable convolution needs fewer multiplications",
            "sepconv：为什么深度可分离卷积需要的乘法更少"
        ),
        embed_height(embed)
    )
}

#[function_component]
pub fn Share(props: &Props) -> Html {
    let embed = use_state(|| Embed::Cost);
    let lang = use_lang();
    let status = use_state(String::new);
    let (link_box, code_box) = (use_node_ref(), use_node_ref());
    let location = dom::window().map(|w| w.location());
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
    let code = embed_code(&link, *embed, lang);

    let copy = |node: NodeRef, what: (&str, &str)| {
        let status = status.clone();
        let words = std::rc::Rc::new(CopyWords::of(lang, what));
        Callback::from(move |_: MouseEvent| copy_from(&node, words.clone(), status.clone()))
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
                {onclick}>{ embed_label(lang, choice) }</button>
        }
    });
    let (copy_link, copy_code) = (
        copy(link_box.clone(), ("link", "链接")),
        copy(code_box.clone(), ("embed code", "嵌入代码")),
    );
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ lang.tr("Share and embed", "分享与嵌入") }</h2>
            <div class="share-row">
                <label for="share-link">{ lang.tr("Link to this view", "当前视图的链接") }</label>
                <textarea id="share-link" ref={link_box} readonly=true rows="1" value={link} />
                <button type="button" class="tool" id="copy-link" onclick={copy_link}>
                    { lang.tr("Copy link", "复制链接") }</button>
            </div>
            <div class="share-row">
                <label for="share-embed">{ lang.tr("Embed in a post", "嵌入到文章中") }</label>
                <div class="seg-group" role="group" aria-label={lang.tr("Panel to embed", "要嵌入的面板")}>{ for choices }</div>
                <textarea id="share-embed" ref={code_box} readonly=true rows="4" value={code} />
                <button type="button" class="tool" id="copy-embed" onclick={copy_code}>
                    { lang.tr("Copy embed code", "复制嵌入代码") }</button>
            </div>
            <p class="share-status" role="status">{ (*status).clone() }</p>
        </section>
    }
}

/// Copies the text of the box behind `node`: through the clipboard API where the page
/// may, else by selecting it for the reader to copy.
pub fn copy_from(node: &NodeRef, words: std::rc::Rc<CopyWords>, status: UseStateHandle<String>) {
    let Some(field) = node.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let text = field.value();
    let fallback = {
        let field = field.clone();
        let (status, words) = (status.clone(), words.clone());
        move || {
            field.select();
            status.set(words.select.clone());
        }
    };
    let write = dom::window()
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
                Ok(_) => status.set(words.copied.clone()),
                Err(_) => fallback(),
            }
        }),
        None => fallback(),
    }
}

//! Share and embed: the link to exactly what is on screen, and an iframe snippet for a
//! blog post, each with a copy button that falls back to selecting the text where the
//! clipboard is not available (a sandboxed frame, an old browser). The snippet's height is
//! measured: the panel is loaded, out of sight, in a frame of the chosen width, which
//! takes the heights it reports until they settle, as a host page with `embed.js` does.

use super::hooks::{use_in_view, use_lang, use_settled, use_window_message};
use crate::components::dom;
use crate::i18n::Lang;
use crate::state::Embed;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's query for what is on screen, without the `?`.
    pub query: AttrValue,
    /// What was wrong with the link the page opened with, in words, for the author who
    /// copies an embed from it; the snippet has the repaired values.
    #[prop_or_default]
    pub problems: Option<AttrValue>,
}

/// The column width a blog post gives an embed, unless the author says otherwise.
const DEFAULT_WIDTH: u32 = 700;
const WIDTHS: (u32, u32) = (280, 1600);
/// How long the embed code must be in view, with the same choice, before the frame measures.
const SETTLE_MS: i32 = 1000;
/// The frame that measures, and the name its resize messages carry.
const MEASURE_ID: &str = "sepconv-measure";

/// A short fingerprint of `text` (FNV-1a), to tell one measurement from another.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// How the embed meets the host page: its own colours, or none over a light or dark page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backdrop {
    Own,
    Light,
    Dark,
}

impl Backdrop {
    const ALL: [Backdrop; 3] = [Backdrop::Own, Backdrop::Light, Backdrop::Dark];

    /// The keys it adds to the embed's link.
    fn query(self) -> &'static str {
        match self {
            Backdrop::Own => "",
            Backdrop::Light => "&bg=transparent&theme=light",
            Backdrop::Dark => "&bg=transparent&theme=dark",
        }
    }

    /// The iframe's style. A clear embed names its colour scheme, the one its link asks
    /// for: where the frame's scheme and its page's differ, the browser paints an opaque
    /// backdrop behind the page (a black box on a dark post that does not declare its own).
    fn style(self) -> &'static str {
        match self {
            Backdrop::Own => "border: 0",
            Backdrop::Light => "border: 0; color-scheme: light",
            Backdrop::Dark => "border: 0; color-scheme: dark",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Backdrop::Own => "own",
            Backdrop::Light => "light",
            Backdrop::Dark => "dark",
        }
    }
}

/// What an embedded panel needs in height, roughly, until it has been measured.
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

/// The embed's own link: `url` with the panel, its backdrop and its name.
fn embed_src(url: &str, embed: Embed, backdrop: Backdrop, id: &str) -> String {
    let panel = embed
        .key()
        .map(|k| format!("&embed={k}"))
        .unwrap_or_default();
    format!("{url}{panel}{}&id={id}", backdrop.query())
}

/// The iframe snippet for `url` showing `embed` at `height` pixels, and the line that lets
/// the host page keep it fitted (`embed.js`, next to the app).
pub fn embed_code(url: &str, embed: Embed, backdrop: Backdrop, height: u32, lang: Lang) -> String {
    let id = format!("sepconv-{}", embed.key().unwrap_or("page"));
    let script = match url.rfind('/') {
        Some(slash) if url[..slash].contains("://") => format!("{}/embed.js", &url[..slash]),
        _ => "embed.js".to_owned(),
    };
    format!(
        "<iframe id=\"{id}\" src=\"{}\" title=\"{}\" \
         width=\"100%\" height=\"{height}\" style=\"{}\" loading=\"lazy\" sandbox=\"allow-scripts allow-downloads\"></iframe>\n\
         <script src=\"{script}\" async></script>",
        embed_src(url, embed, backdrop, &id).replace('&', "&amp;"),
        lang.tr(
            "sepconv: why a depthwise separable convolution needs fewer multiplications",
            "sepconv：为什么深度可分离卷积需要的乘法更少"
        ),
        backdrop.style(),
    )
}

#[function_component]
pub fn Share(props: &Props) -> Html {
    let embed = use_state(|| Embed::Cost);
    let backdrop = use_state(|| Backdrop::Own);
    let width = use_state(|| DEFAULT_WIDTH);
    // The width box as typed: a width in range is taken as it is typed, anything else
    // (on the way to one: "5" of "500") is said beside the box until the box is left.
    let width_text = use_state(|| DEFAULT_WIDTH.to_string());
    // The measuring frame's height as it last reported, for what it measures now.
    let measured = use_state(|| None::<(String, u32)>);
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
    // Each measurement has its own name, from what it measures, so that a late report
    // of the one before (another panel, width or layer) is never taken for it.
    let chosen = format!("{}{}", embed_src(&link, *embed, *backdrop, ""), *width);
    let measure_id = format!("{MEASURE_ID}-{:08x}", fnv1a(&chosen));
    let measure_src = embed_src(&link, *embed, *backdrop, &measure_id);
    {
        let measured = measured.clone();
        use_window_message(move |data: JsValue| {
            let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
            let kind = field("type").and_then(|t| t.as_string());
            let id = field("id").and_then(|t| t.as_string());
            let height = field("height").and_then(|h| h.as_f64());
            if let (Some("sepconv:resize"), Some(id), Some(height)) = (kind.as_deref(), id, height)
            {
                if id.starts_with(MEASURE_ID) {
                    measured.set(Some((id, height.ceil() as u32)));
                }
            }
        });
    }
    // The height measured for what is chosen now, if it has come.
    let measured_now = (*measured)
        .as_ref()
        .filter(|(id, _)| *id == measure_id)
        .map(|&(_, height)| height);
    // The frame (a second copy of the app) is there only once the author has had the
    // embed code in view, with the same choice, for a second: a slider moved on the page
    // does not reload it at every step, and a reader scrolling past, or a tall window
    // opening the page, does not load the app twice.
    let embed_row = use_node_ref();
    let in_view = use_in_view(embed_row.clone());
    let frame_src = use_settled(in_view.then_some(measure_src), SETTLE_MS).filter(|_| in_view);
    let height = measured_now.unwrap_or_else(|| embed_height(*embed));
    let code = embed_code(&link, *embed, *backdrop, height, lang);
    let measure_frame = frame_src.map(|frame_src| {
        // Until the first report it stands at a typical height, as a fresh frame would.
        let frame_height = measured_now.unwrap_or(150);
        html! {
            <iframe id={MEASURE_ID} class="embed-measure" src={frame_src.clone()}
                title={lang.tr("Measuring the embed's height", "正在测量嵌入的高度")}
                aria-hidden="true" tabindex="-1"
                width={width.to_string()} height={frame_height.to_string()}></iframe>
        }
    });
    let height_words = match (measured_now, lang) {
        (Some(h), Lang::En) => format!("Height {h} px, measured at {} px wide.", *width),
        (Some(h), Lang::Zh) => format!("高度 {h} 像素，按 {} 像素宽实测。", *width),
        (None, Lang::En) => format!("Measuring the height at {} px wide…", *width),
        (None, Lang::Zh) => format!("正在按 {} 像素宽测量高度……", *width),
    };
    let in_range = |text: &str| {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|w| (WIDTHS.0..=WIDTHS.1).contains(w))
    };
    let on_width = {
        let (width, text) = (width.clone(), width_text.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(w) = in_range(&value) {
                width.set(w);
            }
            text.set(value);
        })
    };
    let on_width_leave = {
        let (width, text) = (*width, width_text.clone());
        Callback::from(move |_: FocusEvent| text.set(width.to_string()))
    };
    let width_wrong = in_range(&width_text).is_none();
    let width_words = width_wrong.then(|| {
        format!(
            "{}{} {} {}{}{} {}",
            lang.tr("A column from ", "栏宽可取 "),
            WIDTHS.0,
            lang.tr("to", "到"),
            WIDTHS.1,
            lang.tr(" px; the code keeps ", " 像素；代码保持 "),
            *width,
            lang.tr("px.", "像素。")
        )
    });
    let backdrops = Backdrop::ALL.map(|choice| {
        let label = match choice {
            Backdrop::Own => lang.tr("its own colours", "自带配色"),
            Backdrop::Light => lang.tr("clear, on a light page", "透明，浅色页面"),
            Backdrop::Dark => lang.tr("clear, on a dark page", "透明，深色页面"),
        };
        let pressed = choice == *backdrop;
        let backdrop = backdrop.clone();
        let onclick = Callback::from(move |_: MouseEvent| backdrop.set(choice));
        html! {
            <button type="button" class="seg seg-small" id={format!("embed-bg-{}", choice.name())}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    });

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
                id={format!("embed-{}", choice.key().unwrap_or("page"))}
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
                <textarea id="share-link" ref={link_box} readonly=true rows="1" wrap="off" value={link} />
                <button type="button" class="tool" id="copy-link" onclick={copy_link}>
                    { lang.tr("Copy link", "复制链接") }</button>
            </div>
            <div class="share-row" ref={embed_row}>
                <label for="share-embed">{ lang.tr("Embed in a post", "嵌入到文章中") }</label>
                <div class="seg-group" role="group" aria-label={lang.tr("Panel to embed", "要嵌入的面板")}>{ for choices }</div>
                <div class="embed-options">
                    <label class="embed-width">
                        <span>{ lang.tr("column width", "栏宽") }</span>
                        <input id="embed-width" type="number" inputmode="numeric"
                            min={WIDTHS.0.to_string()} max={WIDTHS.1.to_string()}
                            value={(*width_text).clone()} oninput={on_width} onblur={on_width_leave}
                            aria-invalid={width_wrong.to_string()} aria-describedby="embed-width-error" />
                        <span>{ "px" }</span>
                    </label>
                    <span id="embed-width-error" class="param-error" aria-live="polite">{ width_words }</span>
                    <div class="seg-group" role="group" aria-label={lang.tr("Background", "背景")}>{ for backdrops }</div>
                </div>
                <textarea id="share-embed" ref={code_box} readonly=true rows="5" value={code} />
                <button type="button" class="tool" id="copy-embed" onclick={copy_code}>
                    { lang.tr("Copy embed code", "复制嵌入代码") }</button>
                <p class="embed-height" id="embed-height" aria-live="polite"
                    data-value={measured_now.map(|h| h.to_string())}
                    data-for={format!("{}@{}", embed.key().unwrap_or("page"), *width)}>{ height_words }</p>
            </div>
            { for props.problems.as_ref().map(|words| html! {
                <p class="share-problems" id="share-problems">
                    { lang.tr("The link this page opened with had problems; the link and the embed above use the repaired values. ", "打开本页的链接有问题；上面的链接和嵌入代码使用的是修正后的值。") }
                    { words.clone() }
                </p>
            }) }
            <p class="share-status" role="status">{ (*status).clone() }</p>
            // In a box of its own: a frame that comes and goes must not make the page
            // rebuild its neighbours (and lose the reader's focus).
            <div class="embed-measure-box">{ for measure_frame }</div>
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

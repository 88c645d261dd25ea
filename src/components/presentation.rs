//! The lecture: full screen, type sized to the room, and the lesson's ten stops one at a
//! time, driven by a clicker's keys from wherever the focus is. B blanks the screen, H
//! hides the numbers until the next click, ? lists the keys, Escape leaves. Which key
//! does what is decided in `crate::lesson::press`; this module listens and shows.

use super::hooks::use_window_key;
use crate::components::dom;
use crate::cost::Costs;
use crate::i18n::Lang;
use crate::lesson::{press, Focus, Panel, Room, Stop, CLICK};
use crate::state::Action;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// The room now, and a way to press a key from a button ("PageDown" for the next stop).
pub struct Lecture {
    pub room: Room,
    pub press: Callback<&'static str>,
}

/// The lecture's room: the stop from the page's state (it is in the URL), the classroom's
/// switches kept here. Listens on the window before any element does, so that a
/// clicker's Page Down moves one stop even while a slider or the animation has the focus.
#[hook]
pub fn use_lecture(slide: Option<Stop>, on_action: Callback<Action>) -> Lecture {
    let switches = use_state(Room::default);
    let room = Room { slide, ..*switches };
    // The listeners are made once and read the room through this cell, which a press
    // updates at once: a clicker's presses can come faster than the page renders.
    let current = use_mut_ref(Room::default);
    *current.borrow_mut() = room;
    let apply = {
        let (current, switches) = (current.clone(), switches.clone());
        Rc::new(move |to: Room| apply(&current, to, &switches, &on_action))
    };
    {
        let (current, apply) = (current.clone(), apply.clone());
        use_window_key("keydown", true, move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let now = *current.borrow();
            if let Some(to) = press(now, &e.key(), focus_of(&e)) {
                // The lecture's key, and no one else's: not the animation's Page Down,
                // not a button's Space.
                e.prevent_default();
                e.stop_propagation();
                apply(to);
            }
        });
    }
    {
        let current = current.clone();
        // A focused button or box would act on Space's release: in a lecture, Space
        // has moved on already.
        use_window_key("keyup", true, move |e: KeyboardEvent| {
            let lecturing = current.borrow().slide.is_some();
            if lecturing && e.key() == " " && focus_of(&e) != Focus::TextBox {
                e.prevent_default();
            }
        });
    }
    let press = Callback::from(move |key: &'static str| {
        let now = *current.borrow();
        if let Some(to) = press(now, key, Focus::Other) {
            apply(to);
        }
    });
    Lecture { room, press }
}

thread_local! {
    /// Where the reader was on the page when the lecture began, until it ends.
    static PLACE: Cell<Option<Place>> = const { Cell::new(None) };
    /// That place again, once the browser has answered: leaving full screen (or being
    /// granted it after the lecture ended, and leaving it then) changes the window's
    /// size, which moves the page under the reader.
    static AGAIN: Cell<Option<Place>> = const { Cell::new(None) };
    /// Whether the lecture wants the whole screen now. The browser answers later, and a
    /// P and an Escape pressed quickly can both come before its answer.
    static WHOLE_SCREEN: Cell<bool> = const { Cell::new(false) };
    /// The browser's answers still to come.
    static ASKED: Cell<u32> = const { Cell::new(0) };
}

/// Once the page is drawn again after a lecture, puts the reader back where they began it
/// (once, and once more when the browser's answer about the screen comes).
pub fn back_in_place() {
    if let Some(place) = PLACE.take() {
        place.restore();
        if ASKED.get() > 0 {
            AGAIN.set(Some(place));
        }
    }
}

/// Where the reader was on the page when the lecture began, to go back to when it ends:
/// how far down, and the control they started it from (by its id: the page is drawn anew).
struct Place {
    y: f64,
    focus: Option<String>,
}

impl Place {
    fn here() -> Option<Place> {
        let window = dom::window()?;
        let focus = window
            .document()
            .and_then(|d| d.active_element())
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        Some(Place {
            y: window.scroll_y().unwrap_or(0.0),
            focus,
        })
    }

    fn restore(&self) {
        let Some(window) = dom::window() else { return };
        let control = self
            .focus
            .as_deref()
            .and_then(|id| window.document()?.get_element_by_id(id));
        if let Some(control) = control.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = control.focus();
        }
        window.scroll_to_with_x_and_y(0.0, self.y);
    }
}

fn apply(
    current: &Rc<RefCell<Room>>,
    to: Room,
    switches: &UseStateHandle<Room>,
    on_action: &Callback<Action>,
) {
    let from = std::mem::replace(&mut *current.borrow_mut(), to);
    if from.slide.is_none() != to.slide.is_none() {
        full_screen(to.slide.is_some());
        if to.slide.is_some() {
            PLACE.set(Place::here());
            AGAIN.set(None);
        }
    }
    if from.slide != to.slide {
        on_action.emit(Action::SetSlide(to.slide));
    }
    switches.set(Room { slide: None, ..to });
}

/// Where the key went, as the lecture's keys care.
fn focus_of(e: &KeyboardEvent) -> Focus {
    let Some(target) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return Focus::Other;
    };
    if target.is_content_editable() {
        return Focus::TextBox;
    }
    match target.tag_name().to_ascii_lowercase().as_str() {
        "textarea" => Focus::TextBox,
        "select" | "canvas" => Focus::Arrows,
        "input" => match target.get_attribute("type").as_deref() {
            Some("range") => Focus::Arrows,
            Some("checkbox" | "radio" | "button" | "file") => Focus::Other,
            _ => Focus::TextBox,
        },
        _ => Focus::Other,
    }
}

/// The panels a stop can show, each rendered by the app.
pub struct Slides {
    pub layer: Html,
    pub counts: Html,
    pub ratio: Html,
    pub animation: Html,
    pub chart: Html,
    pub network: Html,
}

/// One stop on the whole screen: the bar that says where the lesson is, and its panel.
pub fn lecture_view(
    stop: Stop,
    costs: &Costs,
    slides: Slides,
    lecture: &Lecture,
    lang: Lang,
) -> Html {
    let go = |key: &'static str| lecture.press.reform(move |_: MouseEvent| key);
    // The guess revealed by a click on the stop, as by the clicker's press: anywhere but
    // on a control or a picture, which keep their clicks (a drag turns the animation, a
    // tap pins a chart's read-out).
    let reveal = lecture.room.hidden.then(|| {
        let press = lecture.press.clone();
        Callback::from(move |e: MouseEvent| {
            let on_control = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.closest(CONTROLS).ok().flatten());
            if on_control.is_none() {
                press.emit(CLICK);
            }
        })
    });
    let count = Stop::ALL.len();
    let body = match stop.panel() {
        Panel::Question => html! {
            <div class="stop-question">{ slides.layer }{ question(costs, lang) }</div>
        },
        Panel::Animation => slides.animation,
        Panel::Counts => slides.counts,
        Panel::Ratio => slides.ratio,
        Panel::Chart => slides.chart,
        Panel::Network => slides.network,
    };
    html! {
        <div class="presentation" data-stop={stop.number().to_string()}>
            <nav class="slide-bar" aria-label={lang.tr("Lecture", "演示")}>
                <button type="button" class="tool" id="slide-prev"
                    aria-label={lang.tr("Previous stop (Page Up)", "上一页（Page Up）")}
                    disabled={stop == Stop::Question} onclick={go("PageUp")}>{ "‹" }</button>
                <span class="slide-title" id="slide-title" aria-live="polite">
                    { format!("{} / {count} · {}", stop.number(), stop.title(lang)) }</span>
                <button type="button" class="tool" id="slide-next"
                    aria-label={lang.tr("Next stop (Page Down)", "下一页（Page Down）")}
                    disabled={stop == Stop::Network} onclick={go("PageDown")}>{ "›" }</button>
                <button type="button" class="tool" id="lecture-help-open" onclick={go("?")}
                    aria-label={lang.tr("Keys (?)", "按键（?）")}>{ "?" }</button>
                <button type="button" class="tool" id="present-exit" onclick={go("Escape")}>
                    { lang.tr("Exit (Esc)", "退出（Esc）") }</button>
            </nav>
            <div class="stop" onclick={reveal}>{ body }</div>
        </div>
    }
}

/// What takes a click for itself on a stop: the controls and the pictures.
const CONTROLS: &str = "a, button, input, select, textarea, label, summary, canvas";

/// The first stop's question, with this layer's sizes.
fn question(costs: &Costs, lang: Lang) -> Html {
    let l = costs.layer;
    let (df, dk, m, n, dp) = (l.df, l.dk, l.m, l.n, costs.dp);
    let sizes = match lang {
        Lang::En => [
            format!("Input {df} × {df} × {m}"),
            format!("{n} filters of {dk} × {dk} × {m}"),
            format!("Output {dp} × {dp} × {n}"),
        ],
        Lang::Zh => [
            format!("输入 {df} × {df} × {m}"),
            format!("{n} 个 {dk} × {dk} × {m} 的卷积核"),
            format!("输出 {dp} × {dp} × {n}"),
        ],
    };
    html! {
        <section class="panel question" aria-labelledby="question-title">
            <h2 id="question-title">{ lang.tr("How many multiplications?", "需要多少次乘法？") }</h2>
            <ol class="question-sizes">{ for sizes.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            <p class="question-ask">{ lang.tr(
                "A standard convolution slides every filter over every channel at once. A depthwise separable one first filters each channel on its own, then mixes the channels with 1 × 1 filters. How many times fewer multiplications does that need?",
                "标准卷积让每个卷积核同时在所有通道上滑动。深度可分离卷积先对每个通道单独滤波，再用 1 × 1 卷积核把通道混合起来。这样需要的乘法少了多少倍？") }</p>
        </section>
    }
}

/// The screen blanked (B), and the keys (?), over whatever shows.
pub fn overlays(room: Room, press: &Callback<&'static str>, lang: Lang) -> Html {
    let blank = room.blank.then(|| {
        html! {
            <div id="blank" class="blank" role="presentation"
                onclick={press.reform(|_: MouseEvent| "b")}></div>
        }
    });
    let help = room.help.then(|| help(press, lang));
    // One element always, so that the page beside it is never rebuilt when they come.
    html! { <div class="overlays">{ for blank }{ for help }</div> }
}

fn help(press: &Callback<&'static str>, lang: Lang) -> Html {
    let keys: [(&str, &str, &str); 7] = [
        ("P", "start or leave the lecture", "开始或退出演示"),
        (
            "Page Down · Space · →",
            "next stop (a clicker's button)",
            "下一页（翻页笔的按键）",
        ),
        ("Page Up · ←", "previous stop", "上一页"),
        ("B", "blank the screen, and back", "黑屏，再按恢复"),
        (
            "H",
            "hide the numbers for a guess; the next click reveals them",
            "隐藏数字让大家猜，再点一下就显示",
        ),
        ("?", "these keys", "显示这些按键"),
        (
            "Esc",
            "close this, or leave the lecture",
            "关闭这里，或退出演示",
        ),
    ];
    html! {
        <div class="help-backdrop">
            <div id="lecture-help" class="panel help" role="dialog" aria-modal="true"
                aria-labelledby="help-title">
                <h2 id="help-title">{ lang.tr("Keys for a lecture", "演示用的按键") }</h2>
                <dl class="help-keys">
                    { for keys.iter().map(|(key, en, zh)| html! {
                        <>
                            <dt><kbd>{ *key }</kbd></dt>
                            <dd>{ lang.tr(en, zh) }</dd>
                        </>
                    }) }
                </dl>
                <p class="help-note">{ lang.tr(
                    "Keys work wherever the focus is, except letters and Space in a text box. Arrows stay with a focused slider.",
                    "无论焦点在哪里按键都有效，只是文本框里的字母和空格除外；焦点在滑块上时方向键归滑块。") }</p>
                <button type="button" class="tool" id="lecture-help-close"
                    onclick={press.reform(|_: MouseEvent| "?")}>{ lang.tr("Close (Esc)", "关闭（Esc）") }</button>
            </div>
        </div>
    }
}

/// Asks for full screen (or leaves it). A browser or a frame may refuse; the lecture
/// still fills the window, so a refusal is not an error. A grant that comes after the
/// lecture ended is given back at once, and the reader's place waits for the screen.
fn full_screen(on: bool) {
    WHOLE_SCREEN.set(on);
    let Some(document) = dom::window().and_then(|w| w.document()) else {
        return;
    };
    let (target, method): (JsValue, &str) = if on {
        match document.document_element() {
            Some(root) => (root.into(), "requestFullscreen"),
            None => return,
        }
    } else if document.fullscreen_element().is_some() {
        (document.into(), "exitFullscreen")
    } else {
        return;
    };
    let call = js_sys::Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&target).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = call {
        ASKED.set(ASKED.get() + 1);
        yew::platform::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            ASKED.set(ASKED.get() - 1);
            if WHOLE_SCREEN.get() || ASKED.get() > 0 {
                return;
            }
            if screen_is_full() {
                full_screen(false);
            } else if let Some(place) = AGAIN.take().or_else(|| PLACE.take()) {
                // (The place itself if the page never drew the lecture: both keys came
                // before it could.)
                place.restore();
            }
        });
    }
}

fn screen_is_full() -> bool {
    dom::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.fullscreen_element().is_some())
}

//! Small helpers around the DOM that the canvas components share.

use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, Window};

/// The browser's window; `None` outside a browser, where the page is rendered to HTML at
/// build time (`src/bin/prerender.rs`) and there is no window to ask. Every component
/// reaches the browser through here, so the same render runs in both places.
pub fn window() -> Option<Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The values of CSS variables as the stylesheet sets them on the root element (light or
/// dark). Reading forces a style recalculation, so callers keep the result until the
/// colour scheme changes.
pub fn root_css(names: &[&str]) -> Vec<String> {
    let style = window().and_then(|w| {
        let root = w.document()?.document_element()?;
        w.get_computed_style(&root).ok().flatten()
    });
    names
        .iter()
        .map(|name| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// `value` written out in full, as JavaScript writes a number (the shortest text that
/// reads back as the same value): the browser's own, since Rust's float formatting would
/// add some 6 KB to the wasm for the few figures a page measures.
pub fn full_number(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Sizes the canvas's bitmap to its CSS size times the screen's pixel density, and
/// returns the density. The bitmap is only touched when its size changes: every
/// assignment clears and reallocates it.
pub fn fit_canvas(canvas: &HtmlCanvasElement, (width, height): (u32, u32)) -> f64 {
    let density = density();
    let (w, h) = (
        (f64::from(width) * density).round() as u32,
        (f64::from(height) * density).round() as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    density
}

/// Device pixels per CSS pixel on this screen (at least 1).
pub fn density() -> f64 {
    window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0)
}

/// How much larger than usual the page's type is: 1, except in a lecture
/// (`<html data-presenting>`), where the stylesheet sizes it to the room, and in the
/// projector palette on a screen wider than the page's column, where it grows with the
/// screen. The canvases draw their words, lines and cells that much larger too.
pub fn type_zoom() -> f64 {
    let Some((root, window)) = window().and_then(|w| Some((w.document()?.document_element()?, w)))
    else {
        return 1.0;
    };
    let projector = root.get_attribute("data-theme").as_deref() == Some("projector");
    if !projector && !root.has_attribute("data-presenting") {
        return 1.0;
    }
    window
        .get_computed_style(&root)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("font-size").ok())
        .and_then(|px| hundredths(px.trim_end_matches("px")))
        .map_or(1.0, |px| (f64::from(px) / 1600.0).max(1.0))
}

/// A stylesheet of a part that only some readers open, `file` beside the page (`id` its
/// element's), asked for once, when the part is first drawn: a reader who never opens it
/// never loads it. The single-file build has it inline already (`<style id=...>`). The
/// lecture's (`lecture.css`), the network views' (`network.css`) and a run's figures'
/// (`measure.css`).
pub fn stylesheet(id: &str, file: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(id).is_some() {
        return;
    }
    let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) else {
        return;
    };
    for (name, value) in [("id", id), ("rel", "stylesheet"), ("href", file)] {
        let _ = link.set_attribute(name, value);
    }
    let _ = head.append_child(&link);
}

/// "28.08" as 2808: a float parse would ship its tables (some 17 KB) for one value.
fn hundredths(text: &str) -> Option<u32> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let fraction: String = fraction.chars().chain("00".chars()).take(2).collect();
    Some(whole.parse::<u32>().ok()? * 100 + fraction.parse::<u32>().ok()?)
}

/// Saves `url` as `file` through a temporary link, as browsers want for downloads.
pub fn download(url: &str, file: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(url);
    link.set_download(file);
    link.click();
}

thread_local! {
    /// While a pointer holds a slider: the query waiting for it to be let go, if any.
    static HELD: std::cell::RefCell<Option<Option<String>>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the link in the address bar equal to what is on screen, without a history entry
/// per slider step: at once, or, while a slider is held, as soon as it is let go. Writing
/// the address bar costs the page a millisecond and sometimes ten (`history.replaceState`
/// in Chromium), at every step of a drag, while nobody can read it mid-drag. Where the
/// page may not touch history (a sandbox), it does without.
pub fn write_url(query: &str) {
    let waits = HELD.with(|held| match &mut *held.borrow_mut() {
        Some(pending) => {
            *pending = Some(query.to_owned());
            true
        }
        None => false,
    });
    if !waits {
        replace_url(query);
    }
}

/// As [`write_url`], but where the address bar says `?query` already (a link opened as
/// the page writes it: every shared link) and no drag waits to write, nothing: the app's
/// first render costs no `replaceState`, which takes Chromium a few milliseconds the first
/// time. (The first-load island writes only what a reader changes.)
pub fn show_url(query: &str) {
    let says = window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|now| now.strip_prefix('?') == Some(query));
    if url_held() || !says {
        write_url(query);
    }
}

/// A pointer pressed on a slider (`true`) or let go (`false`): the address bar waits for
/// the drag to end, then takes its last layer.
pub fn hold_url(held: bool) {
    let pending = HELD.with(|slot| {
        let mut slot = slot.borrow_mut();
        if held {
            slot.get_or_insert(None);
            None
        } else {
            slot.take().flatten()
        }
    });
    if let Some(query) = pending {
        replace_url(&query);
    }
}

/// Whether a pointer holds a slider now.
pub fn url_held() -> bool {
    HELD.with(|held| held.borrow().is_some())
}

fn replace_url(query: &str) {
    let Some(window) = window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{query}")),
        );
    }
}

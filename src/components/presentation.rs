//! Presentation mode for a lecture: full screen, large type, one panel at a time. P
//! enters and leaves it, the arrow keys move between panels, Escape leaves.

use super::hooks::use_window_keydown;
use crate::components::dom;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// How many panels a presentation has: the layer and counts, the animation, the charts,
/// the network.
pub const SLIDES: usize = 4;

/// Shows panel `slide`, or leaves presentation mode with None; full screen follows.
pub fn set_presenting(state: &UseStateHandle<Option<usize>>, slide: Option<usize>) {
    if state.is_none() != slide.is_none() {
        full_screen(slide.is_some());
    }
    set_root_flag(slide.is_some());
    state.set(slide);
}

/// Listens on the window for P (enter or leave), Escape (leave) and the arrow keys (move
/// between panels) while focus is not in a control that uses those keys itself.
#[hook]
pub fn use_presentation_keys(state: UseStateHandle<Option<usize>>, slides: usize) {
    // The listener is made once; it reads the current panel through this cell.
    let current = use_mut_ref(|| None::<usize>);
    *current.borrow_mut() = *state;
    use_window_keydown(move |e: KeyboardEvent| {
        if in_a_control(&e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let now = *current.borrow();
        let next = match (e.key().as_str(), now) {
            ("p" | "P", None) => Some(0),
            ("p" | "P" | "Escape", Some(_)) => None,
            ("ArrowRight" | "PageDown", Some(i)) => Some((i + 1).min(slides - 1)),
            ("ArrowLeft" | "PageUp", Some(i)) => Some(i.saturating_sub(1)),
            _ => return,
        };
        e.prevent_default();
        // Kept at once: a clicker's presses can come faster than the page renders.
        *current.borrow_mut() = next;
        set_presenting(&state, next);
    });
}

/// Whether the key goes to a text box, a slider, a button or the animation, which have
/// their own use for it.
fn in_a_control(e: &KeyboardEvent) -> bool {
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let tag = target
        .as_ref()
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default();
    // The animation's panel takes the arrows and Page Down wherever its focus is.
    let in_animation = target.is_some_and(|el| el.closest(".anim").ok().flatten().is_some());
    in_animation
        || matches!(
            tag.as_str(),
            "input" | "textarea" | "select" | "button" | "canvas"
        )
}

/// `<html data-presenting>` switches the stylesheet to large type and strong contrast.
fn set_root_flag(on: bool) {
    let root = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = if on {
            root.set_attribute("data-presenting", "")
        } else {
            root.remove_attribute("data-presenting")
        };
    }
}

/// Asks for full screen (or leaves it). A browser or a frame may refuse; the panel still
/// fills the window, so a refusal is not an error.
fn full_screen(on: bool) {
    let Some(document) = dom::window().and_then(|w| w.document()) else {
        return;
    };
    let (target, method): (JsValue, &str) = if on {
        match document.document_element() {
            Some(root) => (root.into(), "requestFullscreen"),
            None => return,
        }
    } else {
        (document.into(), "exitFullscreen")
    };
    let call = js_sys::Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&target).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = call {
        yew::platform::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

//! The app's first frame on screen is a whole one. While the app mounts, the page that was
//! there (the pre-rendered page, live from the first-load island, or the loading line)
//! stays in front, over the app laid out but not shown, until the app's first effects
//! have run, and with them the first drawing of every canvas (`use_frame_painter`). Yew's
//! scheduler gives the browser a frame between the first render and those effects: a
//! reader never sees empty charts in it, and the browser does not raster a page that the
//! next frame redraws.

use crate::components::dom;
use web_sys::Element;

/// On `#app` while the page that was there stands in front of the app.
const HOLDING: &str = "data-holding";

/// The element the app mounts into, in `#app`.
const HOST: &str = "app-host";

/// Before the app mounts into `root`: what is in it now stays in front, inert (the app has
/// read the link, so input there would be lost), and the app, hidden, goes into a new
/// element after it, which it returns. (Yew clears the element it mounts into.) The new
/// element has no box of its own (`display: contents`), so the app lays out as if it were
/// in `root` itself.
pub fn raise(root: &Element) -> Option<Element> {
    let mut child = root.first_element_child();
    while let Some(element) = child {
        let _ = element.set_attribute("inert", "");
        child = element.next_element_sibling();
    }
    let host = dom::window()?.document()?.create_element("div").ok()?;
    host.set_class_name(HOST);
    root.append_child(&host).ok()?;
    let _ = root.set_attribute(HOLDING, "");
    Some(host)
}

/// Once every component's first effects have run (the app's own come last): shows the
/// app in place of what stood in front, and says on `<html>` that the page is live
/// (`data-ready`: the first-load island may have said so already) and that the whole app
/// runs (`data-app`), for the benchmark and for checks that wait on them.
pub fn lift() {
    let Some(document) = dom::window().and_then(|w| w.document()) else {
        return;
    };
    // Everything in `#app` but the app's own element was there before it.
    if let Some(root) = document
        .get_element_by_id("app")
        .filter(|root| root.has_attribute(HOLDING))
    {
        let mut child = root.first_element_child();
        while let Some(element) = child {
            child = element.next_element_sibling();
            // Not `class_name()`: on an SVG element (the pre-rendered page's shared first
            // frame) that is an object, not a string, which wasm-bindgen would read as one.
            if !element.class_list().contains(HOST) {
                element.remove();
            }
        }
        let _ = root.remove_attribute(HOLDING);
        let _ = root.remove_attribute(crate::prerender::MARK);
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-ready", "");
        let _ = html.set_attribute("data-app", "");
    }
}

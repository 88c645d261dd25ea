//! The default page as HTML in `dist/index.html`, so that the first paint shows the
//! default layer's real numbers before any wasm has run. `src/bin/prerender.rs` renders
//! the same `App` the browser runs (yew's server-side rendering) and puts it here; the
//! wasm then replaces it with the live page.

/// Marks the pre-rendered `#app`, for the stylesheet and for the wasm that replaces it.
pub const MARK: &str = "data-prerendered";

/// `page` (a built `index.html`, minified or not) with `markup` at the start of its `#app`
/// element. The loading line and the `<noscript>` note stay after it: the stylesheet shows
/// the loading line instead of the markup when the link asks for another page. The markup
/// sits in a disabled `<fieldset>`: until the wasm replaces it, its controls would take
/// input and drop it, so they say that they are not ready instead. `None` when the page
/// has no `#app`, or when it was pre-rendered already.
pub fn inject(page: &str, markup: &str) -> Option<String> {
    if page.contains(MARK) {
        return None;
    }
    let open = ["<div id=app>", "<div id=\"app\">"]
        .into_iter()
        .find_map(|tag| page.find(tag).map(|at| (at, tag.len())))?;
    let (start, tag_len) = open;
    Some(format!(
        "{}<div id=app {MARK}><fieldset class=prerendered disabled>{markup}</fieldset>{}",
        &page[..start],
        &page[start + tag_len..]
    ))
}

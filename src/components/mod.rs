//! The Yew front end: one component per file, all fed from [`crate::state::State`].

mod animation;
mod app;
mod chart;
mod charts_panel;
mod code_panel;
mod cost_card;
mod curtain;
pub mod dom;
mod formula;
mod geometry_panel;
mod hooks;
mod lazy;
mod measure;
mod model_view;
mod network_view;
mod notice;
mod options_panel;
mod param_control;
mod presentation;
mod presets;
mod share;
mod summary;
mod theme_switch;
mod where_bar;

pub use app::{App, AppProps};

use yew::prelude::*;

/// `picture` (a canvas) as the page rendered at build time shows it: nothing draws there
/// until the app has loaded, a moment later, or two to three seconds on a slow phone. Over
/// it stands `stand_in`, if any (the animation's first frame, drawn at build time), and
/// `words` that say it is on its way, which the stylesheet shows where there is no stand-in
/// or where it no longer holds (the first-load island has moved the layer). The app draws
/// its pictures as it renders them: its own render, compiled for the browser, is the
/// canvas alone.
#[cfg(not(target_arch = "wasm32"))]
fn waiting(picture: Html, words: &str, stand_in: Html) -> Html {
    html! {
        <div class="picture-box">
            { picture }
            { stand_in }
            <p class="picture-wait" aria-hidden="true">
                <span class="loading-mark"></span>{ words }
            </p>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn waiting(picture: Html, _words: &str, _stand_in: Html) -> Html {
    picture
}

/// Mounts the app into the page's `#app` element (the whole body if it is missing). The
/// default page pre-rendered there at build time (`crate::prerender`), or the loading
/// line, stays in front until the live one, which reads the link, has drawn
/// ([`curtain`]).
pub fn start() {
    let root = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            let host = curtain::raise(&root).unwrap_or(root);
            yew::Renderer::<App>::with_root(host).render()
        }
        None => yew::Renderer::<App>::new().render(),
    };
}

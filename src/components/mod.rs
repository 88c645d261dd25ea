//! The Yew front end: one component per file, all fed from [`crate::state::State`].

mod animation;
mod app;
mod chart;
mod charts_panel;
mod code_panel;
mod cost_card;
mod dom;
mod formula;
mod geometry_panel;
mod hooks;
mod network_view;
mod notice;
mod options_panel;
mod param_control;
mod presentation;
mod presets;
mod share;
mod summary;
mod theme_switch;

pub use app::App;

/// Mounts the app into the page's `#app` element (the whole body if it is missing).
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

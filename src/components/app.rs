//! The page: the layer's controls on one side, its costs on the other, all derived from
//! one `State` that also lives in the URL.

use super::animation::Animation;
use super::charts_panel::ChartsPanel;
use super::code_panel::CodePanel;
use super::cost_card::CostCard;
use super::geometry_panel::GeometryPanel;
use super::hooks::{use_dark_scheme, use_resize_reporter};
use super::network_view::NetworkView;
use super::notice::Notice;
use super::options_panel::OptionsPanel;
use super::param_control::ParamControl;
use super::presentation::{set_presenting, use_presentation_keys, SLIDES};
use super::presets::Presets;
use super::share::Share;
use super::summary::Summary;
use super::theme_switch::ThemeSwitch;
use crate::cost::{Costs, Param, Part, Unit};
use crate::query;
use crate::state::{Action, Embed, State, View};
use yew::prelude::*;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        query::parse(&search).into_state()
    });
    let costs = state.costs;
    let (scaled, unit) = (state.scaled, state.unit);
    let layer = scaled.base;
    let (playhead, theme, embed) = (state.playhead, state.theme, state.embed);
    let query = query::to_query(&state);
    use_effect_with(query.clone(), |query| write_url(query));
    // Set during render, before the charts and the animation read the colours.
    let dark = theme.is_dark(use_dark_scheme());
    set_theme_attribute(dark);
    use_resize_reporter(embed != Embed::Page);
    // Presentation mode: one panel at a time, large type; the panel shown, or None.
    let presenting = use_state(|| None::<usize>);
    use_presentation_keys(presenting.clone(), SLIDES);

    // One callback for the whole page, the same on every render (the dispatcher never
    // changes), so that children whose values did not change skip rendering.
    let on_action = use_callback(state.dispatcher(), |action, dispatcher| {
        dispatcher.dispatch(action)
    });
    let control = |param: Param| {
        html! { <ParamControl {param} value={layer.get(param)} on_action={on_action.clone()} /> }
    };

    let notice = html! { <Notice message={state.notice.clone()} on_action={on_action.clone()} /> };
    let controls = html! {
        <div class="controls">
            <section class="panel layer-panel" aria-labelledby="layer-title">
                <h2 id="layer-title">{ "The layer" }</h2>
                <p class="panel-note">
                    { "Input Df × Df × M, N filters of Dk × Dk × M, output Dp × Dp × N." }
                </p>
                <Presets on_action={on_action.clone()} />
                { control(Param::Df) }
                { control(Param::Dk) }
                { control(Param::M) }
                { control(Param::N) }
            </section>
            <GeometryPanel {costs} on_action={on_action.clone()} />
            <OptionsPanel {scaled} {costs} {unit} on_action={on_action.clone()} />
        </div>
    };
    let counts = html! {
        <>
            <Summary {costs} {unit} />
            { cards(&costs, unit) }
            <CodePanel {costs} />
        </>
    };
    let animation = html! { <Animation {costs} {playhead} {dark} on_action={on_action.clone()} /> };
    let charts = html! { <ChartsPanel {costs} {dark} /> };
    let network = html! { <NetworkView net={state.net} on_action={on_action.clone()} /> };

    if let Some(slide) = *presenting {
        let slides = [
            (
                "The layer and its counts",
                html! {
                    <main class="layout">{ controls }<div class="results">{ counts }</div></main>
                },
            ),
            ("Where every multiplication comes from", animation),
            ("Why R flattens out", charts),
            ("A real network", network),
        ];
        let count = slides.len();
        let go = |to: Option<usize>| {
            let presenting = presenting.clone();
            Callback::from(move |_: MouseEvent| set_presenting(&presenting, to))
        };
        let (title, body) = slides
            .into_iter()
            .nth(slide.min(count - 1))
            .unwrap_or_default();
        return html! {
            <div class="presentation">
                <nav class="slide-bar" aria-label="Presentation">
                    <button type="button" class="tool" aria-label="Previous panel (←)"
                        onclick={go(Some(slide.saturating_sub(1)))}>{ "‹" }</button>
                    <span class="slide-title" id="slide-title">
                        { format!("{} / {count} · {title}", slide + 1) }</span>
                    <button type="button" class="tool" aria-label="Next panel (→)"
                        onclick={go(Some((slide + 1).min(count - 1)))}>{ "›" }</button>
                    <button type="button" class="tool" id="present-exit" onclick={go(None)}>
                        { "Exit (Esc)" }</button>
                </nav>
                { notice }
                { body }
            </div>
        };
    }
    if embed != Embed::Page {
        // One panel for an iframe: no page chrome, a way out to everything.
        let full = query::to_query(&State {
            embed: Embed::Page,
            ..(*state).clone()
        });
        let panel = match embed {
            Embed::Plots => charts,
            Embed::Anim => animation,
            Embed::Network => network,
            Embed::Cost | Embed::Page => html! {
                <main class="layout">{ controls }<div class="results">{ counts }</div></main>
            },
        };
        return html! {
            <div class="embedded">
                { notice }
                { panel }
                <p class="open-full">
                    <a href={format!("?{full}")} target="_blank" rel="noopener">
                        { "sepconv: open the full view ↗" }</a>
                </p>
            </div>
        };
    }
    let present = Callback::from(move |_: MouseEvent| set_presenting(&presenting, Some(0)));
    let tabs = [
        (View::Layer, "One layer", "view-layer"),
        (View::Network, "Real networks", "view-network"),
    ]
    .map(|(view, label, id)| {
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetView(view));
        html! {
            <button type="button" class="seg" {id} aria-pressed={(view == state.view).to_string()}
                {onclick}>{ label }</button>
        }
    });
    let main = match state.view {
        View::Layer => html! {
            <main class="layout">
                { controls }
                <div class="results">
                    { counts }
                    { animation }
                    { charts }
                </div>
            </main>
        },
        View::Network => html! { <main class="network-layout">{ network }</main> },
    };
    html! {
        <>
            <header class="masthead">
                <h1><span class="brand">{ "sepconv" }</span></h1>
                <ThemeSwitch {theme} on_action={on_action.clone()} />
                <button type="button" class="tool present" id="present" onclick={present}>
                    { "Present (P)" }</button>
                <p class="tagline">
                    { "Why a depthwise separable convolution (MobileNet, Xception) needs so many fewer multiplications, counted exactly." }
                </p>
            </header>
            <nav class="seg-group views" aria-label="View">{ for tabs }</nav>
            { notice }
            { main }
            <Share {query} />
            <footer class="footer">
                <p>{ "Counts are exact integers: multiply-adds as in the MobileNets paper (Howard et al., 2017) and the counters fvcore and thop, or FLOPs if chosen." }</p>
            </footer>
        </>
    }
}

/// The four counts in `unit`; a grouped standard side says so in its title.
fn cards(costs: &Costs, unit: Unit) -> Html {
    let g = costs.layer.groups;
    let (standard_title, standard_note) = if g == 1 {
        (
            "Standard convolution".to_owned(),
            "N filters of Dk × Dk × M, each at Dp² positions",
        )
    } else {
        (
            format!("Grouped convolution, g = {g}"),
            "N filters of Dk × Dk × M/g, each at Dp² positions",
        )
    };
    let unit_note = |note: &str| match unit {
        Unit::Macs => note.to_owned(),
        Unit::Flops => format!("{note}; in FLOPs"),
    };
    html! {
        <div class="cards">
            <CostCard id="cost-standard" class="card-standard" title={standard_title}
                note={unit_note(standard_note)} formula={costs.formula(Part::Standard, unit)} />
            <CostCard id="cost-depthwise" class="card-depthwise" title="Depthwise step"
                note={unit_note("M filters of Dk × Dk × 1, one per channel")}
                formula={costs.formula(Part::Depthwise, unit)} />
            <CostCard id="cost-pointwise" class="card-pointwise" title="Pointwise step"
                note={unit_note("N filters of 1 × 1 × M across the channels")}
                formula={costs.formula(Part::Pointwise, unit)} />
            <CostCard id="cost-separable" class="card-separable" title="Separable total"
                note={unit_note("depthwise + pointwise")}
                formula={costs.formula(Part::Separable, unit)} />
        </div>
    }
}

/// Keeps the link in the address bar equal to what is on screen, without a history entry
/// per slider step. Where the page may not touch history (a sandbox), it does without.
fn write_url(query: &str) {
    let Some(window) = web_sys::window() else {
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

/// `<html data-theme="dark">` or `"light"`: the stylesheet's colours follow it.
fn set_theme_attribute(dark: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

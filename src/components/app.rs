//! The page: the layer's controls on one side, its costs on the other, all derived from
//! one `State` that also lives in the URL.

use super::animation::Animation;
use super::charts_panel::ChartsPanel;
use super::code_panel::CodePanel;
use super::cost_card::CostCard;
use super::geometry_panel::GeometryPanel;
use super::hooks::{use_dark_scheme, use_next_frame, use_resize_reporter};
use super::network_view::NetworkView;
use super::notice::Notice;
use super::options_panel::OptionsPanel;
use super::param_control::ParamControl;
use super::presentation::{set_presenting, use_presentation_keys, SLIDES};
use super::presets::Presets;
use super::share::Share;
use super::summary::Summary;
use super::theme_switch::ThemeSwitch;
use crate::components::dom;
use crate::cost::{Costs, Param, Part, Unit};
use crate::i18n::Lang;
use crate::query;
use crate::state::{Action, Embed, State, View};
use yew::prelude::*;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let search = dom::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let loaded = query::parse(&search);
        let lang = loaded.lang.unwrap_or_else(browser_lang);
        State {
            lang,
            ..loaded.into_state()
        }
    });
    let lang = state.lang;
    let costs = state.costs;
    let (scaled, unit) = (state.scaled, state.unit);
    let layer = scaled.base;
    let (playhead, theme, embed) = (state.playhead, state.theme, state.embed);
    // The panels that take longest to render (the code, the animation and the charts)
    // follow a new layer or unit in the next animation frame, so that the controls and the
    // counts never wait for them. The animation's own steps reach them at once. The link
    // in the address bar and in the share panel is always what is on screen now.
    let (slow_costs, slow_unit, slow_playhead) =
        use_next_frame((costs, unit, playhead), |shown, now| {
            (shown.0, shown.1) != (now.0, now.1)
        });
    let query = query::to_query(&state);
    use_effect_with(query.clone(), |query| write_url(query));
    // After the first render the controls answer and the counts are live: say so on
    // <html data-ready>, for the benchmark and for checks that wait on it.
    use_effect_with((), |_| {
        if let Some(root) = dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-ready", "");
        }
    });
    // Set during render, before the charts and the animation read the colours.
    let dark = theme.is_dark(use_dark_scheme());
    set_root_attributes(dark, lang);
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
                <h2 id="layer-title">{ lang.tr("The layer", "这一层") }</h2>
                <p class="panel-note">
                    { lang.tr("Input Df × Df × M, N filters of Dk × Dk × M, output Dp × Dp × N.",
                        "输入 Df × Df × M，N 个 Dk × Dk × M 的卷积核，输出 Dp × Dp × N。") }
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
            { cards(&costs, unit, lang) }
            <CodePanel costs={slow_costs} />
        </>
    };
    let animation = html! {
        <Animation costs={slow_costs} playhead={slow_playhead} unit={slow_unit} {dark}
            on_action={on_action.clone()} />
    };
    let charts = html! { <ChartsPanel costs={slow_costs} unit={slow_unit} {dark} /> };
    let network = html! { <NetworkView net={state.net} on_action={on_action.clone()} /> };

    let body = if let Some(slide) = *presenting {
        let slides = [
            (
                lang.tr("The layer and its counts", "这一层和它的计数"),
                html! {
                    <main class="layout">{ controls }<div class="results">{ counts }</div></main>
                },
            ),
            (
                lang.tr(
                    "Where every multiplication comes from",
                    "每一次乘法从哪里来",
                ),
                animation,
            ),
            (lang.tr("Why R flattens out", "R 为什么趋于平缓"), charts),
            (lang.tr("A real network", "一个真实的网络"), network),
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
        html! {
            <div class="presentation">
                <nav class="slide-bar" aria-label={lang.tr("Presentation", "演示")}>
                    <button type="button" class="tool"
                        aria-label={lang.tr("Previous panel (←)", "上一页（←）")}
                        onclick={go(Some(slide.saturating_sub(1)))}>{ "‹" }</button>
                    <span class="slide-title" id="slide-title">
                        { format!("{} / {count} · {title}", slide + 1) }</span>
                    <button type="button" class="tool"
                        aria-label={lang.tr("Next panel (→)", "下一页（→）")}
                        onclick={go(Some((slide + 1).min(count - 1)))}>{ "›" }</button>
                    <button type="button" class="tool" id="present-exit" onclick={go(None)}>
                        { lang.tr("Exit (Esc)", "退出（Esc）") }</button>
                </nav>
                { notice }
                { body }
            </div>
        }
    } else if embed != Embed::Page {
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
        html! {
            <div class="embedded">
                { notice }
                { panel }
                <p class="open-full">
                    <a href={format!("?{full}")} target="_blank" rel="noopener">
                        { lang.tr("sepconv: open the full view ↗", "sepconv：打开完整页面 ↗") }</a>
                </p>
            </div>
        }
    } else {
        whole_page(
            &state,
            query,
            Panels {
                controls,
                counts,
                animation,
                charts,
                network,
                notice,
            },
            on_action,
            presenting,
        )
    };
    html! { <ContextProvider<Lang> context={lang}>{ body }</ContextProvider<Lang>> }
}

/// The page's parts, each rendered once and placed by the view.
struct Panels {
    controls: Html,
    counts: Html,
    animation: Html,
    charts: Html,
    network: Html,
    notice: Html,
}

/// The page with its chrome: masthead, view tabs, the view, share and footer.
fn whole_page(
    state: &State,
    query: String,
    panels: Panels,
    on_action: Callback<Action>,
    presenting: UseStateHandle<Option<usize>>,
) -> Html {
    let Panels {
        controls,
        counts,
        animation,
        charts,
        network,
        notice,
    } = panels;
    let (lang, theme) = (state.lang, state.theme);
    let present = Callback::from(move |_: MouseEvent| set_presenting(&presenting, Some(0)));
    let languages = Lang::ALL.map(|choice| {
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetLang(choice));
        html! {
            <button type="button" class="seg seg-small" id={format!("lang-{}", choice.key())}
                lang={choice.html_tag()} aria-pressed={(choice == lang).to_string()} {onclick}>
                { choice.name() }</button>
        }
    });
    let tabs = [
        (View::Layer, lang.tr("One layer", "单层"), "view-layer"),
        (
            View::Network,
            lang.tr("Real networks", "真实网络"),
            "view-network",
        ),
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
                <div class="seg-group lang-switch" role="group"
                    aria-label={lang.tr("Language", "语言")}>{ for languages }</div>
                <ThemeSwitch {theme} on_action={on_action.clone()} />
                <button type="button" class="tool present" id="present" onclick={present}>
                    { lang.tr("Present (P)", "演示（P）") }</button>
                <p class="tagline">
                    { lang.tr("Why a depthwise separable convolution (MobileNet, Xception) needs so many fewer multiplications, counted exactly.",
                        "为什么深度可分离卷积（MobileNet、Xception）需要的乘法少得多：精确地数出来。") }
                </p>
            </header>
            <nav class="seg-group views" aria-label={lang.tr("View", "视图")}>{ for tabs }</nav>
            { notice }
            { main }
            <Share {query} />
            <footer class="footer">
                <p>{ lang.tr("Counts are exact integers: multiply-adds as in the MobileNets paper (Howard et al., 2017) and the counters fvcore and thop, or FLOPs if chosen.",
                    "所有计数都是精确整数：按 MobileNets 论文（Howard 等，2017）以及 fvcore、thop 等计数工具的约定数乘加次数，也可改为数 FLOPs。") }</p>
            </footer>
        </>
    }
}

/// The four counts in `unit`; a grouped standard side says so in its title.
fn cards(costs: &Costs, unit: Unit, lang: Lang) -> Html {
    let g = costs.layer.groups;
    let (standard_title, standard_note) = if g == 1 {
        (
            lang.tr("Standard convolution", "标准卷积").to_owned(),
            lang.tr(
                "N filters of Dk × Dk × M, each at Dp² positions",
                "N 个 Dk × Dk × M 的卷积核，各在 Dp² 个位置上",
            ),
        )
    } else {
        (
            match lang {
                Lang::En => format!("Grouped convolution, g = {g}"),
                Lang::Zh => format!("分组卷积，g = {g}"),
            },
            lang.tr(
                "N filters of Dk × Dk × M/g, each at Dp² positions",
                "N 个 Dk × Dk × M/g 的卷积核，各在 Dp² 个位置上",
            ),
        )
    };
    let unit_note = |note: &str| match unit {
        Unit::Macs => note.to_owned(),
        Unit::Flops => format!("{note}{}", lang.tr("; in FLOPs", "；按 FLOPs 计")),
    };
    html! {
        <div class="cards">
            <CostCard id="cost-standard" class="card-standard" title={standard_title}
                note={unit_note(standard_note)} formula={costs.formula(Part::Standard, unit)} />
            <CostCard id="cost-depthwise" class="card-depthwise"
                title={lang.tr("Depthwise step", "深度卷积（逐通道）")}
                note={unit_note(lang.tr("M filters of Dk × Dk × 1, one per channel",
                    "M 个 Dk × Dk × 1 的卷积核，每个通道一个"))}
                formula={costs.formula(Part::Depthwise, unit)} />
            <CostCard id="cost-pointwise" class="card-pointwise"
                title={lang.tr("Pointwise step", "逐点卷积（1×1）")}
                note={unit_note(lang.tr("N filters of 1 × 1 × M across the channels",
                    "N 个 1 × 1 × M 的卷积核，跨所有通道"))}
                formula={costs.formula(Part::Pointwise, unit)} />
            <CostCard id="cost-separable" class="card-separable"
                title={lang.tr("Separable total", "可分离卷积合计")}
                note={unit_note(lang.tr("depthwise + pointwise", "深度卷积 + 逐点卷积"))}
                formula={costs.formula(Part::Separable, unit)} />
        </div>
    }
}

/// Keeps the link in the address bar equal to what is on screen, without a history entry
/// per slider step. Where the page may not touch history (a sandbox), it does without.
fn write_url(query: &str) {
    let Some(window) = dom::window() else {
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

/// `<html data-theme="dark" lang="zh-Hans">`: the stylesheet's colours follow the theme;
/// fonts, hyphenation and screen readers follow the language.
fn set_root_attributes(dark: bool, lang: Lang) {
    let root = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        set_if_changed(&root, "data-theme", if dark { "dark" } else { "light" });
        set_if_changed(&root, "lang", lang.html_tag());
    }
}

/// The browser's language, for a link that does not say.
fn browser_lang() -> Lang {
    let tag = dom::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_browser(&tag)
}

/// Sets an attribute of the document's root only when it changes: every write, even of
/// the same value, makes the browser restyle the whole page, and this runs every render.
fn set_if_changed(root: &web_sys::Element, name: &str, value: &str) {
    if root.get_attribute(name).as_deref() != Some(value) {
        let _ = root.set_attribute(name, value);
    }
}

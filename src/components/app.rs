//! The page: the layer's controls on one side, its costs on the other, all derived from
//! one `State` that also lives in the URL.

use super::animation::Animation;
use super::chart::{Chart, Kind};
use super::charts_panel::charts_panel;
use super::code_panel::CodePanel;
use super::cost_card::Card;
use super::geometry_panel::geometry_panel;
use super::hooks::{use_dark_scheme, use_drags_hold_url, use_next_frame, use_resize_reporter};
use super::measure::MeasurePanel;
use super::model_view::ModelView;
use super::network_view::NetworkView;
use super::notice::notice;
use super::options_panel::options_panel;
use super::param_control::ParamControl;
use super::presentation::{self, lecture_view, overlays, use_lecture, Slides};
use super::presets::Presets;
use super::share::Share;
use super::summary::summary;
use super::theme_switch::theme_switch;
use crate::components::{curtain, dom};
use crate::cost::{Costs, Param, Part, Unit};
use crate::format::thousands;
use crate::i18n::Lang;
use crate::lesson::Room;
use crate::messages;
use crate::plots::Sweep;
use crate::query;
use crate::readout::{count_length, Readout};
use crate::state::{Action, Embed, Notice as Message, Scheme, State, View};
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The language when the link does not say: the browser's if `None`. The build's
    /// pre-render, which has no browser to ask, renders the page in each language.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let search = dom::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let loaded = query::parse(&search);
        let lang = loaded.lang.or(props.lang).unwrap_or_else(browser_lang);
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
    // counts are on the page before those render (a drag's input comes at the start of a
    // frame: that frame shows both). The animation's own steps reach them at once. The link
    // in the address bar and in the share panel is always what is on screen now.
    let (slow_costs, slow_unit, slow_playhead) =
        use_next_frame((costs, unit, playhead), |shown, now| {
            (shown.0, shown.1) != (now.0, now.1)
        });
    // What the counts say in words, made once for the summary and the phone's top bar.
    let readout = use_memo((costs, unit, lang), |&(costs, unit, lang)| {
        Readout::of(&costs, unit, lang)
    });
    let query = query::to_query(&state);
    // Once the page is drawn: its link in the address bar and, back from a lecture (whose
    // stop is in the link), the reader's place on it.
    let lecturing = state.slide.is_some();
    use_effect_with(query.clone(), move |query| {
        dom::show_url(query);
        if !lecturing {
            presentation::back_in_place();
        }
    });
    use_drags_hold_url();
    // During a drag the share panel, like the address bar, has nothing to copy from: it
    // follows in the next frame; otherwise at once, so a link copied is the change made.
    let share_query = use_next_frame(query.clone(), |shown, now| shown != now && dom::url_held());
    // The app's own first effects run after its children's, whose canvases have drawn by
    // then: the page that stood in front can go.
    use_effect_with((), |_| curtain::lift());
    // One callback for the whole page, the same on every render (the dispatcher never
    // changes), so that children whose values did not change skip rendering.
    let on_action = use_callback(state.dispatcher(), |action, dispatcher| {
        dispatcher.dispatch(action)
    });
    // The lecture: the lesson's stop (in the state and the URL), blank, hidden, help.
    let lecture = use_lecture(state.slide, on_action.clone());
    // Set during render, before the charts and the animation read the colours and size.
    let scheme = theme.scheme(use_dark_scheme());
    set_root_attributes(scheme, lang, lecture.room, state.transparent);
    // What only some readers open has a stylesheet of its own, asked for when first drawn:
    // the lecture's (with the keys' list), and the network views' (the lecture's stop 10
    // is one).
    if lecturing || lecture.room.help {
        dom::stylesheet("lecture-css", "lecture.css");
    }
    if lecturing || state.view != View::Layer || embed == Embed::Network {
        dom::stylesheet("network-css", "network.css");
    }
    use_resize_reporter(embed != Embed::Page, state.frame_id.clone());
    // An embed's readers did not write its link: what is wrong with it goes to the
    // console, for its author, and never to them as a banner.
    let embedded = embed != Embed::Page;
    let link_problem = matches!(state.notice, Some(Message::Link(_))) && embedded;
    use_effect_with(
        (link_problem, state.notice.clone()),
        move |(warn, notice)| {
            if let (true, Some(notice)) = (warn, notice) {
                let words = format!("sepconv embed: {}", messages::notice(lang, notice));
                web_sys::console::warn_1(&words.into());
            }
        },
    );
    let control = |param: Param| {
        let refused = messages::refused(lang, state.notice.as_ref(), param).map(AttrValue::from);
        html! { <ParamControl {param} value={layer.get(param)} on_action={on_action.clone()} {refused} /> }
    };

    let shown_notice = state.notice.clone().filter(|_| !link_problem);
    let notice = notice(shown_notice.as_ref(), &on_action, lang);
    let layer_panel = html! {
        <section class="panel layer-panel" aria-labelledby="layer-title">
            <h2 id="layer-title">{ lang.tr("The layer", "这一层") }</h2>
            <p class="panel-note">
                { lang.tr("Input Df × Df × M, N filters of Dk × Dk × M, output Dp × Dp × N.",
                    "输入 Df × Df × M，N 个 Dk × Dk × M 的卷积核，输出 Dp × Dp × N。") }
            </p>
            <Presets {layer} counted={costs.layer} on_action={on_action.clone()} />
            { control(Param::Df) }
            { control(Param::Dk) }
            { control(Param::M) }
            { control(Param::N) }
        </section>
    };
    let controls = html! {
        <div class="controls">
            { layer_panel.clone() }
            { geometry_panel(&costs, state.notice.as_ref(), &on_action, lang) }
            { options_panel(scaled, &costs, unit, state.notice.as_ref(), &on_action, lang) }
        </div>
    };
    let summary = summary(&costs, &readout, lang);
    let counts = html! {
        <>
            { summary.clone() }
            { cards(&costs, unit, lang) }
        </>
    };
    // After the pictures: the layer as code leads on to running it.
    let code = html! { <CodePanel costs={slow_costs} /> };
    let animation = html! {
        <Animation costs={slow_costs} playhead={slow_playhead} unit={slow_unit} {scheme}
            on_action={on_action.clone()} />
    };
    let charts = charts_panel(slow_costs, slow_unit, scheme, lang);
    let network = html! { <NetworkView net={state.net} on_action={on_action.clone()} /> };
    let measure = html! { <MeasurePanel costs={slow_costs} {scheme} /> };

    let body = if let Some(stop) = state.slide {
        let chart = html! {
            <section class="panel charts" aria-labelledby="charts-title">
                <h2 id="charts-title">{ lang.tr("Why R flattens out", "R 为什么趋于平缓") }</h2>
                <Chart id="ratio-vs-n" kind={Kind::Ratio(Sweep::Filters)} costs={slow_costs}
                    unit={slow_unit} {scheme}
                    title={lang.tr("R against the number of filters N", "R 随卷积核个数 N 的变化")} />
            </section>
        };
        let slides = Slides {
            layer: layer_panel,
            counts: cards(&costs, unit, lang),
            ratio: summary,
            animation,
            chart,
            network,
        };
        html! {
            <>
                { notice }
                { lecture_view(stop, &costs, slides, &lecture, lang) }
            </>
        }
    } else if embed != Embed::Page {
        // One panel for an iframe: no page chrome, a way out to everything.
        let full = query::to_query(&State {
            embed: Embed::Page,
            frame_id: None,
            transparent: false,
            ..(*state).clone()
        });
        let panel = match embed {
            Embed::Plots => charts,
            Embed::Anim => animation,
            Embed::Network => network,
            // The layer and its counts: the code under them is the whole page's, not a
            // post's (it made the embed some 440 px taller).
            Embed::Cost | Embed::Page => html! {
                <main class="layout">
                    { controls }
                    <div class="results">{ summary.clone() }{ cards(&costs, unit, lang) }</div>
                </main>
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
            share_query,
            Panels {
                ratio_bar: ratio_bar(&readout),
                controls,
                counts,
                animation,
                charts,
                code,
                measure,
                network,
                notice,
            },
            on_action,
            lecture.press.clone(),
        )
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            { body }
            { overlays(lecture.room, &lecture.press, lang) }
        </ContextProvider<Lang>>
    }
}

/// The page's parts, each rendered once and placed by the view.
struct Panels {
    /// The phone's top bar with the headline.
    ratio_bar: Html,
    controls: Html,
    counts: Html,
    animation: Html,
    charts: Html,
    code: Html,
    /// "Run it": the layer timed for real (only on the whole page).
    measure: Html,
    network: Html,
    notice: Html,
}

/// The page with its chrome: masthead, view tabs, the view, share and footer.
fn whole_page(
    state: &State,
    query: String,
    panels: Panels,
    on_action: Callback<Action>,
    press: Callback<&'static str>,
) -> Html {
    let Panels {
        ratio_bar,
        controls,
        counts,
        animation,
        charts,
        code,
        measure,
        network,
        notice,
    } = panels;
    let (lang, theme) = (state.lang, state.theme);
    let present = press.reform(|_: MouseEvent| "p");
    let problems = match &state.notice {
        Some(link @ Message::Link(_)) => Some(AttrValue::from(messages::notice(lang, link))),
        _ => None,
    };
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
        (
            View::Model(None),
            lang.tr("Your network", "你的网络"),
            "view-model",
        ),
    ]
    .map(|(view, label, id)| {
        // The tab of the view on show does nothing: "Your network" keeps its example.
        let here = std::mem::discriminant(&view) == std::mem::discriminant(&state.view);
        let onclick = (!here).then(|| on_action.reform(move |_: MouseEvent| Action::SetView(view)));
        html! {
            <button type="button" class="seg" {id} aria-pressed={here.to_string()}
                {onclick}>{ label }</button>
        }
    });
    let main = match state.view {
        View::Layer => html! {
            <main class="layout">
                { ratio_bar }
                { controls }
                <div class="results">
                    { counts }
                    { animation }
                    { charts }
                    { code }
                    { measure }
                </div>
            </main>
        },
        View::Network => html! { <main class="network-layout">{ network }</main> },
        View::Model(example) => html! {
            <main class="network-layout">
                <ModelView {example} on_action={on_action.clone()} />
            </main>
        },
    };
    html! {
        <>
            <header class="masthead">
                <h1><span class="brand">{ "sepconv" }</span></h1>
                <div class="seg-group lang-switch" role="group"
                    aria-label={lang.tr("Language", "语言")}>{ for languages }</div>
                { theme_switch(theme, &on_action, lang) }
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
            <Share {query} problems={problems} />
            <footer class="footer">
                <p>{ lang.tr("Counts are exact integers: multiply-adds as in the MobileNets paper (Howard et al., 2017) and the counters fvcore and thop, or FLOPs if chosen.",
                    "所有计数都是精确整数：按 MobileNets 论文（Howard 等，2017）以及 fvcore、thop 等计数工具的约定数乘加次数，也可改为数 FLOPs。") }</p>
            </footer>
        </>
    }
}

/// The headline again, small, kept at the top of a phone's screen while its sliders move
/// further down (the stylesheet shows it only there; screen readers have the headline).
fn ratio_bar(r: &Readout) -> Html {
    html! {
        <div class="ratio-bar" id="ratio-bar" aria-hidden="true">
            <strong class={classes!(r.more.then_some("more"))}>{ &r.speedup }</strong>
            <span>{ &r.bar_words }</span>
        </div>
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
    let card = |part, id, class, title: String, note: &str| Card {
        id,
        class,
        title,
        note: match unit {
            Unit::Macs => note.to_owned(),
            Unit::Flops => format!("{note}{}", lang.tr("; in FLOPs", "；按 FLOPs 计")),
        },
        formula: costs.formula(part, unit),
    };
    let cards = [
        card(
            Part::Standard,
            "cost-standard",
            "card-standard",
            standard_title,
            standard_note,
        ),
        card(
            Part::Depthwise,
            "cost-depthwise",
            "card-depthwise",
            lang.tr("Depthwise step", "深度卷积（逐通道）").to_owned(),
            lang.tr(
                "M filters of Dk × Dk × 1, one per channel",
                "M 个 Dk × Dk × 1 的卷积核，每个通道一个",
            ),
        ),
        card(
            Part::Pointwise,
            "cost-pointwise",
            "card-pointwise",
            lang.tr("Pointwise step", "逐点卷积（1×1）").to_owned(),
            lang.tr(
                "N filters of 1 × 1 × M across the channels",
                "N 个 1 × 1 × M 的卷积核，跨所有通道",
            ),
        ),
        card(
            Part::Separable,
            "cost-separable",
            "card-separable",
            lang.tr("Separable total", "可分离卷积合计").to_owned(),
            lang.tr("depthwise + pointwise", "深度卷积 + 逐点卷积"),
        ),
    ];
    // Counts of twenty characters or more would be set at 9 px four to a row: two to a
    // row instead, each twice as wide, keeps them legible (a number is never broken).
    let wide = cards
        .iter()
        .any(|card| count_length(&thousands(card.formula.value())) == Some("longest"));
    html! {
        <div class={classes!("cards", wide.then_some("wide-numbers"))}>
            { for cards.iter().map(|card| card.html(lang)) }
        </div>
    }
}

/// `<html data-theme="dark" lang="zh-Hans">`: the stylesheet's colours follow the theme;
/// fonts, hyphenation and screen readers follow the language. In a lecture,
/// `data-presenting` sizes the type to the room and `data-numbers-hidden` hides the
/// numbers for the class to guess. An embed over its host's background has
/// `data-transparent`.
fn set_root_attributes(scheme: Scheme, lang: Lang, room: Room, transparent: bool) {
    let root = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        set_if_changed(&root, "data-theme", scheme.name());
        set_if_changed(&root, "lang", lang.html_tag());
        set_flag(&root, "data-presenting", room.slide.is_some());
        set_flag(
            &root,
            "data-numbers-hidden",
            room.slide.is_some() && room.hidden,
        );
        set_flag(&root, "data-transparent", transparent);
    }
}

/// Sets or removes a valueless attribute of the document's root, only when it changes.
fn set_flag(root: &web_sys::Element, name: &str, on: bool) {
    if root.has_attribute(name) != on {
        let _ = if on {
            root.set_attribute(name, "")
        } else {
            root.remove_attribute(name)
        };
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

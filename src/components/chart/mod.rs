//! One chart on a canvas: sized to its box and to the screen's pixel density, redrawn
//! when the layer, the view, the size or the colour scheme changes; with a read-out of
//! the exact value under the pointer, PNG and SVG export, and a text alternative.

mod backend;
mod export;
mod words;

use super::dom::{density, fit_canvas, root_css};
use super::hooks::use_lang;
use super::hooks::{use_css, use_frame_painter, use_size};
use crate::components::dom;
use crate::cost::{Costs, Unit};
use crate::format::decimal;
use crate::i18n::Lang;
use crate::plots::{self, Frame, Measure, RatioChart, Sweep, Theme, CSS_VARIABLES};
use crate::state::Scheme;
pub use backend::{AnyBackend, Canvas};
use dom::download;
use export::{svg, svg_url};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::cell::OnceCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use words::{data_attributes, describe, file_name, read_out};
use yew::prelude::*;

/// What the chart reads from the stylesheet besides its colours: the font, and whether
/// its canvas stays clear (`--canvas-fill: transparent`, an embed over its host's page).
const STYLE_EXTRAS: [&str; 2] = ["--sans", "--canvas-fill"];

/// The stylesheet's values for a chart: its colours, then [`STYLE_EXTRAS`]. Read in a
/// painter, not in a render: reading computed style makes the browser style the whole
/// page at once, which in a render is a page still being built, styled again after it.
pub fn read_style() -> Vec<String> {
    root_css(&[&CSS_VARIABLES[..], &STYLE_EXTRAS[..]].concat())
}

/// The chart theme from the stylesheet's values, at `scale` device pixels a CSS pixel.
pub fn theme(style: &[String], scale: f64, lang: Lang) -> Theme {
    let (colours, extras) = style.split_at(CSS_VARIABLES.len());
    let font = extras
        .first()
        .filter(|f| !f.is_empty())
        .map_or("sans-serif", String::as_str);
    Theme {
        lang,
        clear: extras.get(1).is_some_and(|fill| fill == "transparent"),
        ..Theme::from_css(colours, scale, font)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Ratio(Sweep),
    Costs,
}

/// What the chart shows: its own toggles (R or the speed-up for ratio charts, log or
/// linear for costs) and the unit the page counts in.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct View {
    measure: Measure,
    log: bool,
    unit: Unit,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub kind: Kind,
    pub costs: Costs,
    /// Multiply-adds or FLOPs, as the page counts.
    pub unit: Unit,
    pub title: AttrValue,
    /// The palette on screen; its colours are read again when it changes.
    pub scheme: Scheme,
}

/// What the pointer is over: where (CSS pixels in the canvas) and the exact value there.
#[derive(Clone, PartialEq)]
struct Readout {
    x: f64,
    y: f64,
    text: String,
}

#[function_component]
pub fn Chart(props: &Props) -> Html {
    let canvas = use_node_ref();
    let size = use_size(canvas.clone());
    let scheme = props.scheme;
    // The theme's colours and font, read when the chart is first painted after the scheme
    // changes (see `read_style`).
    let style = use_memo(scheme, |_| OnceCell::new());
    let toggled = use_state(View::default);
    let view = View {
        unit: props.unit,
        ..*toggled
    };
    let lang = use_lang();
    let frame = use_mut_ref(|| None::<Frame>);
    // In a lecture the words and lines grow with the type (read when the canvas resizes).
    let zoom = *use_memo((size, scheme), |(_, scheme)| {
        dom::type_zoom() * scheme.zoom()
    });
    let readout = use_state(|| None::<Readout>);
    let readout_box = use_node_ref();
    let place = (*readout).as_ref().map_or_else(Vec::new, |r| {
        vec![
            ("left", format!("{}px", r.x.round() as i32)),
            ("top", format!("{}px", r.y.round() as i32)),
        ]
    });
    use_css(readout_box.clone(), place);
    let (kind, costs) = (props.kind, props.costs);
    let key = (kind, costs, view);
    // The curves are worked out when the chart is painted, in the frame that brings the
    // chart an input, and kept here for the read-out, the export and the words under the
    // chart: the numbers are on the page before them. The first render works them out at
    // once.
    let worked = use_state(|| (key, Rc::new(model_of(key))));
    let model = worked.1.clone();

    {
        let (canvas, frame, worked) = (canvas.clone(), frame.clone(), worked.clone());
        let style = style.clone();
        // The model follows from (kind, costs, view), so those are all the dependencies.
        use_frame_painter(
            canvas.clone(),
            size,
            (kind, costs, view, scheme, lang),
            move |shown, size| {
                let model = if worked.0 == key {
                    worked.1.clone()
                } else {
                    Rc::new(model_of(key))
                };
                // Off screen the words and data-* under the chart still follow the layer.
                if let Some(element) = canvas.cast::<HtmlCanvasElement>().filter(|_| shown) {
                    *frame.borrow_mut() = paint(
                        &element,
                        kind,
                        &costs,
                        view,
                        model.as_ref().as_ref(),
                        |scale| theme(style.get_or_init(read_style), scale * zoom, lang),
                        size,
                    );
                }
                if worked.0 != key {
                    worked.set((key, model.clone()));
                }
            },
        );
    }

    let on_move = {
        let (frame, readout, model) = (frame.clone(), readout.clone(), model.clone());
        Callback::from(move |e: PointerEvent| {
            let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
            let scale = density();
            let at = frame
                .borrow()
                .as_ref()
                .and_then(|f| f.locate(x * scale, y * scale));
            let text =
                at.and_then(|at| read_out(kind, &costs, model.as_ref().as_ref(), view, at, lang));
            readout.set(text.map(|text| Readout { x, y, text }));
        })
    };
    let on_leave = {
        let readout = readout.clone();
        // A finger's read-out stays pinned where it was tapped: lifting the finger is
        // not leaving. A mouse's goes when the mouse does.
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "touch" {
                readout.set(None);
            }
        })
    };
    let toggles = toggles(kind, view, &toggled, lang);
    let file = file_name(&props.id, &costs, view);
    let on_png = {
        let (canvas, file) = (canvas.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = canvas
                .cast::<HtmlCanvasElement>()
                .and_then(|c| c.to_data_url().ok())
            {
                download(&url, &format!("{file}.png"));
            }
        })
    };
    let on_svg = {
        let (style, model, title) = (style.clone(), model.clone(), props.title.clone());
        Callback::from(move |_: MouseEvent| {
            let theme = theme(style.get_or_init(read_style), 1.0, lang);
            let svg = svg(
                kind,
                &costs,
                view,
                model.as_ref().as_ref(),
                size,
                &theme,
                &title,
            );
            if let Some(url) = svg_url(&svg) {
                download(&url, &format!("{file}.svg"));
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        })
    };

    let desc_id = format!("{}-desc", props.id);
    let data = data_attributes(kind, &costs, model.as_ref().as_ref(), view);
    let description = describe(kind, &costs, model.as_ref().as_ref(), view, lang);
    let mut canvas_tag = html! {
        <canvas ref={canvas} id={props.id.clone()} class="chart-canvas" role="img"
            aria-label={props.title.clone()} aria-describedby={desc_id.clone()}
            onpointermove={on_move.clone()} onpointerdown={on_move} onpointerleave={on_leave}>
        </canvas>
    };
    if let Html::VTag(tag) = &mut canvas_tag {
        let tag = Rc::make_mut(tag);
        for (name, value) in data {
            tag.add_attribute(name, value);
        }
    }
    html! {
        <figure class="chart">
            <figcaption class="chart-head">
                <span class="chart-title">{ &props.title }</span>
                <span class="chart-tools">
                    { toggles }
                    <button type="button" class="tool" onclick={on_png}
                        aria-label={download_label(lang, &props.title, "PNG")}>{ "PNG" }</button>
                    <button type="button" class="tool" onclick={on_svg}
                        aria-label={download_label(lang, &props.title, "SVG")}>{ "SVG" }</button>
                </span>
            </figcaption>
            <div class="chart-body">
                { super::waiting(canvas_tag, lang.tr("Loading the chart…", "正在加载图表…"),
                    first_chart(&props.id, kind, &costs, view, model.as_ref().as_ref(), lang)) }
                if let Some(r) = &*readout {
                    // Beside the pointer on the side with more room, so that it stays
                    // inside the chart at either edge.
                    <div class={classes!("readout",
                            (r.x > f64::from(size.0) / 2.0).then_some("left"),
                            (r.y < 48.0).then_some("below"))}
                        role="status" ref={readout_box}>{ &r.text }</div>
                }
            </div>
            <p id={desc_id} class="chart-desc">{ description }</p>
        </figure>
    }
}

/// A width and a height in CSS pixels.
#[cfg(not(target_arch = "wasm32"))]
type Size = (u32, u32);

/// The chart's CSS size in a laptop's window (1280 px wide), the wide ratio chart's and
/// that of the two side by side, and on a phone (390 px, all one): the page rendered at
/// build time draws its pictures for these, and scales them to other widths.
#[cfg(not(target_arch = "wasm32"))]
const FIRST_CHART_SIZES: [(Size, Size, &str); 2] = [
    ((830, 320), (408, 280), "wide"),
    ((332, 260), (332, 260), "tall"),
];

/// The chart as the page rendered at build time shows it before the app draws it: as SVG,
/// laid out for a laptop's canvas and for a phone's (the stylesheet shows the one for the
/// screen), in the page's colours, drawn by the same code on the SVG backend.
#[cfg(not(target_arch = "wasm32"))]
fn first_chart(
    id: &str,
    kind: Kind,
    costs: &Costs,
    view: View,
    model: Option<&RatioChart>,
    lang: Lang,
) -> Html {
    let pictures: String = FIRST_CHART_SIZES
        .iter()
        .map(|&(wide, pair, class)| {
            let size = match kind {
                Kind::Ratio(Sweep::Filters) => wide,
                _ => pair,
            };
            plots::stand_in(
                size,
                lang,
                &format!("chart-svg {class}"),
                &format!("{}-{id}-{class}", crate::prerender::FIRST_CHART),
                |root, theme| {
                    draw(root, kind, costs, view, model, theme, None);
                },
            )
        })
        .collect();
    Html::from_html_unchecked(pictures.into())
}

/// In the browser the app draws the chart itself.
#[cfg(target_arch = "wasm32")]
fn first_chart(_: &str, _: Kind, _: &Costs, _: View, _: Option<&RatioChart>, _: Lang) -> Html {
    Html::default()
}

/// The curves a ratio chart draws; the cost bars need none.
fn model_of((kind, costs, view): (Kind, Costs, View)) -> Option<RatioChart> {
    match kind {
        Kind::Ratio(sweep) => Some(RatioChart::new(&costs, view.unit, sweep, view.measure)),
        Kind::Costs => None,
    }
}

/// "Download “R against …” as PNG": the export buttons' names.
fn download_label(lang: Lang, title: &str, format: &str) -> String {
    match lang {
        Lang::En => format!("Download “{title}” as {format}"),
        Lang::Zh => format!("下载“{title}”为 {format}"),
    }
}

fn toggles(kind: Kind, current: View, set: &UseStateHandle<View>, lang: Lang) -> Html {
    let choices: Vec<(&str, View)> = match kind {
        Kind::Ratio(_) => vec![
            (
                "R",
                View {
                    measure: Measure::Ratio,
                    ..current
                },
            ),
            (
                lang.tr("speed-up", "加速比"),
                View {
                    measure: Measure::Speedup,
                    ..current
                },
            ),
        ],
        Kind::Costs => vec![
            (
                lang.tr("linear", "线性"),
                View {
                    log: false,
                    ..current
                },
            ),
            (
                lang.tr("log", "对数"),
                View {
                    log: true,
                    ..current
                },
            ),
        ],
    };
    choices
        .into_iter()
        .map(|(name, choice)| {
            let set = set.clone();
            html! {
                <button type="button" class="seg seg-small" aria-pressed={(choice == current).to_string()}
                    onclick={Callback::from(move |_: MouseEvent| set.set(choice))}>{ name }</button>
            }
        })
        .collect()
}

/// Readies `canvas` to draw at its CSS `size` times the pixel density, in the theme
/// `theme_at(scale)` gives: sized, cleared where the theme paints no background of its
/// own, and wrapped in the charts' backend (which measures text on a canvas, as the CSP
/// requires). Returns the backend, the theme and the scale; `None` before the canvas has
/// a size. The charts and Run it's roofline draw through it.
pub fn ready_canvas(
    canvas: &HtmlCanvasElement,
    size: (u32, u32),
    theme_at: &dyn Fn(f64) -> Theme,
) -> Option<(AnyBackend<'static>, Theme, f64)> {
    if size.0 == 0 || size.1 == 0 {
        return None;
    }
    let scale = fit_canvas(canvas, size);
    let theme = theme_at(scale);
    if theme.clear {
        clear(canvas);
    }
    let backend = AnyBackend::Canvas(Canvas::new(canvas)?);
    Some((backend, theme, scale))
}

/// Draws the chart on the canvas at its CSS size times the pixel density; returns
/// where the plotting area went, for the read-out.
fn paint(
    canvas: &HtmlCanvasElement,
    kind: Kind,
    costs: &Costs,
    view: View,
    model: Option<&RatioChart>,
    theme_at: impl Fn(f64) -> Theme,
    size: (u32, u32),
) -> Option<Frame> {
    let started = now();
    let (backend, theme, scale) = ready_canvas(canvas, size, &theme_at)?;
    let frame = draw(
        &backend.into_drawing_area(),
        kind,
        costs,
        view,
        model,
        &theme,
        None,
    )?;
    // For tests and the benchmark: how often and how fast this chart drew, and where
    // the current layer's point landed (in CSS pixels).
    let draws = canvas
        .get_attribute("data-draws")
        .and_then(|d| d.parse::<u32>().ok())
        .unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
    let _ = canvas.set_attribute("data-draw-ms", &decimal(now() - started, 2));
    if let Some(chart) = model {
        let (px, py) = frame.pixel(f64::from(chart.current_x), chart.current_value.to_f64());
        let _ = canvas.set_attribute("data-point-x", &decimal(px / scale, 1));
        let _ = canvas.set_attribute("data-point-y", &decimal(py / scale, 1));
    }
    Some(frame)
}

/// Wipes the last drawing, for a chart that does not paint its background over it.
pub fn clear(canvas: &HtmlCanvasElement) {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    if let Some(context) = context {
        let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
        context.clear_rect(0.0, 0.0, w, h);
    }
}

/// The one place that draws a chart: in the browser on [`AnyBackend`], the page's canvas
/// or an exported SVG (one backend type, so that plotters' chart code is compiled once),
/// and at build time into the page rendered then ([`first_chart`]).
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    kind: Kind,
    costs: &Costs,
    view: View,
    model: Option<&RatioChart>,
    theme: &Theme,
    title: Option<&str>,
) -> Option<Frame> {
    match (kind, model) {
        (Kind::Ratio(_), Some(chart)) => plots::draw_ratio(root, chart, theme, title).ok(),
        _ => plots::draw_costs(root, costs, view.unit, view.log, theme, title).ok(),
    }
}

fn now() -> f64 {
    dom::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

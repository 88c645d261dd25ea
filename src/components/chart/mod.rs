//! One chart on a canvas: sized to its box and to the screen's pixel density, redrawn
//! when the layer, the view, the size or the colour scheme changes; with a read-out of
//! the exact value under the pointer, PNG and SVG export, and a text alternative.

mod backend;

use super::dom::{fit_canvas, root_css};
use super::hooks::{use_css, use_size};
use crate::cost::{Costs, Fraction};
use crate::format::thousands;
use crate::plots::{self, short_decimal, Frame, Measure, RatioChart, Sweep, Theme, CSS_VARIABLES};
use backend::AnyBackend;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Significant digits of the figures in `data-*` attributes and in the read-out.
const DATA_DIGITS: usize = 15;
const SHOWN_DIGITS: usize = 9;

/// The chart theme from the stylesheet's values, at `scale` device pixels a CSS pixel.
fn theme(style: &[String], scale: f64) -> Theme {
    let (colours, font) = style.split_at(CSS_VARIABLES.len());
    let font = font
        .first()
        .filter(|f| !f.is_empty())
        .map_or("sans-serif", String::as_str);
    Theme::from_css(colours, scale, font)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Ratio(Sweep),
    Costs,
}

/// The chart's own toggles: R or the speed-up for ratio charts, log or linear for costs.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct View {
    measure: Measure,
    log: bool,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub kind: Kind,
    pub costs: Costs,
    pub title: AttrValue,
    /// Dark colours (the theme chosen, or the system's); the palette is read again when it changes.
    pub dark: bool,
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
    let dark = props.dark;
    // The theme's colours, then the font, read again only when the scheme changes.
    let style = use_memo(dark, |_| {
        root_css(&[&CSS_VARIABLES[..], &["--sans"]].concat())
    });
    let view = use_state(View::default);
    let frame = use_mut_ref(|| None::<Frame>);
    let readout = use_state(|| None::<Readout>);
    let readout_box = use_node_ref();
    let place = (*readout).as_ref().map_or_else(Vec::new, |r| {
        vec![
            ("left", format!("{}px", r.x.round())),
            ("top", format!("{}px", r.y.round())),
        ]
    });
    use_css(readout_box.clone(), place);
    let (kind, costs) = (props.kind, props.costs);
    let model: Rc<Option<RatioChart>> =
        use_memo((kind, costs, *view), |(kind, costs, view)| match kind {
            Kind::Ratio(sweep) => Some(RatioChart::new(costs, *sweep, view.measure)),
            Kind::Costs => None,
        });

    {
        let (canvas, frame, model, view) = (canvas.clone(), frame.clone(), model.clone(), *view);
        let style = style.clone();
        // The model follows from (kind, costs, view), so those are all the dependencies.
        use_effect_with((kind, costs, view, size, dark), move |_| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                *frame.borrow_mut() = paint(
                    &element,
                    kind,
                    &costs,
                    view,
                    model.as_ref().as_ref(),
                    &style,
                    size,
                );
            }
        });
    }

    let on_move = {
        let (frame, readout, model, view) = (frame.clone(), readout.clone(), model.clone(), *view);
        Callback::from(move |e: PointerEvent| {
            let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
            let scale = device_pixel_ratio();
            let at = frame
                .borrow()
                .as_ref()
                .and_then(|f| f.locate(x * scale, y * scale));
            let text = at.and_then(|at| read_out(kind, &costs, model.as_ref().as_ref(), view, at));
            readout.set(text.map(|text| Readout { x, y, text }));
        })
    };
    let on_leave = {
        let readout = readout.clone();
        Callback::from(move |_: PointerEvent| readout.set(None))
    };
    let toggles = toggles(kind, *view, &view);
    let file = file_name(&props.id, &costs, *view);
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
        let (style, model, title, view) =
            (style.clone(), model.clone(), props.title.clone(), *view);
        Callback::from(move |_: MouseEvent| {
            let theme = theme(&style, 1.0);
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
    let data = data_attributes(kind, &costs, model.as_ref().as_ref(), *view);
    let description = describe(kind, &costs, model.as_ref().as_ref());
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
                        aria-label={format!("Download “{}” as PNG", props.title)}>{ "PNG" }</button>
                    <button type="button" class="tool" onclick={on_svg}
                        aria-label={format!("Download “{}” as SVG", props.title)}>{ "SVG" }</button>
                </span>
            </figcaption>
            <div class="chart-body">
                { canvas_tag }
                if let Some(r) = &*readout {
                    <div class="readout" role="status" ref={readout_box}>{ &r.text }</div>
                }
            </div>
            <p id={desc_id} class="chart-desc">{ description }</p>
        </figure>
    }
}

fn toggles(kind: Kind, current: View, set: &UseStateHandle<View>) -> Html {
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
                "speed-up",
                View {
                    measure: Measure::Speedup,
                    ..current
                },
            ),
        ],
        Kind::Costs => vec![
            (
                "linear",
                View {
                    log: false,
                    ..current
                },
            ),
            (
                "log",
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

/// Draws the chart on the canvas at its CSS size times the pixel density; returns
/// where the plotting area went, for the read-out.
fn paint(
    canvas: &HtmlCanvasElement,
    kind: Kind,
    costs: &Costs,
    view: View,
    model: Option<&RatioChart>,
    style: &[String],
    size: (u32, u32),
) -> Option<Frame> {
    if size.0 == 0 || size.1 == 0 {
        return None;
    }
    let started = now();
    let scale = fit_canvas(canvas, size);
    let theme = theme(style, scale);
    let backend = AnyBackend::Canvas(CanvasBackend::with_canvas_object(canvas.clone())?);
    let frame = draw(backend, kind, costs, view, model, &theme, None)?;
    // For tests and the benchmark: how often and how fast this chart drew, and where
    // the current layer's point landed (in CSS pixels).
    let draws = canvas
        .get_attribute("data-draws")
        .and_then(|d| d.parse::<u32>().ok())
        .unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
    let _ = canvas.set_attribute("data-draw-ms", &format!("{:.2}", now() - started));
    if let Some(chart) = model {
        let (px, py) = frame.pixel(f64::from(chart.current_x), chart.current_value.to_f64());
        let _ = canvas.set_attribute("data-point-x", &format!("{:.1}", px / scale));
        let _ = canvas.set_attribute("data-point-y", &format!("{:.1}", py / scale));
    }
    Some(frame)
}

/// The chart as an SVG document, drawn by the same code at the on-screen CSS size.
fn svg(
    kind: Kind,
    costs: &Costs,
    view: View,
    model: Option<&RatioChart>,
    (width, height): (u32, u32),
    theme: &Theme,
    title: &str,
) -> String {
    let mut out = String::new();
    let size = (width.max(480), height.max(300) + 40);
    draw(
        AnyBackend::Svg(SVGBackend::with_string(&mut out, size)),
        kind,
        costs,
        view,
        model,
        theme,
        Some(title),
    );
    out
}

/// The one place that draws a chart, on either backend.
fn draw(
    backend: AnyBackend,
    kind: Kind,
    costs: &Costs,
    view: View,
    model: Option<&RatioChart>,
    theme: &Theme,
    title: Option<&str>,
) -> Option<Frame> {
    let root = backend.into_drawing_area();
    match (kind, model) {
        (Kind::Ratio(_), Some(chart)) => plots::draw_ratio(&root, chart, theme, title).ok(),
        _ => plots::draw_costs(&root, costs, view.log, theme, title).ok(),
    }
}

/// The exact value under the pointer, in words.
fn read_out(
    kind: Kind,
    costs: &Costs,
    model: Option<&RatioChart>,
    view: View,
    (x, y): (f64, f64),
) -> Option<String> {
    match (kind, model) {
        (Kind::Ratio(sweep), Some(chart)) => {
            let at = (x.round() as u32).clamp(1, chart.x_max);
            // The curve nearest the pointer, measured on the log axis the curves are drawn on.
            let (key, value) = chart
                .curves
                .iter()
                .filter_map(|c| Some((c.key, chart.value_at(&costs.layer, c.key, at)?)))
                .min_by(|a, b| {
                    let gap = |v: Fraction| (v.to_f64().log10() - y.log10()).abs();
                    gap(a.1).total_cmp(&gap(b.1))
                })?;
            let (x_sym, key_sym) = match sweep {
                Sweep::Filters => ("N", "Dk"),
                Sweep::Kernel => ("Dk", "N"),
            };
            let what = match chart.measure {
                Measure::Ratio => "R",
                Measure::Speedup => "1/R",
            };
            Some(format!(
                "{key_sym} = {key}, {x_sym} = {at}: {what} = {}",
                value.significant(SHOWN_DIGITS)
            ))
        }
        _ => {
            let bars = plots::bars(costs, view.log);
            let bar = bars.get(x.round().max(0.0) as usize)?;
            Some(format!(
                "{}: {} multiplications",
                bar.name,
                thousands(bar.total())
            ))
        }
    }
}

/// What the chart drew, for tests and embedders: `data-*` name and value pairs.
fn data_attributes(
    kind: Kind,
    costs: &Costs,
    model: Option<&RatioChart>,
    view: View,
) -> Vec<(&'static str, String)> {
    match (kind, model) {
        (Kind::Ratio(_), Some(chart)) => {
            let keys: Vec<String> = chart.curves.iter().map(|c| c.key.to_string()).collect();
            let current = chart.curves.iter().find(|c| c.current).map(|c| c.key);
            vec![
                (
                    "data-measure",
                    match chart.measure {
                        Measure::Ratio => "ratio".to_owned(),
                        Measure::Speedup => "speedup".to_owned(),
                    },
                ),
                ("data-x", chart.current_x.to_string()),
                ("data-value", chart.current_value.significant(DATA_DIGITS)),
                ("data-asymptote", chart.asymptote.significant(DATA_DIGITS)),
                ("data-curves", keys.join(",")),
                (
                    "data-current-curve",
                    current.map(|k| k.to_string()).unwrap_or_default(),
                ),
            ]
        }
        _ => vec![
            (
                "data-scale",
                if view.log { "log" } else { "linear" }.to_owned(),
            ),
            ("data-standard", costs.standard().to_string()),
            ("data-depthwise", costs.depthwise().to_string()),
            ("data-pointwise", costs.pointwise().to_string()),
            ("data-separable", costs.separable().to_string()),
        ],
    }
}

/// A sentence or two that says what the chart shows with today's numbers.
fn describe(kind: Kind, costs: &Costs, model: Option<&RatioChart>) -> String {
    let l = costs.layer;
    match (kind, model) {
        (Kind::Ratio(sweep), Some(chart)) => {
            let keys: Vec<String> = chart.curves.iter().map(|c| c.key.to_string()).collect();
            let (x_sym, key_sym, level) = match sweep {
                Sweep::Filters => ("N", "Dk", "1/Dk²"),
                Sweep::Kernel => ("Dk", "N", "1/N"),
            };
            format!(
                "R against {x_sym}, one curve for each {key_sym} in {}. This layer (Dk = {}, N = {}) has R = {}; \
                 as {x_sym} grows, R levels out at {level} = {}.",
                keys.join(", "),
                l.dk,
                l.n,
                short_decimal(costs.ratio().to_f64()),
                short_decimal(match sweep {
                    Sweep::Filters => 1.0 / f64::from(l.dk).powi(2),
                    Sweep::Kernel => 1.0 / f64::from(l.n),
                }),
            )
        }
        _ => format!(
            "Standard: {} multiplications. Separable: {} depthwise plus {} pointwise, {} in all.",
            thousands(costs.standard()),
            thousands(costs.depthwise()),
            thousands(costs.pointwise()),
            thousands(costs.separable()),
        ),
    }
}

/// "sepconv-ratio-vs-n-df14-dk3-m512-n512-speedup": says what the file shows.
fn file_name(id: &str, costs: &Costs, view: View) -> String {
    let l = costs.layer;
    let variant = match (view.measure, view.log) {
        (Measure::Speedup, _) => "-speedup",
        (_, true) => "-log",
        _ => "",
    };
    format!(
        "sepconv-{id}-df{}-dk{}-m{}-n{}{variant}",
        l.df, l.dk, l.m, l.n
    )
}

fn svg_url(svg: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Saves `url` as `file` through a temporary link, as browsers want for downloads.
fn download(url: &str, file: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
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

fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

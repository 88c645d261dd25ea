//! R (or the speed-up 1/R) against N or against Dk: a curve per kernel size or filter
//! count, the current one highlighted with its asymptote, and the layer on screen marked.

use super::frame::{Axis, Frame};
use super::layout::{crossings, haloed, mesh, plane, DrawResult, Margins};
use super::model::{Measure, RatioChart, Sweep};
use super::theme::Theme;
use crate::format::short_decimal;
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendCoord;

/// Draws `chart` on `root`, with `title` on top when given (exports carry their title).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &RatioChart,
    theme: &Theme,
    title: Option<&str>,
) -> DrawResult<Frame, DB> {
    let x = x_axis(chart);
    let y = y_axis(chart);
    let margins = Margins {
        x_labels: 44,
        y_labels: 78,
        right: 64,
    };
    let mut ctx = plane(root, theme, title, margins, x, y)?;
    let label = theme.text(14.0, theme.muted);
    let lang = theme.lang;
    let x_symbol = match chart.sweep {
        Sweep::Filters => lang.tr("N (filters), log scale", "N（卷积核个数），对数坐标"),
        Sweep::Kernel => lang.tr("Dk (kernel size)", "Dk（卷积核尺寸）"),
    };
    let y_name = match chart.measure {
        Measure::Ratio => lang.tr("R (log scale)", "R（对数坐标）"),
        Measure::Speedup => lang.tr("speed-up 1/R (log scale)", "加速比 1/R（对数坐标）"),
    };
    let x_fmt = |v: &f64| tick(x, *v);
    let y_fmt = |v: &f64| tick(y, *v);
    mesh(&mut ctx, theme)
        .x_desc(x_symbol)
        .y_desc(y_name)
        .x_labels(match chart.sweep {
            Sweep::Filters => 5,
            Sweep::Kernel => 8,
        })
        .y_labels(decade_ticks(y))
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()?;

    // The level the current curve approaches, dashed, labelled at the right. It stops
    // short of where the curves end and their names begin: the curve that levels out on
    // it has its name on it too ("N=8" had the dashes run into its N).
    let level = y.drawn_at(chart.asymptote.to_f64());
    let curves_end = chart
        .curves
        .iter()
        .filter_map(|curve| curve.points.last())
        .map(|&(px, _)| x.drawn_at(px))
        .fold(x.lo, f64::max);
    ctx.draw_series(DashedLineSeries::new(
        [(x.lo, level), (curves_end - 0.03 * (x.hi - x.lo), level)],
        theme.px(6),
        theme.px(5),
        theme.muted.stroke_width(theme.px(2)),
    ))?;
    // The curves, then a label at the end of each, nudged apart where they would overlap.
    let mut others = theme.series.iter().cycle();
    let mut labels = Vec::new();
    // Where every line runs, in pixels, for the level's name to find a place clear of them.
    let mut lines: Vec<Vec<BackendCoord>> = Vec::new();
    for curve in &chart.curves {
        let (colour, width) = if curve.current {
            (theme.highlight, theme.px(4))
        } else {
            (*others.next().unwrap_or(&theme.muted), theme.px(2))
        };
        let points: Vec<(f64, f64)> = curve
            .points
            .iter()
            .map(|&(px, py)| (x.drawn_at(px), y.drawn_at(py)))
            .collect();
        if let Some(end) = points.last() {
            labels.push((ctx.backend_coord(end), curve.key, colour, curve.current));
        }
        lines.push(points.iter().map(|p| ctx.backend_coord(p)).collect());
        ctx.draw_series(LineSeries::new(points, colour.stroke_width(width)))?;
    }
    // The article's closed form along the current curve, where the exact ratio leaves it.
    if let Some(points) = &chart.closed_form {
        let points: Vec<(f64, f64)> = points
            .iter()
            .map(|&(px, py)| (x.drawn_at(px), y.drawn_at(py)))
            .collect();
        lines.push(points.iter().map(|p| ctx.backend_coord(p)).collect());
        if let Some(&end) = points.last() {
            let (px, py) = ctx.backend_coord(&end);
            ctx.draw_series(DashedLineSeries::new(
                points,
                theme.px(4),
                theme.px(4),
                theme.highlight.stroke_width(theme.px(2)),
            ))?;
            root.draw(&Text::new(
                "1/N + 1/Dk²",
                (px - theme.px(4) as i32, py - theme.px(6) as i32),
                theme
                    .text(13.0, theme.highlight)
                    .pos(Pos::new(HPos::Right, VPos::Bottom)),
            ))?;
        }
    }
    // The level's name, next to the line, clear of the dashes (a superscript reaches
    // above the text's top): below it at the left if no line crosses it there, else at the
    // right, else above, wherever the fewest lines cross it (at the left of R against Dk,
    // the curves of many filters have already fallen through the level). A halo of the
    // panel's colour keeps it legible over any line it cannot avoid.
    let what = level_name(chart, lang);
    let words = format!("{what} = {}", short_decimal(chart.asymptote.to_f64()));
    let (size, pad) = (root.estimate_text_size(&words, &label)?, theme.px(3) as i32);
    let (w, h) = (size.0 as i32, size.1 as i32);
    let (left, ly) = ctx.backend_coord(&(x.lo + 0.02 * (x.hi - x.lo), level));
    let (right, _) = ctx.backend_coord(&(x.hi - 0.02 * (x.hi - x.lo), level));
    let (ceiling, floor) = {
        let range = ctx.plotting_area().get_pixel_range().1;
        (range.start, range.end)
    };
    let gap = theme.px(6) as i32;
    let (below, above) = (ly + gap, ly - gap - h);
    // The first of the spots that fit where the fewest lines cross the words.
    let mut best = ((left, above), usize::MAX);
    for (sx, top) in [
        (left, below),
        (right - w, below),
        (left, above),
        (right - w, above),
    ] {
        if top < ceiling || top + h + theme.px(4) as i32 > floor {
            continue;
        }
        let crossed = crossings((sx - pad, top - pad), (sx + w + pad, top + h + pad), &lines);
        if crossed < best.1 {
            best = ((sx, top), crossed);
        }
    }
    let (lx, top) = best.0;
    haloed(root, theme, words, (lx, top), (14.0, theme.muted))?;

    let symbol = match chart.sweep {
        Sweep::Filters => "Dk",
        Sweep::Kernel => "N",
    };
    let gap = theme.px(16) as i32;
    // Top to bottom.
    crate::few::sort_by_key(&mut labels, |label| label.0 .1);
    let mut floor = i32::MIN;
    for ((px, py), key, colour, current) in labels {
        let py = py.max(floor);
        floor = py + gap;
        let style = theme
            .text(if current { 15.0 } else { 14.0 }, colour)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            format!("{symbol}={key}"),
            (px + theme.px(4) as i32, py),
            style,
        ))?;
    }

    // The layer on screen.
    let here = (
        x.drawn_at(f64::from(chart.current_x)),
        y.drawn_at(chart.current_value.to_f64()),
    );
    ctx.draw_series(std::iter::once(Circle::new(
        here,
        theme.px(7),
        theme.highlight.filled(),
    )))?;
    ctx.draw_series(std::iter::once(Circle::new(
        here,
        theme.px(7),
        theme.ink.stroke_width(theme.px(2)),
    )))?;

    let frame = Frame {
        x_pixels: ctx.plotting_area().get_pixel_range().0,
        y_pixels: ctx.plotting_area().get_pixel_range().1,
        x,
        y,
    };
    root.present()?;
    Ok(frame)
}

/// What the dashed level is, in symbols: 1/Dk² or 1/N for a plain layer (Dk², N for
/// the speed-up); "limit" where groups or FLOPs with bias move it.
pub fn level_name(chart: &RatioChart, lang: Lang) -> &'static str {
    if chart.closed_form.is_some() {
        return lang.tr("limit", "极限");
    }
    match (chart.sweep, chart.measure) {
        (Sweep::Filters, Measure::Ratio) => "1/Dk²",
        (Sweep::Filters, Measure::Speedup) => "Dk²",
        (Sweep::Kernel, Measure::Ratio) => "1/N",
        (Sweep::Kernel, Measure::Speedup) => "N",
    }
}

/// As many y labels as whole decades in view, so that ticks fall on 1, 0.1, 0.01; at
/// least three, for a short axis.
fn decade_ticks(y: Axis) -> usize {
    ((y.hi.floor() - y.lo.ceil()) as usize + 1).max(3)
}

fn x_axis(chart: &RatioChart) -> Axis {
    match chart.sweep {
        Sweep::Filters => Axis {
            lo: 0.0,
            hi: f64::from(chart.x_max).log10(),
            log: true,
        },
        Sweep::Kernel => Axis {
            lo: 0.5,
            hi: f64::from(chart.x_max) + 0.5,
            log: false,
        },
    }
}

/// A log axis around every value drawn, with a little room above and below.
fn y_axis(chart: &RatioChart) -> Axis {
    let values = chart
        .curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.1))
        .chain(chart.closed_form.iter().flatten().map(|p| p.1))
        .chain([chart.asymptote.to_f64(), chart.current_value.to_f64()]);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (lo, hi) = (lo.log10(), hi.log10());
    let pad = ((hi - lo) * 0.1).max(0.15);
    // Down to a whole decade, so that the lowest curve has a labelled power of ten
    // (0.01) under it rather than ending in an unlabelled stretch.
    Axis {
        lo: (lo - pad).floor(),
        hi: hi + pad,
        log: true,
    }
}

/// A tick label: the data value, in plain decimals.
fn tick(axis: Axis, drawn: f64) -> String {
    let value = if axis.log { 10f64.powf(drawn) } else { drawn };
    short_decimal(value)
}

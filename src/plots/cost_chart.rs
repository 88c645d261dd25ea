//! Standard against depthwise + pointwise as bars: stacked on a linear scale, where the
//! pointwise step visibly dominates (MobileNets, Table 2), or side by side on a log scale.

use super::frame::{Axis, Frame};
use super::layout::{mesh, plane, DrawResult, Margins};
use super::theme::Theme;
use crate::cost::{Costs, Part as CostPart, Unit};
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar of the chart: its name, and its parts from the bottom up.
pub struct Bar {
    pub name: &'static str,
    pub parts: Vec<(u128, Part)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Standard,
    Depthwise,
    Pointwise,
}

impl Bar {
    pub fn total(&self) -> u128 {
        self.parts.iter().map(|p| p.0).sum()
    }
}

/// The bars for a layer: two stacked on a linear scale, four apart on a log scale
/// (a stack means nothing on a log axis).
pub fn bars(costs: &Costs, unit: Unit, log: bool, lang: Lang) -> Vec<Bar> {
    let count = |part| costs.count(part, unit);
    let (d, p) = (count(CostPart::Depthwise), count(CostPart::Pointwise));
    let standard = Bar {
        name: lang.tr("standard", "标准卷积"),
        parts: vec![(count(CostPart::Standard), Part::Standard)],
    };
    let separable = Bar {
        name: lang.tr("separable", "可分离卷积"),
        parts: vec![(d, Part::Depthwise), (p, Part::Pointwise)],
    };
    if log {
        vec![
            standard,
            Bar {
                name: lang.tr("depthwise", "深度卷积"),
                parts: vec![(d, Part::Depthwise)],
            },
            Bar {
                name: lang.tr("pointwise", "逐点卷积"),
                parts: vec![(p, Part::Pointwise)],
            },
            separable,
        ]
    } else {
        vec![standard, separable]
    }
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    costs: &Costs,
    unit: Unit,
    log: bool,
    theme: &Theme,
    title: Option<&str>,
) -> DrawResult<Frame, DB> {
    let bars = bars(costs, unit, log, theme.lang);
    let top = bars.iter().map(Bar::total).max().unwrap_or(1) as f64;
    let bottom = bars
        .iter()
        .flat_map(|b| b.parts.iter().map(|p| p.0))
        .min()
        .unwrap_or(1) as f64;
    let x = Axis {
        lo: -0.5,
        hi: bars.len() as f64 - 0.5,
        log: false,
    };
    let y = if log {
        Axis {
            lo: (bottom.log10() - 0.5).floor(),
            hi: top.log10() + 0.35,
            log: true,
        }
    } else {
        Axis {
            lo: 0.0,
            hi: top * 1.15,
            log: false,
        }
    };

    // Room left of the axis for its widest label (near its top) and its name beside it:
    // "400.0 M" needs less than "4.0 × 10²⁰".
    let widest = theme
        .lang
        .short(if log { 10f64.powf(y.hi) } else { y.hi } as u128);
    let (label_width, _) = root.estimate_text_size(&widest, &theme.text(14.0, theme.muted))?;
    let margins = Margins {
        x_labels: 36,
        y_labels: 86.max((f64::from(label_width) / theme.scale).ceil() as u32 + 36),
        right: 10,
    };
    let mut ctx = plane(root, theme, title, margins, x, y)?;
    let names: Vec<&str> = bars.iter().map(|b| b.name).collect();
    let x_fmt = |v: &f64| {
        let i = v.round();
        let on_bar = (v - i).abs() < 1e-6 && i >= 0.0;
        names
            .get(i as usize)
            .filter(|_| on_bar)
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let y_fmt = |v: &f64| {
        let value = if log { 10f64.powf(*v) } else { *v };
        theme.lang.short(value.round() as u128)
    };
    mesh(&mut ctx, theme)
        .disable_x_mesh()
        .x_labels(bars.len() * 2 + 1)
        .y_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .y_desc(match (unit, log) {
            (Unit::Macs, true) => theme.lang.tr("multiplications (log)", "乘法次数（对数）"),
            (Unit::Macs, false) => theme.lang.tr("multiplications", "乘法次数"),
            (Unit::Flops, true) => theme.lang.tr("FLOPs (log)", "FLOPs（对数）"),
            (Unit::Flops, false) => "FLOPs",
        })
        .draw()?;

    let colour = |part: Part| match part {
        Part::Standard => theme.standard,
        Part::Depthwise => theme.depthwise,
        Part::Pointwise => theme.pointwise,
    };
    for (i, bar) in bars.iter().enumerate() {
        let (left, right) = (i as f64 - 0.32, i as f64 + 0.32);
        let mut base = 0u128;
        for &(value, part) in &bar.parts {
            let (from, to) = (
                y.drawn_at(base.max(1) as f64),
                y.drawn_at((base + value) as f64),
            );
            let from = if base == 0 { y.lo } else { from };
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(left, from), (right, to)],
                colour(part).filled(),
            )))?;
            base += value;
        }
        ctx.draw_series(std::iter::once(Text::new(
            theme.lang.short(bar.total()),
            (i as f64, y.drawn_at(bar.total() as f64)),
            theme
                .text(15.0, theme.ink)
                .pos(Pos::new(HPos::Center, VPos::Bottom)),
        )))?;
    }

    let (x_pixels, y_pixels) = ctx.plotting_area().get_pixel_range();
    root.present()?;
    Ok(Frame {
        x_pixels,
        y_pixels,
        x,
        y,
    })
}

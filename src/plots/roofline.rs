//! The roofline of the "Run it" panel: how fast this machine can run a kernel that does
//! I FLOPs for every byte it moves (the lower of its arithmetic peak and its memory
//! bandwidth times I), on log axes, with the three kernels a run timed as points. A kernel
//! under the slanted part is bound by memory, whatever its count of multiplications.

use super::frame::{Axis, Frame};
use super::layout::{crossings, haloed, mesh, plane, DrawResult, Margins};
use super::theme::Theme;
use crate::format::short_decimal;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the roofline shows, all measured on the reader's machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Roofline {
    /// The arithmetic peak, GFLOP/s.
    pub peak: f64,
    /// The memory bandwidth, GB/s, if measured.
    pub bandwidth: Option<f64>,
    /// Each kernel: its name, intensity (FLOPs per byte) and speed (GFLOP/s).
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub name: String,
    pub kind: Kernel,
    pub intensity: f64,
    pub gflops: f64,
}

/// Which colour a point takes: the page's colour for that kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    Standard,
    Depthwise,
    Pointwise,
}

impl Roofline {
    /// The roof at `intensity`: GFLOP/s.
    pub fn roof(&self, intensity: f64) -> f64 {
        self.bandwidth
            .map_or(self.peak, |b| self.peak.min(b * intensity))
    }
}

/// Decades that hold every value in `values`, with half a decade of room: drawn as log10.
fn decades(values: impl Iterator<Item = f64>) -> Axis {
    let (lo, hi) = values
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo > hi { (1.0, 10.0) } else { (lo, hi) };
    Axis {
        lo: (lo.log10() - 0.3).floor(),
        hi: (hi.log10() + 0.3).ceil(),
        log: true,
    }
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    roofline: &Roofline,
    theme: &Theme,
) -> DrawResult<Frame, DB> {
    let intensities = roofline.points.iter().map(|p| p.intensity);
    // The ridge, where the slope meets the roof, belongs on the chart too.
    let ridge = roofline.bandwidth.map(|b| roofline.peak / b);
    // A decade more on the left, where the slope's label goes, above it.
    let fitted = decades(intensities.chain(ridge));
    let x = Axis {
        lo: fitted.lo - 1.0,
        ..fitted
    };
    let speeds = roofline.points.iter().map(|p| p.gflops);
    let y = decades(speeds.chain([roofline.peak, roofline.roof(10f64.powf(x.lo))]));
    let margins = Margins {
        x_labels: 44,
        y_labels: 70,
        right: 24,
    };
    let mut ctx = plane(root, theme, None, margins, x, y)?;
    let lang = theme.lang;
    let fmt = |v: &f64| short_decimal(10f64.powf(*v));
    mesh(&mut ctx, theme)
        .x_desc(lang.tr(
            "FLOPs per byte moved (log scale)",
            "每搬运一个字节的浮点运算数（对数坐标）",
        ))
        .y_desc(lang.tr("GFLOP/s (log scale)", "GFLOP/s（对数坐标）"))
        .x_labels((x.hi - x.lo) as usize + 1)
        .y_labels((y.hi - y.lo) as usize + 1)
        .x_label_formatter(&fmt)
        .y_label_formatter(&fmt)
        .draw()?;

    // The roof: the slope of the bandwidth up to the ridge, then the flat peak; straight
    // lines on log axes.
    let corners = [
        Some(x.lo),
        ridge.map(f64::log10).filter(|r| (x.lo..x.hi).contains(r)),
        Some(x.hi),
    ];
    let roof: Vec<(f64, f64)> = corners
        .into_iter()
        .flatten()
        .map(|lx| (lx, roofline.roof(10f64.powf(lx)).log10()))
        .collect();
    // The roof in pixels, which the kernels' names keep clear of.
    let roof_px = vec![roof
        .iter()
        .map(|p| ctx.backend_coord(p))
        .collect::<Vec<_>>()];
    ctx.draw_series(LineSeries::new(roof, theme.ink.stroke_width(theme.px(3))))?;
    let label = theme.text(14.0, theme.muted);
    let peak_at = ctx.backend_coord(&(x.hi, roofline.peak.log10()));
    let peak_words = match lang {
        crate::i18n::Lang::En => format!("peak {} GFLOP/s", short_decimal(roofline.peak)),
        crate::i18n::Lang::Zh => format!("峰值 {} GFLOP/s", short_decimal(roofline.peak)),
    };
    let (pw, ph) = root.estimate_text_size(&peak_words, &label)?;
    let peak_end = (
        peak_at.0 - theme.px(4) as i32,
        peak_at.1 - theme.px(6) as i32,
    );
    // What the kernels' names must not cover: the peak's name, and every kernel's dot.
    let mut taken = vec![Rect {
        x: peak_end.0 - pw as i32,
        y: peak_end.1 - ph as i32,
        w: pw as i32,
        h: ph as i32,
    }];
    root.draw(&Text::new(
        peak_words,
        peak_end,
        label.clone().pos(Pos::new(HPos::Right, VPos::Bottom)),
    ))?;
    let (plot_x, _) = ctx.plotting_area().get_pixel_range();
    if let (Some(bandwidth), Some(ridge)) = (roofline.bandwidth, ridge) {
        // Above the roof's level, ending at the ridge, where the slope leaves room; said in
        // the sentence under the chart anyway, so left out where it would not fit.
        let words = match lang {
            crate::i18n::Lang::En => format!("memory {} GB/s ↗", short_decimal(bandwidth)),
            crate::i18n::Lang::Zh => format!("内存 {} GB/s ↗", short_decimal(bandwidth)),
        };
        let at = ctx.backend_coord(&(ridge.log10(), roofline.peak.log10()));
        let (width, _) = root.estimate_text_size(&words, &label)?;
        if at.0 - plot_x.start > width as i32 + theme.px(12) as i32 {
            root.draw(&Text::new(
                words,
                (at.0 - theme.px(8) as i32, at.1 - theme.px(6) as i32),
                label.clone().pos(Pos::new(HPos::Right, VPos::Bottom)),
            ))?;
        }
    }

    let (_, plot_y) = ctx.plotting_area().get_pixel_range();
    let colour_of = |kind: Kernel| match kind {
        Kernel::Standard => theme.standard,
        Kernel::Depthwise => theme.depthwise,
        Kernel::Pointwise => theme.pointwise,
    };
    // Every dot first, so that no name is drawn where a dot will be.
    let r = theme.px(7) as i32;
    for point in &roofline.points {
        let at = (point.intensity.log10(), point.gflops.log10());
        ctx.draw_series([Circle::new(at, theme.px(7), colour_of(point.kind).filled())])?;
        let (px, py) = ctx.backend_coord(&at);
        taken.push(Rect {
            x: px - r,
            y: py - r,
            w: 2 * r,
            h: 2 * r,
        });
    }
    for point in &roofline.points {
        let colour = colour_of(point.kind);
        let at = (point.intensity.log10(), point.gflops.log10());
        let (px, py) = ctx.backend_coord(&at);
        let words = format!("{} {}", point.name, short_decimal(point.gflops));
        let style = theme.text(14.0, colour);
        let (w, h) = root.estimate_text_size(&words, &style)?;
        let (w, h, gap) = (w as i32, h as i32, theme.px(10) as i32);
        let inside = |&(x, y): &(i32, i32)| {
            x >= plot_x.start && x + w <= plot_x.end && y >= plot_y.start && y + h <= plot_y.end
        };
        // What a place costs: first the names, dots and the peak's name it would cover,
        // which no halo makes readable; then the stretches of the roof through it.
        let cost = |&(x, y): &(i32, i32)| {
            let covered = taken
                .iter()
                .filter(|t| t.overlaps(&Rect { x, y, w, h }))
                .count();
            (covered, crossings((x, y), (x + w, y + h), &roof_px))
        };
        // Ring by ring, further out until a place costs nothing: beside, under and over
        // the dot, at its corners, and flush with its edges (near the plot's right end
        // the centred places run out of it). Past three gaps a name stays by its dot over
        // the roof, under its halo, and goes further only to cover nothing: out to eight,
        // which a phone's narrow plot needs where three dots come close together.
        let mut best = ((px + gap, py - h / 2), (usize::MAX, 0));
        for d in (1..=8).map(|ring| ring * gap) {
            let places = [
                (px + d, py - h / 2),
                (px - d - w, py - h / 2),
                (px - w / 2, py + d),
                (px - w / 2, py - d - h),
                (px + d, py + d / 2),
                (px - d - w, py + d / 2),
                (px + d, py - d / 2 - h),
                (px - d - w, py - d / 2 - h),
                (px + r - w, py + d),
                (px - r, py + d),
                (px + r - w, py - d - h),
                (px - r, py - d - h),
            ];
            for place in places.iter().filter(|p| inside(p)) {
                let c = cost(place);
                if c < best.1 {
                    best = (*place, c);
                }
            }
            let (covered, crossed) = best.1;
            if covered == 0 && (crossed == 0 || d >= 3 * gap) {
                break;
            }
        }
        let (x, y) = best.0;
        taken.push(Rect { x, y, w, h });
        haloed(root, theme, words, (x, y), (14.0, colour))?;
    }
    let (x_pixels, y_pixels) = ctx.plotting_area().get_pixel_range();
    Ok(Frame {
        x_pixels,
        y_pixels,
        x,
        y,
    })
}

/// A label's box, in backend pixels.
struct Rect {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
}

impl Rect {
    fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

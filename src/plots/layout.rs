//! What every chart shares: the frame (background, margins, title, coordinates) and the
//! styles of its axes, grid and labels.

use super::frame::Axis;
use super::theme::Theme;
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendCoord;
use std::ops::Range;

pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
pub type Plane = Cartesian2d<Linear, Linear>;

/// plotters' linear axis over f64, without its own way of writing a value: every chart
/// writes its labels itself (`x_label_formatter`), and plotters' default, kept in the wasm
/// by the axis type alone, is Rust's float formatting, some 10 KB of it.
pub struct Linear(RangedCoordf64);

impl From<Range<f64>> for Linear {
    fn from(range: Range<f64>) -> Self {
        Linear(range.into())
    }
}

impl Ranged for Linear {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.0.key_points(hint)
    }

    fn range(&self) -> Range<f64> {
        self.0.range()
    }
}

impl ValueFormatter<f64> for Linear {
    /// Not used (see above): an axis left to it would show no labels.
    fn format(_: &f64) -> String {
        String::new()
    }
}

/// Room around the plotting area, in CSS pixels.
pub struct Margins {
    pub x_labels: u32,
    pub y_labels: u32,
    pub right: u32,
}

/// Fills the background (unless it is to stay clear) and sets up a linear plane over `x` and `y` in drawing
/// coordinates (log10 of the data on a log axis), with `title` on top when given.
pub fn plane<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    title: Option<&str>,
    margins: Margins,
    x: Axis,
    y: Axis,
) -> DrawResult<ChartContext<'a, DB, Plane>, DB> {
    if !theme.clear {
        root.fill(&theme.background)?;
    }
    let mut builder = ChartBuilder::on(root);
    builder
        .margin(theme.px(10))
        .margin_right(theme.px(margins.right))
        .x_label_area_size(theme.px(margins.x_labels))
        .y_label_area_size(theme.px(margins.y_labels));
    if let Some(title) = title {
        builder.caption(title, theme.text(17.0, theme.ink));
    }
    builder.build_cartesian_2d(Linear::from(x.lo..x.hi), Linear::from(y.lo..y.hi))
}

/// The axes, grid and label styles every chart uses; each chart adds its own ticks.
pub fn mesh<'a, 'b, DB: DrawingBackend>(
    ctx: &'b mut ChartContext<'a, DB, Plane>,
    theme: &'b Theme,
) -> MeshStyle<'a, 'b, Linear, Linear, DB> {
    let label = theme.text(14.0, theme.muted);
    let mut mesh = ctx.configure_mesh();
    mesh.label_style(label.clone())
        .axis_desc_style(label)
        .axis_style(theme.muted.stroke_width(theme.px(1)))
        .bold_line_style(theme.grid.stroke_width(theme.px(1)))
        .light_line_style(TRANSPARENT);
    mesh
}

/// How many of `lines`' segments pass through the box from `a` to `b`: each is walked a
/// pixel at a time, which is exact enough for a label and simple to trust.
pub fn crossings(a: BackendCoord, b: BackendCoord, lines: &[Vec<BackendCoord>]) -> usize {
    let mut count = 0;
    for line in lines {
        for pair in line.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let steps = (x1 - x0).abs().max((y1 - y0).abs()).max(1);
            let through = (0..=steps).any(|i| {
                let (x, y) = (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
                a.0 <= x && x <= b.0 && a.1 <= y && y <= b.1
            });
            count += usize::from(through);
        }
    }
    count
}

/// `words` with their top left at `at`, in `size` CSS pixels and `colour`, over a halo of
/// the panel's colour (the same words drawn all round them), so that a line under them
/// does not cross them out; without the halo where the chart leaves its panel clear.
pub fn haloed<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    theme: &Theme,
    words: String,
    at: BackendCoord,
    (size, colour): (f64, RGBColor),
) -> DrawResult<(), DB> {
    let top_left = Pos::new(HPos::Left, VPos::Top);
    if !theme.clear {
        let (r, halo) = (
            theme.px(2) as i32,
            theme.text(size, theme.background).pos(top_left),
        );
        for (dx, dy) in [-r, 0, r]
            .into_iter()
            .flat_map(|dx| [(dx, -r), (dx, 0), (dx, r)])
        {
            if (dx, dy) != (0, 0) {
                let place = (at.0 + dx, at.1 + dy);
                root.draw(&Text::new(words.clone(), place, halo.clone()))?;
            }
        }
    }
    root.draw(&Text::new(
        words,
        at,
        theme.text(size, colour).pos(top_left),
    ))
}

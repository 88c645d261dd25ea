//! What every chart shares: the frame (background, margins, title, coordinates) and the
//! styles of its axes, grid and labels.

use super::frame::Axis;
use super::theme::Theme;
use plotters::chart::MeshStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
pub type Plane = Cartesian2d<RangedCoordf64, RangedCoordf64>;

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
    builder.build_cartesian_2d(x.lo..x.hi, y.lo..y.hi)
}

/// The axes, grid and label styles every chart uses; each chart adds its own ticks.
pub fn mesh<'a, 'b, DB: DrawingBackend>(
    ctx: &'b mut ChartContext<'a, DB, Plane>,
    theme: &'b Theme,
) -> MeshStyle<'a, 'b, RangedCoordf64, RangedCoordf64, DB> {
    let label = theme.text(14.0, theme.muted);
    let mut mesh = ctx.configure_mesh();
    mesh.label_style(label.clone())
        .axis_desc_style(label)
        .axis_style(theme.muted.stroke_width(theme.px(1)))
        .bold_line_style(theme.grid.stroke_width(theme.px(1)))
        .light_line_style(TRANSPARENT);
    mesh
}

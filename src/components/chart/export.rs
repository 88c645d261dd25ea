//! Saving a chart as SVG, drawn again by the same code on plotters' SVG backend.

use super::backend::AnyBackend;
use super::{draw, Kind, View};
use crate::cost::Costs;
use crate::plots::{RatioChart, Svg, Theme};
use plotters::prelude::IntoDrawingArea;

/// The chart as an SVG document, drawn by the same code at the on-screen CSS size.
pub fn svg(
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
        &AnyBackend::Svg(Svg::new(&mut out, size)).into_drawing_area(),
        kind,
        costs,
        view,
        model,
        theme,
        Some(title),
    );
    out
}

pub fn svg_url(svg: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

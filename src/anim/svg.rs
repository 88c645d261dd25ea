//! A scene as SVG markup, for the page rendered at build time, which shows the animation's
//! first frame before any wasm has run: the shapes the painter draws on the canvas, in the
//! same order, each coloured by a class that the stylesheet maps to the page's palette, so
//! that the picture follows the reader's colours, then its words. No style attribute: the
//! page's Content-Security-Policy allows none.

use super::{Anchor, Paint, Point, Scene, Shape, LEFT_OUT};
use std::fmt::Write;

/// `scene` as an `<svg>` element of class `class`, its CSS pixels as its coordinates,
/// scaled to its box as the painter scales it to the canvas: whole, and centred across.
/// Its shapes are one group, `<g id="{shapes}" class="scene-shapes">`, which its words
/// follow in another, `<g id="{words}" class="scene-words">`: a page that shows the same
/// picture in two languages can keep one copy of the first and `<use>` it in both, and keep
/// the second beside its pages too (`crate::prerender`). The words thus come over every
/// shape, where the canvas paints each in its turn; the scene keeps them clear of the shapes.
pub fn svg(scene: &Scene, class: &str, shapes: &str, words_id: &str) -> String {
    let mut out = format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {} {}\" preserveAspectRatio=\"xMidYMin meet\" \
         aria-hidden=\"true\"><g id=\"{shapes}\" class=\"scene-shapes\">",
        number(scene.width),
        number(scene.height)
    );
    let mut words = String::new();
    for shape in &scene.shapes {
        // Writing to a String cannot fail.
        let _ = match shape {
            Shape::Quad {
                corners,
                fill,
                stroke,
            } => {
                let classes: Vec<String> = [fill.map(|p| ("f", p)), stroke.map(|p| ("s", p))]
                    .into_iter()
                    .flatten()
                    .map(|(kind, paint)| format!("{kind}-{}", name(paint)))
                    .collect();
                let mut d = format!("M{}", point(corners[0]));
                for pair in corners.windows(2) {
                    d.push_str(&format!("l{}", step(pair[0], pair[1])));
                }
                write!(out, "<path class=\"{}\" d=\"{d}Z\"/>", classes.join(" "))
            }
            Shape::Lines { segments, paint } => {
                let d: String = segments
                    .iter()
                    .map(|&[from, to]| format!("M{}l{}", point(from), step(from, to)))
                    .collect();
                write!(out, "<path class=\"s-{}\" d=\"{d}\"/>", name(*paint))
            }
            Shape::Text {
                at,
                text,
                paint,
                size,
                anchor,
            } => {
                // The mark for channels left out has no halo, as on the canvas.
                let bare = if text == LEFT_OUT { " bare" } else { "" };
                let anchor = match anchor {
                    Anchor::Start => "",
                    Anchor::Middle => " text-anchor=\"middle\"",
                    Anchor::End => " text-anchor=\"end\"",
                };
                write!(
                    words,
                    "<text class=\"f-{}{bare}\" x=\"{}\" y=\"{}\" font-size=\"{}\"{anchor}>{}</text>",
                    name(*paint),
                    number(at.0),
                    number(at.1),
                    size.round(),
                    escaped(text)
                )
            }
        };
    }
    out.push_str("</g>");
    write!(
        out,
        "<g id=\"{words_id}\" class=\"scene-words\">{words}</g></svg>"
    )
    .ok();
    out
}

/// The class a paint goes by, after `f-` (its fill) or `s-` (its stroke).
pub fn name(paint: Paint) -> &'static str {
    match paint {
        Paint::Slice => "slice",
        Paint::Padding => "padding",
        Paint::Line => "line",
        Paint::Done => "done",
        Paint::Read => "read",
        Paint::Filter => "filter",
        Paint::Write => "write",
        Paint::Ink => "ink",
        Paint::Muted => "muted",
        Paint::Panel => "panel",
    }
}

fn point((x, y): Point) -> String {
    format!("{} {}", number(x), number(y))
}

/// From one point to the next, as a relative move: shorter numbers than the point's own,
/// which is what a page sent to a phone is made of. Each end is rounded first, so that
/// the steps add up to the rounded points and a shape closes where it began.
fn step(from: Point, to: Point) -> String {
    let tenths = |v: f64| (v * 10.0).round();
    point((
        (tenths(to.0) - tenths(from.0)) / 10.0,
        (tenths(to.1) - tenths(from.1)) / 10.0,
    ))
}

/// To a tenth of a CSS pixel, without a trailing ".0": finer than a screen shows.
fn number(value: f64) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    let text = format!("{tenths:.1}");
    match text.strip_suffix(".0") {
        Some("-0") => "0".to_owned(),
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

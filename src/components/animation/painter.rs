//! Paints a scene on a canvas at the screen's pixel density, in the page's colours.

use crate::anim::{line_width, Anchor, Paint, Scene, Shape, HALO_WIDTH, LEFT_OUT, PAINTS};
use crate::components::dom::{fit_canvas, root_css};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The colour of each paint, as the stylesheet gives it (any CSS colour).
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    colours: Vec<(Paint, String)>,
    font: String,
    /// Drawn round each label, so that a grid or an outline beneath does not run into its
    /// digits: the panel's colour, or none over a host's page (`bg=transparent`).
    halo: Option<String>,
}

impl Palette {
    /// The colours from the stylesheet's variables (read once per colour scheme).
    pub fn read() -> Palette {
        let mut names: Vec<&str> = PAINTS.iter().map(|&(_, name)| name).collect();
        names.extend(["--sans", "--anim-halo"]);
        let mut values = root_css(&names);
        let halo = values.pop().filter(|h| !h.is_empty() && h != "transparent");
        let font = values.pop().filter(|f| !f.is_empty());
        Palette {
            colours: PAINTS
                .iter()
                .zip(values)
                .map(|(&(paint, _), value)| (paint, value))
                .collect(),
            font: font.unwrap_or_else(|| "sans-serif".to_owned()),
            halo,
        }
    }

    /// This palette for a picture of its own (a PNG, a video), which has the panel's
    /// colour behind its labels even where the page has none (`bg=transparent`).
    pub fn on_panel(&self) -> Palette {
        Palette {
            halo: Some(self.of(Paint::Panel).to_owned()),
            ..self.clone()
        }
    }

    /// The font the page's text is in.
    pub fn font(&self) -> &str {
        &self.font
    }

    pub fn of(&self, paint: Paint) -> &str {
        self.colours
            .iter()
            .find(|(p, _)| *p == paint)
            .map(|(_, c)| c.as_str())
            .filter(|c| !c.is_empty())
            .unwrap_or("#888")
    }
}

/// Draws `scene` to fill the canvas's CSS size `(width, height)`, centred.
pub fn paint(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    palette: &Palette,
    (width, height): (u32, u32),
) {
    if width == 0 || height == 0 {
        return;
    }
    let density = fit_canvas(canvas, (width, height));
    let (w, h) = (f64::from(width) * density, f64::from(height) * density);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, w, h);
    // The scene is laid out in CSS px for this very canvas; the scale is the density.
    let scale = (w / scene.width).min(h / scene.height);
    let left = (w - scene.width * scale) / 2.0;
    let at = |(x, y): (f64, f64)| (left + x * scale, y * scale);
    ctx.set_line_join("round");
    for shape in &scene.shapes {
        match shape {
            Shape::Quad {
                corners,
                fill,
                stroke,
            } => {
                ctx.begin_path();
                for (i, &corner) in corners.iter().enumerate() {
                    let (x, y) = at(corner);
                    if i == 0 {
                        ctx.move_to(x, y);
                    } else {
                        ctx.line_to(x, y);
                    }
                }
                ctx.close_path();
                if let Some(fill) = fill {
                    ctx.set_fill_style_str(palette.of(*fill));
                    ctx.fill();
                }
                if let Some(stroke) = stroke {
                    ctx.set_line_width(line_width(*stroke) * scale);
                    ctx.set_stroke_style_str(palette.of(*stroke));
                    ctx.stroke();
                }
            }
            Shape::Lines { segments, paint } => {
                ctx.begin_path();
                for [from, to] in segments {
                    let ((x0, y0), (x1, y1)) = (at(*from), at(*to));
                    ctx.move_to(x0, y0);
                    ctx.line_to(x1, y1);
                }
                ctx.set_line_width(line_width(*paint) * scale);
                ctx.set_stroke_style_str(palette.of(*paint));
                ctx.stroke();
            }
            Shape::Text {
                at: point,
                text,
                paint,
                size,
                anchor,
            } => {
                let (x, y) = at(*point);
                ctx.set_font(&format!(
                    "{}px {}",
                    (size * scale).round() as u32,
                    palette.font
                ));
                ctx.set_text_align(match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "center",
                    Anchor::End => "end",
                });
                if let Some(halo) = palette.halo.as_ref().filter(|_| text != LEFT_OUT) {
                    ctx.set_line_width(HALO_WIDTH * scale);
                    ctx.set_stroke_style_str(halo);
                    let _ = ctx.stroke_text(text, x, y);
                }
                ctx.set_fill_style_str(palette.of(*paint));
                let _ = ctx.fill_text(text, x, y);
            }
        }
    }
}

//! One drawing backend type for the page's canvas and for SVG export. plotters' chart
//! code is generic over the backend; drawing through this one type compiles it once
//! instead of once per backend, which keeps the wasm that goes to a phone smaller.
//! The canvas is drawn here with the 2D context's own calls rather than through
//! plotters-canvas, which writes a colour's alpha and a font's size with Rust's float
//! formatting, some 10 KB of that wasm for nothing else (see `crate::plots::Svg`).

use crate::components::dom;
use crate::format::plain;
use crate::plots::{quarter_turns, Svg};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::error::Error;
use std::f64::consts::PI;
use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub enum AnyBackend<'a> {
    Canvas(Canvas),
    Svg(Svg<'a>),
}

/// What went wrong, in words.
#[derive(Debug)]
pub struct BackendError(&'static str);

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Error for BackendError {}

type Drawn = Result<(), DrawingErrorKind<BackendError>>;

/// The canvas refused a call (a rotation, an arc, words): nothing more to say.
fn refused<T>(_: T) -> DrawingErrorKind<BackendError> {
    DrawingErrorKind::DrawingError(BackendError("the canvas refused to draw"))
}

/// Writing into a string does not fail; should it, this says so.
fn unwritten(_: DrawingErrorKind<fmt::Error>) -> DrawingErrorKind<BackendError> {
    DrawingErrorKind::DrawingError(BackendError("the SVG could not be written"))
}

/// Calls the same method on whichever backend this is.
macro_rules! on_either {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call,
            AnyBackend::Svg($b) => $call.map_err(unwritten),
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b) => b.get_size(),
            AnyBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Drawn {
        on_either!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Drawn {
        on_either!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        on_either!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        on_either!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        on_either!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        on_either!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        on_either!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        on_either!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Drawn {
        on_either!(self, b => b.draw_text(text, style, pos))
    }

    /// Measured on a canvas. plotters' own measure on the web is a DOM span with an
    /// inline `style`, which a strict Content-Security-Policy refuses; it is slower too.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        Ok(measure(text, style))
    }
}

/// A canvas on the page, drawn in its own pixels.
pub struct Canvas {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
}

impl Canvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let size = (canvas.width(), canvas.height());
        Some(Canvas { context, size })
    }

    fn stroke_with<S: BackendStyle>(&self, style: &S) {
        self.context
            .set_stroke_style_str(&css_colour(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    fn fill_with(&self, colour: BackendColor) {
        self.context.set_fill_style_str(&css_colour(colour));
    }

    /// A path through `points`, closed or not, for a stroke or a fill to follow.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, closed: bool) {
        self.context.begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            let (x, y) = (f64::from(x), f64::from(y));
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
        if closed {
            self.context.close_path();
        }
    }
}

/// A colour as CSS writes it: `rgb(…)`, or `rgba(…)` where it is not opaque.
fn css_colour(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    if colour.alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},{})", plain(colour.alpha))
    }
}

/// A style's font as the canvas takes it: "bold 14.5px system-ui, sans-serif".
fn font<T: BackendTextStyle>(style: &T) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        plain(style.size()),
        style.family().as_str()
    )
}

/// A line one pixel wide along a row or a column of pixels covers that row or column
/// only if it runs through their middle: half a pixel off the grid's lines.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for Canvas {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Drawn {
        if colour.alpha > 0.0 {
            self.fill_with(colour);
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let (a, b) = crisp(from, to);
            self.stroke_with(style);
            self.context.begin_path();
            self.context.move_to(a.0, a.1);
            self.context.line_to(b.0, b.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let (x, y, w, h) = (
                f64::from(x0),
                f64::from(y0),
                f64::from(x1 - x0),
                f64::from(y1 - y0),
            );
            if fill {
                self.fill_with(style.color());
                self.context.fill_rect(x, y, w, h);
            } else {
                self.stroke_with(style);
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.stroke_with(style);
            self.trace(path, false);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.fill_with(style.color());
            self.trace(vertices, true);
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.context.begin_path();
            self.context
                .arc(f64::from(x), f64::from(y), f64::from(radius), 0.0, 2.0 * PI)
                .map_err(refused)?;
            if fill {
                self.fill_with(style.color());
                self.context.fill();
            } else {
                self.stroke_with(style);
                self.context.stroke();
            }
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha <= 0.0 {
            return Ok(());
        }
        let quarters = quarter_turns(style.transform());
        let ctx = &self.context;
        // Turned words are drawn at the origin of a turned context.
        let at = if quarters == 0 {
            (f64::from(x), f64::from(y))
        } else {
            ctx.save();
            ctx.translate(f64::from(x), f64::from(y)).map_err(refused)?;
            ctx.rotate(f64::from(quarters) * PI / 2.0)
                .map_err(refused)?;
            (0.0, 0.0)
        };
        ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        });
        self.fill_with(colour);
        ctx.set_font(&font(style));
        let drawn = ctx.fill_text(text, at.0, at.1).map_err(refused);
        if quarters != 0 {
            ctx.restore();
        }
        drawn
    }
}

thread_local! {
    /// A canvas that is never shown, for measuring text.
    static RULER: Option<CanvasRenderingContext2d> = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
}

/// The width of `text` in `style`, and the font's size as its height.
fn measure<T: BackendTextStyle>(text: &str, style: &T) -> (u32, u32) {
    let size = style.size();
    let width = RULER.with(|ruler| {
        let ruler = ruler.as_ref()?;
        ruler.set_font(&font(style));
        ruler.measure_text(text).ok().map(|m| m.width())
    });
    // Without a canvas, an average glyph is about 0.6 em wide.
    let width = width.unwrap_or(text.chars().count() as f64 * size * 0.6);
    (width.ceil() as u32, size.ceil() as u32)
}

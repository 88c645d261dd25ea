//! One drawing backend type for the page's canvas and for SVG export. plotters' chart
//! code is generic over the backend; drawing through this one type compiles it once
//! instead of once per backend, which keeps the wasm that goes to a phone smaller.

use crate::components::dom;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::error::Error;
use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub enum AnyBackend<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// Either backend's error, as text.
#[derive(Debug)]
pub struct BackendError(String);

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for BackendError {}

fn cast<E: Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<BackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(BackendError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! on_either {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call.map_err(cast),
            AnyBackend::Svg($b) => $call.map_err(cast),
        }
    };
}

type Drawn = Result<(), DrawingErrorKind<BackendError>>;

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

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        on_either!(self, b => b.blit_bitmap(pos, size, src))
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
        ruler.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            size,
            style.family().as_str()
        ));
        ruler.measure_text(text).ok().map(|m| m.width())
    });
    // Without a canvas, an average glyph is about 0.6 em wide.
    let width = width.unwrap_or(text.chars().count() as f64 * size * 0.6);
    (width.ceil() as u32, size.ceil() as u32)
}

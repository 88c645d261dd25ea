//! A chart as an SVG document: the backend the charts' "Save as SVG" draws on, and the one
//! the native tests read. Written here rather than taken from plotters-svg, which writes an
//! opacity and a font size with Rust's float formatting: that machinery is some 10 KB of
//! the wasm every phone loads, and nothing else on the page needs it.

use crate::format::plain;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use std::fmt::Error;

/// Draws into `out`, which holds the whole document once the backend is dropped.
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

type Drawn = Result<(), DrawingErrorKind<Error>>;

impl<'a> Svg<'a> {
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> Self {
        out.push_str(&format!(
            "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
             xmlns=\"http://www.w3.org/2000/svg\">\n"
        ));
        Svg {
            out,
            size: (width, height),
            closed: false,
        }
    }

    /// One element: `<{tag} {attributes}/>`.
    fn element(&mut self, tag: &str, attributes: &str) {
        self.out.push_str(&format!("<{tag} {attributes}/>\n"));
    }
}

impl Drop for Svg<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

/// `fill` or `stroke` in `colour`, with its opacity where it has one.
fn paint(property: &str, colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    let mut paint = format!("{property}=\"#{r:02X}{g:02X}{b:02X}\"");
    if colour.alpha < 1.0 {
        paint.push_str(&format!(" {property}-opacity=\"{}\"", plain(colour.alpha)));
    }
    paint
}

/// A line's colour and width, and no fill.
fn stroke<S: BackendStyle>(style: &S) -> String {
    format!(
        "fill=\"none\" {} stroke-width=\"{}\"",
        paint("stroke", style.color()),
        style.stroke_width()
    )
}

fn filled_or_stroked<S: BackendStyle>(style: &S, fill: bool) -> String {
    if fill {
        paint("fill", style.color())
    } else {
        stroke(style)
    }
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many quarter turns clockwise words are drawn at, on either backend.
pub fn quarter_turns(transform: FontTransform) -> u32 {
    match transform {
        FontTransform::None => 0,
        FontTransform::Rotate90 => 1,
        FontTransform::Rotate180 => 2,
        FontTransform::Rotate270 => 3,
    }
}

/// `text` with the five characters XML reserves written as references.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Drawn {
        if colour.alpha > 0.0 {
            let fill = paint("fill", colour);
            self.element(
                "rect",
                &format!("x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" {fill}"),
            );
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
            let ((x1, y1), (x2, y2)) = (from, to);
            let line = format!(
                "x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" {}",
                stroke(style)
            );
            self.element("line", &line);
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
            let paint = filled_or_stroked(style, fill);
            let (w, h) = (x1 - x0, y1 - y0);
            self.element(
                "rect",
                &format!("x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" {paint}"),
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let line = format!("points=\"{}\" {}", points(path), stroke(style));
            self.element("polyline", &line);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let shape = format!(
                "points=\"{}\" {}",
                points(vertices),
                paint("fill", style.color())
            );
            self.element("polygon", &shape);
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
            let paint = filled_or_stroked(style, fill);
            self.element(
                "circle",
                &format!("cx=\"{x}\" cy=\"{y}\" r=\"{radius}\" {paint}"),
            );
        }
        Ok(())
    }

    /// Anchored as on the canvas: `x` is the start, middle or end of the words, and `y`
    /// their top, middle or bottom (shifted by a share of the font, since `dominant-baseline`
    /// is not read alike by every program that opens an SVG).
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
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let shift = match style.anchor().v_pos {
            VPos::Top => "0.8em",
            VPos::Center => "0.35em",
            VPos::Bottom => "-0.2em",
        };
        let face = match style.style() {
            FontStyle::Bold => " font-weight=\"bold\"",
            FontStyle::Italic => " font-style=\"italic\"",
            FontStyle::Oblique => " font-style=\"oblique\"",
            FontStyle::Normal => "",
        };
        let turn = match quarter_turns(style.transform()) {
            0 => String::new(),
            quarters => format!(" transform=\"rotate({} {x} {y})\"", 90 * quarters),
        };
        self.out.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" dy=\"{shift}\" text-anchor=\"{anchor}\" \
             font-family=\"{}\" font-size=\"{}\"{face} {}{turn}>{}</text>\n",
            escape(style.family().as_str()),
            plain(style.size()),
            paint("fill", colour),
            escape(text),
        ));
        Ok(())
    }
}

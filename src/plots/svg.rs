//! A chart as an SVG document: the backend the charts' "Save as SVG" draws on, the one the
//! native tests read, and the one that draws each chart's picture into the page rendered
//! at build time ([`stand_in`]). Written here rather than taken from plotters-svg, which
//! writes an opacity and a font size with Rust's float formatting: that machinery is some
//! 10 KB of the wasm every phone loads, and nothing else on the page needs it.

use super::theme::{Theme, CSS_VARIABLES};
use crate::anim::text_width;
use crate::format::plain;
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters::style::RGBColor;
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
    /// Colours written as classes, `cf-{name}` for a fill and `cs-{name}` for a stroke,
    /// for the stylesheet to give them the page's palette; any other, as it is.
    classes: &'a [(RGBColor, &'a str)],
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
            classes: &[],
        }
    }

    /// As [`Svg::new`], with the colours in `classes` written as classes.
    pub fn with_classes(
        out: &'a mut String,
        size: (u32, u32),
        classes: &'a [(RGBColor, &'a str)],
    ) -> Self {
        let mut svg = Svg::new(out, size);
        svg.classes = classes;
        svg
    }

    /// `fill` or `stroke` in `colour`, with its opacity where it has one.
    fn paint(&self, property: &str, colour: BackendColor) -> String {
        let (r, g, b) = colour.rgb;
        let class = self
            .classes
            .iter()
            .find(|(c, _)| (c.0, c.1, c.2) == (r, g, b))
            .map(|(_, name)| name);
        let mut paint = match class {
            Some(name) => format!("class=\"c{}-{name}\"", &property[..1]),
            None => format!("{property}=\"#{r:02X}{g:02X}{b:02X}\""),
        };
        if colour.alpha < 1.0 {
            paint.push_str(&format!(" {property}-opacity=\"{}\"", plain(colour.alpha)));
        }
        paint
    }

    /// A line's colour and width, and no fill.
    fn stroke<S: BackendStyle>(&self, style: &S) -> String {
        format!(
            "fill=\"none\" {} stroke-width=\"{}\"",
            self.paint("stroke", style.color()),
            style.stroke_width()
        )
    }

    fn filled_or_stroked<S: BackendStyle>(&self, style: &S, fill: bool) -> String {
        if fill {
            self.paint("fill", style.color())
        } else {
            self.stroke(style)
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

/// A line through `path` (or, closed, a shape's outline) as a path's data: the first
/// point, then each step from one point to the next ("M88 159l6 0 5 1"). A curve's steps
/// are a pixel or a few where its points are hundreds, so this is most of a chart's picture
/// shorter than the points themselves: the pictures drawn at build time are in every byte
/// sent before the page is live.
fn steps(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut path = path.into_iter();
    let Some((mut x, mut y)) = path.next() else {
        return String::new();
    };
    let mut d = format!("M{x} {y}");
    for (k, (to_x, to_y)) in path.enumerate() {
        let before = if k == 0 { "l" } else { " " };
        d.push_str(&format!("{before}{} {}", to_x - x, to_y - y));
        (x, y) = (to_x, to_y);
    }
    d
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

    /// By a table of widths: no browser measures here.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Error>> {
        let size = style.size();
        Ok((text_width(text, size).ceil() as u32, size.ceil() as u32))
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
            let fill = self.paint("fill", colour);
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
                self.stroke(style)
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
            let paint = self.filled_or_stroked(style, fill);
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
            let line = format!("d=\"{}\" {}", steps(path), self.stroke(style));
            self.element("path", &line);
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
                "d=\"{}Z\" {}",
                steps(vertices),
                self.paint("fill", style.color())
            );
            self.element("path", &shape);
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
            let paint = self.filled_or_stroked(style, fill);
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
            self.paint("fill", colour),
            escape(text),
        ));
        Ok(())
    }
}

/// A chart's picture in the page rendered at build time, which shows it before any wasm
/// has run: drawn by `draw` at `size` CSS pixels in `lang`, on a theme whose colours are
/// the page's palette ([`CSS_VARIABLES`]) written as classes, so that it follows the
/// reader's colours as the canvas will. An `<svg>` of class `class`, scaled to its box as
/// the canvas is sized to it. Its shapes, and the words it writes alike in every language
/// (numbers, a curve's name), are one group, `<g id="{shapes}">`, the same for each
/// language, which the words of `lang` alone follow in a group of their own,
/// `<g id="{shapes}-{lang}">` (where a word moves a shape, that group is the whole
/// picture): the built page keeps one copy of the first for both languages, and each
/// language's second beside its own page (`crate::prerender`). The words thus come over
/// every shape, as the charts place them.
pub fn stand_in(
    size: (u32, u32),
    lang: Lang,
    class: &str,
    shapes: &str,
    draw: impl Fn(&DrawingArea<Svg<'_>, Shift>, &Theme),
) -> String {
    let [(shapes_here, words_here), (shapes_there, words_there)] =
        [lang, other(lang)].map(|lang| elements(size, lang, &draw));
    let own_id = format!("{shapes}-{}", lang.key());
    let groups = if shapes_here == shapes_there {
        let (alike, own): (Vec<String>, Vec<String>) = words_here
            .into_iter()
            .partition(|words| words_there.contains(words));
        format!(
            "<g id=\"{shapes}\" class=\"chart-shapes\">{}{}</g>\
             <g id=\"{own_id}\" class=\"chart-shapes\">{}</g>",
            shapes_here.concat(),
            alike.concat(),
            own.concat()
        )
    } else {
        // A word moved a shape (the bars' axis is as wide as its widest label): the
        // picture is this language's own.
        format!(
            "<g id=\"{own_id}\" class=\"chart-shapes\">{}{}</g>",
            shapes_here.concat(),
            words_here.concat()
        )
    };
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {} {}\" aria-hidden=\"true\">{groups}</svg>",
        size.0, size.1
    )
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    }
}

/// The elements `draw` draws in `lang` for [`stand_in`]: its shapes, then its words.
fn elements(
    size: (u32, u32),
    lang: Lang,
    draw: &impl Fn(&DrawingArea<Svg<'_>, Shift>, &Theme),
) -> (Vec<String>, Vec<String>) {
    // Each colour of the palette is told by its place in it.
    let marks: Vec<String> = (0..CSS_VARIABLES.len())
        .map(|k| format!("#0100{k:02x}"))
        .collect();
    let theme = Theme {
        lang,
        ..Theme::from_css(&marks, 1.0, "sans-serif")
    };
    let classes: Vec<(RGBColor, &str)> = CSS_VARIABLES
        .iter()
        .enumerate()
        .map(|(k, name)| (RGBColor(1, 0, k as u8), name.trim_start_matches("--")))
        .collect();
    let mut document = String::new();
    draw(
        &Svg::with_classes(&mut document, size, &classes).into_drawing_area(),
        &theme,
    );
    // One element a line, between the document's first and last. What the stylesheet
    // says for every picture is left out: the font, a line's width of 1, and the halo
    // that the charts draw as copies of their words in the panel's colour (the theme's
    // background) all round them (the stylesheet draws it as the words' outline).
    let panel = classes
        .iter()
        .find(|(colour, _)| *colour == theme.background)
        .map_or("", |(_, name)| name);
    let halo = format!("class=\"cf-{panel}\">");
    document
        .lines()
        .skip(1)
        .filter(|line| *line != "</svg>" && !(line.starts_with("<text") && line.contains(&halo)))
        .map(|line| {
            line.replace(" font-family=\"sans-serif\"", "")
                .replace(" stroke-width=\"1\"", "")
        })
        .partition(|line| !line.starts_with("<text"))
}

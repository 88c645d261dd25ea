//! What a frame is drawn with: flat shapes in CSS pixels, in painting order, each with a
//! role that the painter turns into one of the page's colours.

/// The mark that stands for the channels a volume leaves out, between those it draws: a
/// mark, not words, which the painter draws without a halo (its dots would read as rings).
pub const LEFT_OUT: &str = "⋯";

/// A role, which the painter turns into a colour of the page's palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// A channel sheet of data that is not being read.
    Slice,
    Padding,
    /// Grid lines and the outlines of sheets.
    Line,
    /// Output values already written.
    Done,
    /// Input cells read by this step.
    Read,
    Filter,
    /// The output value this step writes.
    Write,
    Ink,
    Muted,
    /// The canvas's own background, behind the lens.
    Panel,
}

/// Each paint and the stylesheet's variable for its colour: the canvas reads them, and
/// the first frame drawn at build time as SVG (`svg`) is coloured by rules that use them.
pub const PAINTS: [(Paint, &str); 10] = [
    (Paint::Slice, "--anim-slice"),
    (Paint::Padding, "--anim-padding"),
    (Paint::Line, "--anim-line"),
    (Paint::Done, "--anim-done"),
    (Paint::Read, "--anim-read"),
    (Paint::Filter, "--anim-filter"),
    (Paint::Write, "--standard"),
    (Paint::Ink, "--ink"),
    (Paint::Muted, "--muted"),
    (Paint::Panel, "--panel"),
];

/// Line widths in CSS px: outlines of what is lit or written stand out from the grid.
pub fn line_width(paint: Paint) -> f64 {
    match paint {
        Paint::Ink | Paint::Write => 1.6,
        _ => 1.0,
    }
}

/// The width of the halo round a label, in CSS px: half of it shows outside the glyphs.
pub const HALO_WIDTH: f64 = 3.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

pub type Point = (f64, f64);

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A four-cornered patch (a sheet, a cell, a run of cells), filled, outlined or both.
    Quad {
        corners: [Point; 4],
        fill: Option<Paint>,
        stroke: Option<Paint>,
    },
    /// Straight segments stroked together (a sheet's grid, the edges of a volume).
    Lines {
        segments: Vec<[Point; 2]>,
        paint: Paint,
    },
    Text {
        at: Point,
        text: String,
        paint: Paint,
        size: f64,
        anchor: Anchor,
    },
}

impl Shape {
    pub fn fill(corners: [Point; 4], paint: Paint) -> Shape {
        Shape::Quad {
            corners,
            fill: Some(paint),
            stroke: None,
        }
    }

    pub fn outline(corners: [Point; 4], paint: Paint) -> Shape {
        Shape::Quad {
            corners,
            fill: None,
            stroke: Some(paint),
        }
    }

    pub fn text(at: Point, text: impl Into<String>, paint: Paint, size: f64) -> Shape {
        Shape::Text {
            at,
            text: text.into(),
            paint,
            size,
            anchor: Anchor::Middle,
        }
    }
}

/// An axis-aligned rectangle on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn centre(&self) -> Point {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    pub fn corners(&self) -> [Point; 4] {
        let (r, b) = (self.x + self.w, self.y + self.h);
        [(self.x, self.y), (r, self.y), (r, b), (self.x, b)]
    }

    /// The rectangle less `m` on every side.
    pub fn inset(&self, m: f64) -> Rect {
        Rect {
            x: self.x + m,
            y: self.y + m,
            w: (self.w - 2.0 * m).max(0.0),
            h: (self.h - 2.0 * m).max(0.0),
        }
    }

    /// The top `share` of the rectangle and the rest (or left and right when `across`).
    pub fn split(&self, share: f64, across: bool) -> (Rect, Rect) {
        if across {
            let w = self.w * share;
            (
                Rect { w, ..*self },
                Rect {
                    x: self.x + w,
                    w: self.w - w,
                    ..*self
                },
            )
        } else {
            let h = self.h * share;
            (
                Rect { h, ..*self },
                Rect {
                    y: self.y + h,
                    h: self.h - h,
                    ..*self
                },
            )
        }
    }

    /// Whether the two share any point (edges touching count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x <= other.x + other.w
            && other.x <= self.x + self.w
            && self.y <= other.y + other.h
            && other.y <= self.y + self.h
    }

    /// The smallest rectangle holding every point.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in points {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        Rect {
            x: x0,
            y: y0,
            w: (x1 - x0).max(0.0),
            h: (y1 - y0).max(0.0),
        }
    }
}

/// What the drawing shows of the cells this step reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LitReport {
    /// Over the lit cells drawn, the smallest fraction of a cell's face that nothing
    /// painted after it covers (where a cell is drawn twice, the better view counts).
    pub visible: f64,
    /// The on-screen size in CSS px of one lit cell where it is drawn largest.
    pub cell_px: f64,
    /// Whether a magnified lens is drawn.
    pub lens: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub lit: LitReport,
}

impl Scene {
    /// The smallest text in the scene, in CSS pixels once painted on a canvas of
    /// `(width, height)` CSS pixels (the painter scales the scene to fit it).
    pub fn smallest_text(&self, (width, height): (f64, f64)) -> Option<f64> {
        let fit = (width / self.width).min(height / self.height);
        self.shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Text { size, .. } => Some(size * fit),
                _ => None,
            })
            .reduce(f64::min)
    }
}

//! What to draw for one frame, as a list of shapes: three tensors (what is read, the
//! filter, what is written) side by side on a wide canvas or one above the other on a
//! tall one, each a stack of channel slices seen at an angle. Past a few slices or a few dozen cells it draws a
//! summary instead (some slices, an ellipsis, coarser grid lines), so the work per
//! frame stays bounded however large the layer.

use super::timeline::{pad_before, Frame, Phase, Timeline};
use crate::i18n::Lang;

/// Where the three tensors go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Top-left corners of the front slices of the source and target stacks.
    src: (f64, f64),
    dst: (f64, f64),
    /// The centre of the filter.
    filter: (f64, f64),
    /// Whether the data flows down the page rather than across it.
    tall: bool,
}

impl Layout {
    /// Side by side, for a projector or a laptop.
    pub const WIDE: Layout = Layout {
        width: 960.0,
        height: 320.0,
        src: (40.0, 100.0),
        dst: (620.0, 100.0),
        filter: (430.0, 190.0),
        tall: false,
    };
    /// One above the other, for a phone held upright.
    pub const TALL: Layout = Layout {
        width: 420.0,
        height: 725.0,
        src: (120.0, 95.0),
        dst: (120.0, 530.0),
        filter: (195.0, 360.0),
        tall: true,
    };
}
/// At most this many slices of a stack are drawn; the rest become an ellipsis.
const MAX_SLICES: u32 = 5;
/// Above this many cells a side, grid lines are drawn every few cells.
const MAX_GRID: u32 = 24;
/// Above this kernel size, the window is drawn as one outline instead of cell by cell.
const MAX_WINDOW_CELLS: u32 = 7;

/// A role, which the painter turns into a colour of the page's palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Slice,
    Padding,
    Line,
    Done,
    Read,
    Filter,
    Write,
    Ink,
    Muted,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A four-cornered patch (a slice, a cell, a run of cells).
    Quad {
        corners: [(f64, f64); 4],
        fill: Option<Paint>,
        stroke: Option<Paint>,
    },
    Line {
        from: (f64, f64),
        to: (f64, f64),
        paint: Paint,
    },
    Text {
        at: (f64, f64),
        text: String,
        paint: Paint,
        size: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

/// A stack of square slices drawn at an angle: slice k sits up and to the right of k−1.
struct Stack {
    x: f64,
    y: f64,
    side: f64,
    cells: u32,
    /// Which slices are drawn, front to back; None marks an ellipsis.
    slices: Vec<Option<u32>>,
}

impl Stack {
    fn new(x: f64, y: f64, side: f64, cells: u32, count: u32, active: Option<u32>) -> Stack {
        Stack {
            x,
            y,
            side,
            cells: cells.max(1),
            slices: visible(count, active),
        }
    }

    /// The offset of the k-th drawn slice (0 in front).
    fn shift(&self, k: usize) -> (f64, f64) {
        let depth = (self.side * 0.11).clamp(6.0, 16.0);
        (k as f64 * depth, -(k as f64) * depth * 0.8)
    }

    /// The corners of cells [r0, r1) x [c0, c1) on the k-th drawn slice.
    fn quad(&self, k: usize, (r0, r1): (f64, f64), (c0, c1): (f64, f64)) -> [(f64, f64); 4] {
        let (dx, dy) = self.shift(k);
        let cell = self.side / f64::from(self.cells);
        let (left, right) = (self.x + dx + c0 * cell, self.x + dx + c1 * cell);
        let (top, bottom) = (self.y + dy + r0 * cell, self.y + dy + r1 * cell);
        [(left, top), (right, top), (right, bottom), (left, bottom)]
    }

    /// Where slice `index` is drawn, if it is.
    fn position(&self, index: u32) -> Option<usize> {
        self.slices.iter().position(|s| *s == Some(index))
    }
}

/// Which of `count` slices to draw, front to back: all when few, else the first two,
/// the active one, the last, with ellipses between.
fn visible(count: u32, active: Option<u32>) -> Vec<Option<u32>> {
    if count <= MAX_SLICES {
        return (0..count).map(Some).collect();
    }
    let mut picks = vec![0, 1, count - 1];
    if let Some(a) = active {
        picks.push(a.min(count - 1));
    }
    picks.sort_unstable();
    picks.dedup();
    let mut out = Vec::new();
    for (i, &p) in picks.iter().enumerate() {
        if i > 0 && p > picks[i - 1] + 1 {
            out.push(None);
        }
        out.push(Some(p));
    }
    out
}

/// Draws a stack back to front: each slice's face, grid and `marks` (what is read or
/// written on it), and the ellipses. Slices in front of the `focus` slice are drawn as
/// outlines only, so that the slice being worked on shows through them.
fn draw_stack(
    shapes: &mut Vec<Shape>,
    stack: &Stack,
    fill: Paint,
    pad: Option<(u32, u32)>,
    focus: Option<u32>,
    mut marks: impl FnMut(&mut Vec<Shape>, usize, u32),
) {
    let n = f64::from(stack.cells);
    let front_of_focus = focus.and_then(|f| stack.position(f)).unwrap_or(0);
    for (k, slice) in stack.slices.iter().enumerate().rev() {
        let Some(index) = *slice else {
            let (dx, dy) = stack.shift(k);
            shapes.push(Shape::Text {
                at: (stack.x + dx + stack.side + 4.0, stack.y + dy + 6.0),
                text: "⋯".to_owned(),
                paint: Paint::Muted,
                size: 16.0,
            });
            continue;
        };
        let whole = stack.quad(k, (0.0, n), (0.0, n));
        if k < front_of_focus {
            shapes.push(Shape::Quad {
                corners: whole,
                fill: None,
                stroke: Some(Paint::Line),
            });
            continue;
        }
        shapes.push(Shape::Quad {
            corners: whole,
            fill: Some(if pad.is_some() { Paint::Padding } else { fill }),
            stroke: Some(Paint::Line),
        });
        if let Some((before, after)) = pad {
            let inner = (f64::from(before), n - f64::from(after));
            shapes.push(Shape::Quad {
                corners: stack.quad(k, inner, inner),
                fill: Some(fill),
                stroke: None,
            });
        }
        marks(shapes, k, index);
        grid(shapes, stack, k);
    }
}

/// Grid lines of the k-th drawn slice: every cell when few, else every few cells.
fn grid(shapes: &mut Vec<Shape>, stack: &Stack, k: usize) {
    let every = stack.cells.div_ceil(MAX_GRID);
    let n = f64::from(stack.cells);
    for i in (every..stack.cells).step_by(every as usize) {
        let t = f64::from(i);
        let row = stack.quad(k, (t, t), (0.0, n));
        let col = stack.quad(k, (0.0, n), (t, t));
        shapes.push(Shape::Line {
            from: row[0],
            to: row[1],
            paint: Paint::Line,
        });
        shapes.push(Shape::Line {
            from: col[0],
            to: col[3],
            paint: Paint::Line,
        });
    }
}

/// The cells the window reads on the k-th drawn slice of the (padded) input.
fn window(
    shapes: &mut Vec<Shape>,
    stack: &Stack,
    k: usize,
    origin: (f64, f64),
    size: u32,
    dilation: u32,
) {
    let (top, left) = origin;
    if size <= MAX_WINDOW_CELLS {
        for a in 0..size {
            for b in 0..size {
                let r = top + f64::from(a * dilation);
                let c = left + f64::from(b * dilation);
                shapes.push(Shape::Quad {
                    corners: stack.quad(k, (r, r + 1.0), (c, c + 1.0)),
                    fill: Some(Paint::Read),
                    stroke: None,
                });
            }
        }
    } else {
        let span = f64::from((size - 1) * dilation + 1);
        shapes.push(Shape::Quad {
            corners: stack.quad(k, (top, top + span), (left, left + span)),
            fill: Some(Paint::Read),
            stroke: Some(Paint::Ink),
        });
    }
}

/// Outputs written so far on slice `index` of the target: all of it for a slice
/// before `group`, and on slice `group` the rows before `row` and the cells up to `col`.
fn done(shapes: &mut Vec<Shape>, stack: &Stack, k: usize, index: u32, frame: &Frame) {
    let n = f64::from(stack.cells);
    let finished = index < frame.group || (index == frame.group && frame.phase_done);
    if finished {
        shapes.push(quad(stack.quad(k, (0.0, n), (0.0, n)), Paint::Done));
    } else if index == frame.group && frame.mults_step > 0 {
        let (row, col) = (f64::from(frame.row), f64::from(frame.col));
        if row > 0.0 {
            shapes.push(quad(stack.quad(k, (0.0, row), (0.0, n)), Paint::Done));
        }
        shapes.push(quad(
            stack.quad(k, (row, row + 1.0), (0.0, col + 1.0)),
            Paint::Done,
        ));
        shapes.push(Shape::Quad {
            corners: stack.quad(k, (row, row + 1.0), (col, col + 1.0)),
            fill: Some(Paint::Write),
            stroke: Some(Paint::Ink),
        });
    }
}

fn quad(corners: [(f64, f64); 4], paint: Paint) -> Shape {
    Shape::Quad {
        corners,
        fill: Some(paint),
        stroke: None,
    }
}

fn label(shapes: &mut Vec<Shape>, x: f64, y: f64, text: String, paint: Paint) {
    shapes.push(Shape::Text {
        at: (x, y),
        text,
        paint,
        size: 15.0,
    });
}

/// The scene for `frame` of `timeline`, laid out by `layout`, labelled in `lang`.
pub fn scene(timeline: &Timeline, frame: &Frame, layout: Layout, lang: Lang) -> Scene {
    let input = lang.tr("input", "输入");
    let dw_output = lang.tr("depthwise output", "深度卷积输出");
    let output = lang.tr("output", "输出");
    let filter = lang.tr("filter", "卷积核");
    let costs = timeline.costs;
    let l = costs.layer;
    let dp = costs.dp;
    let mut shapes = Vec::new();
    let side = 150.0;

    // What this phase reads, and its size and depth.
    let (src_cells, src_depth, src_name, pad) = match frame.phase {
        Phase::Standard | Phase::Depthwise => {
            let before = pad_before(&costs);
            let span = l.dilation * (l.dk - 1) + 1;
            let reach = (dp - 1) * l.stride + span;
            let after = reach.saturating_sub(l.df + before);
            let name = format!("{input} {}×{}×{}", l.df, l.df, l.m);
            (l.df + before + after, l.m, name, (before, after))
        }
        Phase::Pointwise => (dp, l.m, format!("{dw_output} {dp}×{dp}×{}", l.m), (0, 0)),
    };
    // The input channels one step reads: one in the depthwise step, the filter's group
    // of M/g in a grouped standard layer, all of them otherwise.
    let reads = match frame.phase {
        Phase::Depthwise => Some((frame.group, frame.group + 1)),
        Phase::Standard if l.groups > 1 => {
            let per_group = l.m / l.groups;
            let group = frame.group / (l.n / l.groups).max(1);
            Some((group * per_group, (group + 1) * per_group))
        }
        Phase::Standard | Phase::Pointwise => None,
    };
    let active_src = reads.map(|(first, _)| first);
    let src = Stack::new(
        layout.src.0,
        layout.src.1,
        side,
        src_cells,
        src_depth,
        active_src,
    );
    let padded = (pad.0 + pad.1 > 0).then_some(pad);

    // Where the window reads, on the slices it reads.
    let (origin, size, dilation) = match frame.phase {
        Phase::Pointwise => ((f64::from(frame.row), f64::from(frame.col)), 1, 1),
        Phase::Standard | Phase::Depthwise => {
            let (top, left) = timeline.window_origin(frame.row, frame.col);
            let shift = i64::from(pad.0);
            (
                ((top + shift) as f64, (left + shift) as f64),
                l.dk,
                l.dilation,
            )
        }
    };
    draw_stack(
        &mut shapes,
        &src,
        Paint::Slice,
        padded,
        active_src,
        |shapes, k, index| {
            if reads.is_none_or(|(first, end)| (first..end).contains(&index)) {
                window(shapes, &src, k, origin, size, dilation);
            }
        },
    );

    // The filter: Dk x Dk x M (M/g when grouped), Dk x Dk x 1, or 1 x 1 x M.
    let per_group = l.m / l.groups.max(1);
    let (f_cells, f_depth, f_name) = match frame.phase {
        Phase::Standard => (
            l.dk,
            per_group,
            format!("{filter} {}×{}×{per_group}", l.dk, l.dk),
        ),
        Phase::Depthwise => (l.dk, 1, format!("{filter} {}×{}×1", l.dk, l.dk)),
        Phase::Pointwise => (1, l.m, format!("{filter} 1×1×{}", l.m)),
    };
    let f_side = if f_cells == 1 { 22.0 } else { 70.0 };
    let (fx, fy) = layout.filter;
    let filter = Stack::new(
        fx - f_side / 2.0,
        fy - f_side / 2.0,
        f_side,
        f_cells,
        f_depth,
        None,
    );
    draw_stack(
        &mut shapes,
        &filter,
        Paint::Filter,
        None,
        None,
        |_, _, _| {},
    );

    // What this phase writes.
    let (dst_depth, dst_name) = match frame.phase {
        Phase::Depthwise => (l.m, format!("{dw_output} {dp}×{dp}×{}", l.m)),
        Phase::Standard | Phase::Pointwise => (l.n, format!("{output} {dp}×{dp}×{}", l.n)),
    };
    let dst = Stack::new(
        layout.dst.0,
        layout.dst.1,
        side,
        dp,
        dst_depth,
        Some(frame.group),
    );
    draw_stack(
        &mut shapes,
        &dst,
        Paint::Slice,
        None,
        Some(frame.group),
        |shapes, k, index| done(shapes, &dst, k, index, frame),
    );

    // Arrows of the data flow, and the names under each tensor.
    let (sx, sy) = layout.src;
    let (dx, dy) = layout.dst;
    let arrows = if layout.tall {
        let x = sx + side / 2.0;
        [
            ((x, sy + side + 45.0), (x, fy - 45.0)),
            ((x, fy + 120.0), (x, dy - 25.0)),
        ]
    } else {
        [
            ((sx + side + 40.0, fy), (fx - 50.0, fy)),
            ((fx + f_side / 2.0 + 50.0, fy), (dx - 15.0, fy)),
        ]
    };
    for (from, to) in arrows {
        shapes.push(Shape::Line {
            from,
            to,
            paint: Paint::Muted,
        });
        let (head, at) = if layout.tall {
            ("⌄", (to.0 - 6.0, to.1 + 4.0))
        } else {
            ("›", (to.0 - 6.0, to.1 - 1.0))
        };
        shapes.push(Shape::Text {
            at,
            text: head.to_owned(),
            paint: Paint::Muted,
            size: 22.0,
        });
    }
    label(&mut shapes, sx, sy + side + 30.0, src_name, Paint::Ink);
    label(&mut shapes, fx - 50.0, fy + 90.0, f_name, Paint::Ink);
    label(&mut shapes, dx, dy + side + 30.0, dst_name, Paint::Ink);
    let (group, of) = (frame.group + 1, frame.groups);
    let which = match lang {
        Lang::En => format!("{} {group} of {of}", frame.phase.group_name()),
        Lang::Zh => match frame.phase {
            Phase::Depthwise => format!("第 {group} 个通道，共 {of} 个"),
            Phase::Standard | Phase::Pointwise => format!("第 {group} 个卷积核，共 {of} 个"),
        },
    };
    label(&mut shapes, fx - 50.0, fy + 112.0, which, Paint::Muted);
    Scene {
        width: layout.width,
        height: layout.height,
        shapes,
    }
}

//! One tensor (an input, an output or a filter) drawn in a box, as a volume of channel
//! sheets seen by the camera or as its sheets side by side. Channel 1 is the farthest
//! sheet, so that outputs fill towards the reader and the sheet being written is never
//! behind one already done. The cells a step reads are painted last, over every sheet,
//! so that a column through all channels shows on each of them. Past a few sheets, and
//! past a few dozen grid lines, it draws a stand-in (some sheets, every k-th line) and
//! says so, so the work per frame stays bounded however large the layer.

use super::camera::{Look, Rotation};
use super::occlusion::Face;
use super::shape::{Anchor, Paint, Point, Rect, Shape, LEFT_OUT};

/// At most this many sheets in a volume, and slices side by side.
const MAX_SHEETS: u32 = 6;
const MAX_SLICES: u32 = 8;
/// A cell is never drawn larger than this (a 2 x 2 input would fill the canvas).
const MAX_CELL_PX: f64 = 40.0;
/// Grid lines at least this far apart, and never more than this many a side.
const MIN_GRID_PX: f64 = 4.0;
const MAX_GRID_LINES: u32 = 32;
/// Above this kernel size, or below this cell size, a window is one block.
const MAX_WINDOW_CELLS: u32 = 7;
const MIN_WINDOW_CELL_PX: f64 = 3.0;
/// A cell drawn smaller than this gets a ring round it, so that it can be found.
const RING_PX: f64 = 10.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Data,
    Output,
    Filter,
}

/// How far an output has been written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Nothing,
    /// Every channel before `channel`, and on `channel` each cell up to (row, col).
    Upto {
        channel: u32,
        row: u32,
        col: u32,
    },
    All,
}

/// The cells one step reads, in the tensor's own (padded) coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First and last channel, inclusive.
    pub channels: (u32, u32),
    pub top: u32,
    pub left: u32,
    pub size: u32,
    pub dilation: u32,
}

impl Window {
    /// Cells from the window's first row to its last.
    pub fn span(&self) -> u32 {
        (self.size.max(1) - 1) * self.dilation.max(1) + 1
    }
}

/// A block of cells, half-open: rows r0..r1, columns c0..c1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cells {
    pub r0: u32,
    pub r1: u32,
    pub c0: u32,
    pub c1: u32,
}

impl Cells {
    fn clip(&self, (r0, r1): (u32, u32), (c0, c1): (u32, u32)) -> Option<Cells> {
        let c = Cells {
            r0: r0.max(self.r0),
            r1: r1.min(self.r1),
            c0: c0.max(self.c0),
            c1: c1.min(self.c1),
        };
        (c.r0 < c.r1 && c.c0 < c.c1).then_some(c)
    }

    fn contains(&self, row: u32, col: u32) -> bool {
        (self.r0..self.r1).contains(&row) && (self.c0..self.c1).contains(&col)
    }
}

/// What to draw of one tensor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tensor {
    /// Cells a side, padding included.
    pub side: u32,
    pub channels: u32,
    /// Padding rows before and after the data, on each side.
    pub pad: (u32, u32),
    pub kind: Kind,
    pub progress: Progress,
    pub read: Option<Window>,
    /// (channel, row, column) written by this step.
    pub write: Option<(u32, u32, u32)>,
    /// The channel being worked on: sheets nearer the eye are drawn see-through.
    pub focus: Option<u32>,
    /// Not part of this phase: outlines only.
    pub dim: bool,
}

impl Tensor {
    pub fn whole(&self) -> Cells {
        Cells {
            r0: 0,
            r1: self.side,
            c0: 0,
            c1: self.side,
        }
    }

    /// The channel that decides which sheets a stand-in keeps.
    fn active(&self) -> Option<u32> {
        self.focus
            .or(self.write.map(|(c, _, _)| c))
            .or(self.read.map(|w| w.channels.0))
    }
}

/// Where a tensor landed on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    view: Cells,
    slots: usize,
    projection: Projection,
}

#[derive(Clone, Debug, PartialEq)]
enum Projection {
    Volume {
        rot: Rotation,
        scale: f64,
        origin: Point,
        gap: f64,
    },
    Flat {
        cell: f64,
        origins: Vec<Point>,
    },
}

impl Placement {
    /// The screen point of (row, col) on the sheet in `slot`, in cells of the tensor.
    pub fn point(&self, slot: usize, row: f64, col: f64) -> Point {
        let (x, y) = (col - f64::from(self.view.c0), row - f64::from(self.view.r0));
        match &self.projection {
            Projection::Volume {
                rot,
                scale,
                origin,
                gap,
            } => {
                let z = (self.slots - 1 - slot) as f64 * gap;
                let (sx, sy, _) = rot.apply((x, -y, z));
                (origin.0 + scale * sx, origin.1 - scale * sy)
            }
            Projection::Flat { cell, origins } => {
                let (ox, oy) = origins[slot];
                (ox + x * cell, oy + y * cell)
            }
        }
    }

    /// Where the sheets' numbers go ([`numbers_way`]).
    fn beside(&self) -> Point {
        match &self.projection {
            Projection::Volume { rot, .. } => numbers_way(*rot, self.slots),
            Projection::Flat { .. } => (1.0, 1.0),
        }
    }

    /// The corner of the sheet in `slot` farthest the way `towards` goes.
    fn corner_towards(&self, slot: usize, towards: Point) -> Point {
        let v = self.view;
        let reach = |p: Point| p.0 * towards.0 + p.1 * towards.1;
        let mut best = self.point(slot, f64::from(v.r0), f64::from(v.c0));
        for (row, col) in [(v.r0, v.c1), (v.r1, v.c0), (v.r1, v.c1)] {
            let p = self.point(slot, f64::from(row), f64::from(col));
            if reach(p) > reach(best) {
                best = p;
            }
        }
        best
    }

    /// How far the sheet in `slot` is from the eye (larger is farther).
    fn depth(&self, slot: usize) -> f64 {
        match &self.projection {
            Projection::Volume { rot, gap, .. } => {
                let z = (self.slots - 1 - slot) as f64 * gap;
                rot.apply((0.0, 0.0, z)).2
            }
            Projection::Flat { .. } => 0.0,
        }
    }

    fn quad(&self, slot: usize, (r0, r1): (f64, f64), (c0, c1): (f64, f64)) -> [Point; 4] {
        [
            self.point(slot, r0, c0),
            self.point(slot, r0, c1),
            self.point(slot, r1, c1),
            self.point(slot, r1, c0),
        ]
    }

    fn cells(&self, slot: usize, c: Cells) -> [Point; 4] {
        self.quad(
            slot,
            (f64::from(c.r0), f64::from(c.r1)),
            (f64::from(c.c0), f64::from(c.c1)),
        )
    }

    /// The on-screen size of one cell: the shorter of its two projected edges.
    pub fn cell_px(&self) -> f64 {
        let o = self.point(0, 0.0, 0.0);
        let length = |p: Point| ((p.0 - o.0).powi(2) + (p.1 - o.1).powi(2)).sqrt();
        length(self.point(0, 0.0, 1.0)).min(length(self.point(0, 1.0, 0.0)))
    }

    /// The screen rectangle that a block of cells takes up through every sheet.
    pub fn bounds(&self, c: Cells) -> Rect {
        Rect::around((0..self.slots).flat_map(|slot| self.cells(slot, c)))
    }

    /// The screen rectangle that a block of cells takes up on the sheet in `slot`.
    pub fn bounds_on(&self, slot: usize, c: Cells) -> Rect {
        Rect::around(self.cells(slot, c))
    }
}

/// Which channels to draw, in order; None marks channels left out. All when few, else
/// the first two, the active one and its neighbour, and the last.
pub fn slots(count: u32, active: Option<u32>, look: Look) -> Vec<Option<u32>> {
    let max = match look {
        Look::Volume => MAX_SHEETS,
        Look::Slices => MAX_SLICES,
    };
    if count <= max {
        return (0..count).map(Some).collect();
    }
    let mut picks = vec![0, 1, count - 1];
    if let Some(a) = active.map(|a| a.min(count - 1)) {
        picks.push(a);
        picks.push((a + 1).min(count - 1));
    }
    crate::few::sort_by_key(&mut picks, |&p| p);
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

/// The grid's step: every cell when they are large, else every k-th line, k a round
/// number, so that lines stay apart and few.
fn grid_every(cells: u32, cell_px: f64) -> u32 {
    [
        1, 2, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100, 128, 256, 512, 1024,
    ]
    .into_iter()
    .find(|&k| f64::from(k) * cell_px >= MIN_GRID_PX && cells / k <= MAX_GRID_LINES)
    .unwrap_or(cells.max(1))
}

/// How a tensor was drawn, for the words under it and for the lit cells' report.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub placement: Placement,
    /// Lit cells as painted, for the occlusion report.
    pub faces: Vec<Face>,
    /// Each slot's channel, or `None` for the mark of those left out.
    pub slots: Vec<Option<u32>>,
    pub grid_every: u32,
}

impl Drawn {
    /// How many channels are drawn.
    pub fn sheets(&self) -> u32 {
        self.slots.iter().flatten().count() as u32
    }

    /// The slots that hold a drawn channel.
    pub fn sheet_slots(&self) -> impl Iterator<Item = usize> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(slot, channel)| channel.map(|_| slot))
    }
}

/// The channels' numbers beside a volume's sheets: their size, and their gap from the
/// sheet's corner.
const LABEL_SIZE: f64 = 12.0;
const LABEL_GAP: f64 = 4.0;
/// How wide a digit of the sans faces is, in em, rounded up: for words set on the canvas,
/// which has no layout to ask.
pub const DIGIT_EM: f64 = 0.64;

/// How far beside a volume its channels' numbers reach, for `channels` channels.
pub fn label_room(channels: u32) -> f64 {
    let digits = channels.max(1).ilog10() + 1;
    // At 0.56 em a digit: the gap before the number holds what its digits take beyond
    // that (up to DIGIT_EM, 0.08 em each: under 4 px for four digits at 12 px), and the
    // narrow volumes of a phone's column keep their width.
    LABEL_GAP + f64::from(digits) * LABEL_SIZE * 0.56
}

/// Which sheets of `t` show, and where its `view` lands when fitted into `area`; what
/// [`draw`] draws, without drawing it.
pub fn place(
    t: &Tensor,
    look: Look,
    rot: Rotation,
    area: Rect,
    view: Cells,
) -> (Vec<Option<u32>>, Placement) {
    let slots = match (t.focus, look) {
        // A lens on a volume with a sheet in focus keeps it and the one behind it: the
        // sheets in front are see-through and would only frame empty space.
        (Some(f), Look::Volume) if view != t.whole() => {
            (f.saturating_sub(1)..=f).map(Some).collect()
        }
        _ => slots(t.channels, t.active(), look),
    };
    let span = t.read.map_or(1, |w| w.span().min(view.c1 - view.c0));
    let placement = match look {
        Look::Volume => {
            let room = (label_room(t.channels), LABEL_SIZE + 3.0);
            fit_volume(view, slots.len(), span, rot, area, room)
        }
        Look::Slices => fit_flat(view, slots.len(), area),
    };
    (slots, placement)
}

/// Where the numbers of a volume's `slots` sheets go, seen through `rot`: across the
/// stack on the screen. The sheets behind one lie to one side of a sheet and those in
/// front to the other, so that beside its corners this way, its number lies on no other
/// sheet. Of the two ways across, the one more to the lower right (down and right for a
/// volume seen from above and left); down and right for a single sheet.
fn numbers_way(rot: Rotation, slots: usize) -> Point {
    // Towards the sheets behind, on the screen (whose y runs down).
    let (x, y, _) = rot.apply((0.0, 0.0, 1.0));
    let (dx, dy) = (x, -y);
    match slots < 2 || (dx == 0.0 && dy == 0.0) {
        true => (1.0, 1.0),
        false if dx >= dy => (-dy, dx),
        false => (dy, -dx),
    }
}

/// Fits the tensor's `view` (its whole, or the lens's crop) into `area` and draws it.
pub fn draw(
    out: &mut Vec<Shape>,
    t: &Tensor,
    look: Look,
    rot: Rotation,
    area: Rect,
    view: Cells,
) -> Drawn {
    let (slots, placement) = place(t, look, rot, area, view);
    let cell_px = placement.cell_px();
    let every = grid_every(view.c1 - view.c0, cell_px);
    // Far sheets first. Depth changes evenly from one slot to the next, so the order is
    // the slots' or its reverse (and no sort needs to ship).
    let mut order: Vec<usize> = (0..slots.len()).collect();
    if placement.depth(0) < placement.depth(slots.len().saturating_sub(1)) {
        order.reverse();
    }

    if look == Look::Volume && slots.len() > 1 {
        // The volume's four edges in depth, behind every sheet.
        let last = slots.len() - 1;
        let (front, back) = (placement.cells(last, view), placement.cells(0, view));
        out.push(Shape::Lines {
            segments: (0..4).map(|i| [back[i], front[i]]).collect(),
            paint: Paint::Line,
        });
    }
    for &slot in &order {
        match slots[slot] {
            Some(channel) => sheet(out, t, &placement, (slot, channel), view, every, look),
            None => {
                // Beside the volume's sheets, in depth; among slices, where the slice
                // would be (beside its slot, in a grid of them, it fell on the next
                // column's slice or past the grid's edge, under the arrow).
                let mid = f64::from(view.r0 + view.r1) / 2.0;
                let (col, shift) = match look {
                    Look::Volume => (f64::from(view.c1), (10.0, 0.0)),
                    Look::Slices => (f64::from(view.c0 + view.c1) / 2.0, (0.0, 5.4)),
                };
                let at = placement.point(slot, mid, col);
                out.push(Shape::text(
                    (at.0 + shift.0, at.1 + shift.1),
                    LEFT_OUT,
                    Paint::Muted,
                    18.0,
                ));
            }
        }
    }
    let step_from = out.len();
    let mut faces = Vec::new();
    if let Some(window) = t.read.filter(|_| !t.dim) {
        let (first, last) = window.channels;
        for &slot in &order {
            if let Some(channel) = slots[slot].filter(|c| (first..=last).contains(c)) {
                lit(out, &mut faces, &placement, slot, channel, window, view);
            }
        }
    }
    if let Some((channel, row, col)) = t.write.filter(|&(_, r, c)| view.contains(r, c)) {
        if let Some(slot) = slots.iter().position(|s| *s == Some(channel)) {
            let (r, c) = (f64::from(row), f64::from(col));
            let corners = placement.quad(slot, (r, r + 1.0), (c, c + 1.0));
            out.push(Shape::Quad {
                corners,
                fill: Some(Paint::Write),
                stroke: Some(Paint::Ink),
            });
            if cell_px < RING_PX {
                out.push(ring(&corners));
            }
        }
    }
    // The channels' numbers last, except any that would fall on the step's cells (a
    // sheet's corner, in some turns of the volume): drawn under them, "512"
    // read "51"; drawn over them, it hid the cell being written.
    let step_cells: Vec<Rect> = out[step_from..]
        .iter()
        .filter_map(|shape| match shape {
            Shape::Quad { corners, .. } => Some(Rect::around(*corners)),
            _ => None,
        })
        .collect();
    channel_numbers(out, &slots, &placement, view, look, &step_cells);
    Drawn {
        placement,
        faces,
        slots,
        grid_every: every,
    }
}

/// A square outline of at least RING_PX round a small patch.
pub fn ring(corners: &[Point; 4]) -> Shape {
    let r = Rect::around(*corners);
    let (cx, cy) = r.centre();
    let half = (r.w.max(r.h) / 2.0 + 3.0).max(RING_PX / 2.0);
    Shape::outline(
        Rect {
            x: cx - half,
            y: cy - half,
            w: 2.0 * half,
            h: 2.0 * half,
        }
        .corners(),
        Paint::Ink,
    )
}

/// Fits a volume into `area`, with `room` (across, down) kept on the sides where its
/// sheets' numbers go.
fn fit_volume(
    view: Cells,
    slots: usize,
    span: u32,
    rot: Rotation,
    area: Rect,
    room: (f64, f64),
) -> Placement {
    let (w, h) = (f64::from(view.c1 - view.c0), f64::from(view.r1 - view.r0));
    // Sheets far enough apart that a window on one leaves most of the window on the
    // next in view, and the volume at least about half as deep as it is wide.
    let gap = if slots > 1 {
        let between = (slots - 1) as f64;
        let (least, most) = (0.6 * w / between, (2.0 * w / between).max(1.0));
        (f64::from(span) + 0.6).max(least).min(most)
    } else {
        0.0
    };
    let depth = (slots.max(1) - 1) as f64 * gap;
    let mut corners = Vec::with_capacity(8);
    for x in [0.0, w] {
        for y in [0.0, -h] {
            for z in [0.0, depth] {
                corners.push(rot.apply((x, y, z)));
            }
        }
    }
    let span_of = |f: fn(&(f64, f64, f64)) -> f64| {
        let lo = corners.iter().map(f).fold(f64::MAX, f64::min);
        let hi = corners.iter().map(f).fold(f64::MIN, f64::max);
        (lo, hi)
    };
    let ((x0, x1), (y0, y1)) = (span_of(|c| c.0), span_of(|c| c.1));
    let (right, below) = numbers_way(rot, slots);
    let area = Rect {
        x: if right >= 0.0 {
            area.x
        } else {
            area.x + room.0
        },
        y: if below >= 0.0 {
            area.y
        } else {
            area.y + room.1
        },
        w: (area.w - room.0).max(0.0),
        h: (area.h - room.1).max(0.0),
    };
    let scale = (area.w / (x1 - x0).max(1e-9))
        .min(area.h / (y1 - y0).max(1e-9))
        .min(MAX_CELL_PX);
    let (cx, cy) = area.centre();
    Placement {
        view,
        slots,
        projection: Projection::Volume {
            rot,
            scale,
            origin: (cx - scale * (x0 + x1) / 2.0, cy + scale * (y0 + y1) / 2.0),
            gap,
        },
    }
}

/// Slices side by side, in as many rows as makes them largest.
fn fit_flat(view: Cells, slots: usize, area: Rect) -> Placement {
    let (w, h) = (f64::from(view.c1 - view.c0), f64::from(view.r1 - view.r0));
    let n = slots.max(1);
    // Between slices a third of one; above each, room for its number (LABEL_SIZE, and the
    // 5 px it stands off the slice) whatever the slices' size: a share of their height
    // left small slices' second row's numbers on the first row's slices.
    let label = LABEL_SIZE + 6.0;
    let size = |cols: usize| {
        let rows = n.div_ceil(cols) as f64;
        let cols = cols as f64;
        (area.w / (cols * w + (cols - 1.0) * w * 0.3))
            .min((area.h - rows * label).max(0.0) / (rows * h + (rows - 1.0) * h * 0.1))
    };
    let cols = (1..=n)
        .max_by(|&a, &b| size(a).total_cmp(&size(b)))
        .unwrap_or(1);
    let cell = size(cols).min(MAX_CELL_PX);
    let rows = n.div_ceil(cols);
    let (pitch_x, pitch_y) = (w * cell * 1.3, h * cell * 1.1 + label);
    let (total_w, total_h) = (
        cols as f64 * pitch_x - w * cell * 0.3,
        rows as f64 * pitch_y - h * cell * 0.1,
    );
    let (x, y) = (
        area.x + (area.w - total_w) / 2.0,
        area.y + (area.h - total_h) / 2.0 + label,
    );
    let origins = (0..n)
        .map(|i| {
            (
                x + (i % cols) as f64 * pitch_x,
                y + (i / cols) as f64 * pitch_y,
            )
        })
        .collect();
    Placement {
        view,
        slots: n,
        projection: Projection::Flat { cell, origins },
    }
}

/// One channel's sheet: its face, what is written on it, its grid and its outline.
fn sheet(
    out: &mut Vec<Shape>,
    t: &Tensor,
    p: &Placement,
    (slot, channel): (usize, u32),
    view: Cells,
    every: u32,
    look: Look,
) {
    let state = match t.progress {
        Progress::All => Progress::All,
        Progress::Upto { channel: c, .. } if channel < c => Progress::All,
        Progress::Upto { channel: c, .. } if channel > c => Progress::Nothing,
        other => other,
    };
    let see_through = t.dim
        || (look == Look::Volume && t.focus.is_some_and(|f| channel > f))
        || (t.kind == Kind::Output && state == Progress::Nothing);
    if !see_through {
        match t.kind {
            Kind::Data => {
                let (before, after) = t.pad;
                if before + after > 0 {
                    out.push(Shape::fill(p.cells(slot, view), Paint::Padding));
                }
                let data = (before, t.side - after);
                if let Some(inner) = view.clip(data, data) {
                    out.push(Shape::fill(p.cells(slot, inner), Paint::Slice));
                }
            }
            Kind::Filter => out.push(Shape::fill(p.cells(slot, view), Paint::Filter)),
            Kind::Output => match state {
                Progress::All => out.push(Shape::fill(p.cells(slot, view), Paint::Done)),
                Progress::Upto { row, col, .. } => {
                    out.push(Shape::fill(p.cells(slot, view), Paint::Slice));
                    let side = t.side;
                    for done in [
                        view.clip((0, row), (0, side)),
                        view.clip((row, row + 1), (0, col + 1)),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        out.push(Shape::fill(p.cells(slot, done), Paint::Done));
                    }
                }
                Progress::Nothing => {}
            },
        }
    }
    // A see-through sheet keeps only its outline: grids on grids would hide the point. A
    // lone sheet (the depthwise filter once its step is done, an output of one channel not
    // yet written) keeps its grid, which says what it is: without it, a blank card.
    if see_through && t.channels > 1 {
        out.push(Shape::outline(p.cells(slot, view), Paint::Line));
        return;
    }
    let mut segments = Vec::new();
    let first_line = |from: u32| from.div_ceil(every) * every;
    let mut r = first_line(view.r0 + 1);
    while r < view.r1 {
        let y = f64::from(r);
        segments.push([
            p.point(slot, y, f64::from(view.c0)),
            p.point(slot, y, f64::from(view.c1)),
        ]);
        r += every;
    }
    let mut c = first_line(view.c0 + 1);
    while c < view.c1 {
        let x = f64::from(c);
        segments.push([
            p.point(slot, f64::from(view.r0), x),
            p.point(slot, f64::from(view.r1), x),
        ]);
        c += every;
    }
    if !segments.is_empty() {
        out.push(Shape::Lines {
            segments,
            paint: Paint::Line,
        });
    }
    out.push(Shape::outline(p.cells(slot, view), Paint::Line));
}

/// The window's cells on one sheet, one by one when they are few and large enough to
/// see, else as one block (with a lattice of its cells kept for the report).
fn lit(
    out: &mut Vec<Shape>,
    faces: &mut Vec<Face>,
    p: &Placement,
    slot: usize,
    channel: u32,
    w: Window,
    view: Cells,
) {
    let step = w.dilation.max(1);
    let cell_at = |a: u32, b: u32| (w.top + a * step, w.left + b * step);
    // The cell (a, b) of the window as a face painted by the next shape, if in view.
    let face = |(a, b): (u32, u32), painted_at: usize| {
        let (r, c) = cell_at(a, b);
        view.contains(r, c).then(|| {
            let (y, x) = (f64::from(r), f64::from(c));
            Face {
                cell: (channel, r, c),
                corners: p.quad(slot, (y, y + 1.0), (x, x + 1.0)),
                painted_at,
            }
        })
    };
    let lit = |corners| Shape::Quad {
        corners,
        fill: Some(Paint::Read),
        stroke: Some(Paint::Ink),
    };
    if w.size <= MAX_WINDOW_CELLS && p.cell_px() >= MIN_WINDOW_CELL_PX {
        for a in 0..w.size {
            for b in 0..w.size {
                if let Some(f) = face((a, b), out.len()) {
                    out.push(lit(f.corners));
                    faces.push(f);
                }
            }
        }
        return;
    }
    let span = w.span();
    let Some(block) = view.clip((w.top, w.top + span), (w.left, w.left + span)) else {
        return;
    };
    let lattice = w.size.min(5);
    let pick = |k: u32| k * (w.size - 1) / (lattice - 1).max(1);
    for i in 0..lattice {
        for j in 0..lattice {
            faces.extend(face((pick(i), pick(j)), out.len()));
        }
    }
    let corners = p.cells(slot, block);
    out.push(lit(corners));
    if Rect::around(corners).w < RING_PX {
        out.push(ring(&corners));
    }
}

/// Each drawn sheet's channel number (1-based): beside its corner in a volume, where
/// the sheets are far enough apart to tell which is which; above each slice. None where
/// it would fall on one of `keep_clear`.
fn channel_numbers(
    out: &mut Vec<Shape>,
    slots: &[Option<u32>],
    p: &Placement,
    view: Cells,
    look: Look,
    keep_clear: &[Rect],
) {
    let (top, right) = (f64::from(view.r0), f64::from(view.c1));
    let apart = match slots.len() {
        0 | 1 => f64::MAX,
        _ => {
            let (a, b) = (p.point(0, top, right), p.point(1, top, right));
            ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
        }
    };
    let beside = p.beside();
    let last = slots.len().saturating_sub(1);
    // The last sheet's number first: it says how many channels there are, and where two
    // numbers would meet (a thin volume's first and last sheets), it is the one kept.
    let order = std::iter::once(last).chain(0..last);
    let mut placed: Vec<Rect> = Vec::new();
    for slot in order {
        let Some(channel) = slots.get(slot).copied().flatten() else {
            continue;
        };
        let text = (channel + 1).to_string();
        let wide = text.len() as f64 * LABEL_SIZE * DIGIT_EM;
        // The baseline is at `at`.
        let (at, anchor) = match look {
            Look::Volume if apart >= 14.0 || slot == 0 || slot == last => {
                // Off the corner, the way across the stack: on no other sheet.
                let (x, y) = p.corner_towards(slot, beside);
                let x = match beside.0 >= 0.0 {
                    true => x + LABEL_GAP,
                    false => x - LABEL_GAP - wide,
                };
                let y = match beside.1 >= 0.0 {
                    true => y + LABEL_SIZE * 0.9,
                    false => y - 3.0,
                };
                ((x, y), Anchor::Start)
            }
            Look::Volume => continue,
            Look::Slices => {
                let (x, y) = p.point(slot, top, f64::from(view.c0 + view.c1) / 2.0);
                ((x, y - 5.0), Anchor::Middle)
            }
        };
        let left = match anchor {
            Anchor::Middle => at.0 - wide / 2.0,
            _ => at.0,
        };
        let words = Rect {
            x: left,
            y: at.1 - LABEL_SIZE,
            w: wide,
            h: LABEL_SIZE * 1.25,
        };
        if keep_clear.iter().chain(&placed).any(|r| r.overlaps(&words)) {
            continue;
        }
        placed.push(words);
        out.push(Shape::Text {
            at,
            text,
            paint: Paint::Muted,
            size: LABEL_SIZE,
            anchor,
        });
    }
}

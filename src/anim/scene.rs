//! What to draw for one frame, in CSS pixels: the tensors of the convolution in order
//! (input, filter, output; or input, depthwise filter, depthwise output, pointwise
//! filter, output), each a volume or its slices, with what this step reads lit, the
//! filter beside it, and what is written so far filled. When a cell would be drawn
//! too small to see, a lens magnifies the window. The race draws the standard and the
//! separable convolution one above the other, at the same number of multiplications.

use super::camera::{Camera, Look, Rotation};
use super::occlusion::{least_visible, Face};
use super::shape::{Anchor, LitReport, Paint, Point, Rect, Scene, Shape};
use super::tensor::{self, label_room, Cells, Drawn, Kind, Progress, Tensor, Window};
use super::timeline::{Frame, Mode, Phase, Timeline};
use crate::format::thousands;
use crate::i18n::Lang;

/// A lit cell smaller than this (CSS px) gets a lens.
pub const LENS_PX: f64 = 8.0;
/// The lens shows at most this many cells a side.
const LENS_CELLS: u32 = 9;
/// A lens magnifies at least this much, or brings the cells to LENS_PX, or is not drawn.
const MIN_ZOOM: f64 = 1.5;
/// Lines of words under each tensor: its name, its size, and up to two notes.
const LABEL_LINES: usize = 4;

/// The canvas and how the reader looks at it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub width: f64,
    pub height: f64,
    pub look: Look,
    pub camera: Camera,
}

impl View {
    /// Whether the canvas is held upright (a phone): the tensors then go down the page.
    fn tall(&self) -> bool {
        self.height > self.width
    }

    /// Text size: larger on a larger canvas, never below 12 px.
    fn font(&self) -> f64 {
        if self.tall() {
            (self.width / 28.0).clamp(12.0, 18.0)
        } else {
            (self.width / 68.0).clamp(12.0, 24.0)
        }
    }
}

/// How a pipeline is drawn: the look, the camera, the text size and language, and how
/// many lines of words go with each tensor.
#[derive(Clone, Copy)]
struct Pen {
    look: Look,
    rot: Rotation,
    font: f64,
    lang: Lang,
    lines: usize,
}

/// One tensor of the pipeline with its words.
struct Item {
    tensor: Tensor,
    name: Note,
    dims: Note,
    note: Note,
    weight: f64,
}

impl Item {
    /// How wide its name and size are at `font`, and its own note at `small`, each in
    /// its shorter form.
    fn words_width(&self, font: f64, small: f64) -> f64 {
        let heading = self.name.least_width(font).max(self.dims.least_width(font));
        heading.max(self.note.least_width(small))
    }
}

/// A line of small words under a tensor, and a shorter way to say it where the long one
/// would not fit (a phone, a race's half, a blog's column), before anything is cut.
#[derive(Clone, Default)]
struct Note {
    long: String,
    short: String,
}

impl Note {
    fn new(long: String, short: String) -> Note {
        Note { long, short }
    }

    /// Words with no shorter form.
    fn plain(words: impl Into<String>) -> Note {
        Note::new(words.into(), String::new())
    }

    /// A tensor's sides and channels: "14×14×512".
    fn dims(side: u32, channels: u32) -> Note {
        Note::plain(format!("{side}×{side}×{channels}"))
    }

    /// How wide its shorter form runs at `size`.
    fn least_width(&self, size: f64) -> f64 {
        match self.short.is_empty() {
            true => text_width(&self.long, size),
            false => text_width(&self.short, size),
        }
    }

    /// Whether the long or the short words fit in `width` at `size` uncut.
    fn fits(&self, size: f64, width: f64) -> bool {
        self.least_width(size) <= width
    }

    /// The long words if they fit in `width` at `size`, else the short ones, cut if they
    /// must be.
    fn fitted(&self, size: f64, width: f64) -> String {
        let long = fit(&self.long, size, width);
        match long == self.long || self.short.is_empty() {
            true => long,
            false => fit(&self.short, size, width),
        }
    }
}

/// The scene for `frame` of `timeline` on `view`, labelled in `lang`.
pub fn scene(timeline: &Timeline, frame: &Frame, view: &View, lang: Lang) -> Scene {
    let mut shapes = Vec::new();
    let area = Rect {
        x: 0.0,
        y: 0.0,
        w: view.width,
        h: view.height,
    }
    .inset(6.0);
    let font = view.font();
    let rot = view.camera.rotation();
    let (faces, cell_px, lens) = if timeline.mode == Mode::Race {
        race(&mut shapes, timeline, frame, view, area, lang)
    } else {
        let items = items(timeline, frame, lang);
        let pen = Pen {
            look: view.look,
            rot,
            font,
            lang,
            lines: LABEL_LINES,
        };
        pipeline(&mut shapes, &items, area, !view.tall(), pen)
    };
    Scene {
        width: view.width,
        height: view.height,
        lit: LitReport {
            visible: least_visible(&faces, &shapes),
            cell_px,
            lens,
        },
        shapes,
    }
}

/// The tensors a frame shows, in the order the data flows.
fn items(timeline: &Timeline, frame: &Frame, lang: Lang) -> Vec<Item> {
    let costs = timeline.costs;
    let l = costs.layer;
    let dp = costs.dp;
    let started = frame.mults_step > 0;
    let written = |phase: Phase| {
        if frame.phase != phase {
            // A later phase has not begun; an earlier one is done.
            let earlier = frame.phase == Phase::Pointwise && phase == Phase::Depthwise;
            return (
                if earlier {
                    Progress::All
                } else {
                    Progress::Nothing
                },
                None,
            );
        }
        if frame.phase_done {
            return (Progress::All, None);
        }
        let write = started.then_some((frame.group, frame.row, frame.col));
        let progress = if started {
            Progress::Upto {
                channel: frame.group,
                row: frame.row,
                col: frame.col,
            }
        } else {
            Progress::Nothing
        };
        (progress, write)
    };
    let before = costs.pad_before();
    let span = l.dilation * (l.dk - 1) + 1;
    let reach = (dp - 1) * l.stride + span;
    let after = reach.saturating_sub(l.df + before);
    let (top, left) = timeline.window_origin(frame.row, frame.col);
    let reads_input = frame.phase != Phase::Pointwise;
    let window = Window {
        channels: timeline.channels_read(frame),
        top: (top + i64::from(before)) as u32,
        left: (left + i64::from(before)) as u32,
        size: l.dk,
        dilation: l.dilation,
    };
    let input = Item {
        tensor: Tensor {
            side: l.df + before + after,
            channels: l.m,
            pad: (before, after),
            kind: Kind::Data,
            progress: Progress::Nothing,
            read: reads_input.then_some(window),
            write: None,
            focus: (frame.phase == Phase::Depthwise).then_some(frame.group),
            dim: false,
        },
        name: Note::plain(lang.tr("input", "输入")),
        dims: Note::dims(l.df, l.m),
        note: Note::default(),
        weight: 3.0,
    };
    let filter = |channels: u32, side: u32, active: bool, note: Note| Item {
        tensor: Tensor {
            side,
            channels,
            pad: (0, 0),
            kind: Kind::Filter,
            progress: Progress::Nothing,
            read: None,
            write: None,
            focus: None,
            dim: !active,
        },
        name: Note::plain(lang.tr("filter", "卷积核")),
        dims: Note::dims(side, channels),
        note,
        weight: if side == 1 { 1.1 } else { 1.5 },
    };
    let output = |phase: Phase, channels: u32, name: Note| {
        let (progress, write) = written(phase);
        Item {
            tensor: Tensor {
                side: dp,
                channels,
                pad: (0, 0),
                kind: Kind::Output,
                progress,
                read: None,
                write,
                focus: None,
                dim: false,
            },
            name,
            dims: Note::dims(dp, channels),
            note: Note::default(),
            weight: 2.6,
        }
    };
    let which = |phase: Phase| {
        if frame.phase != phase {
            return Note::default();
        }
        let (g, of) = (frame.group + 1, frame.groups);
        let long = match (lang, phase) {
            (Lang::En, _) => format!("{} {g} of {of}", phase.group_name()),
            (Lang::Zh, Phase::Depthwise) => format!("第 {g} 个通道（共 {of} 个）"),
            (Lang::Zh, _) => format!("第 {g} 个卷积核（共 {of} 个）"),
        };
        Note::new(long, format!("{g}/{of}"))
    };
    let output_name = Note::plain(lang.tr("output", "输出"));
    match frame.phase {
        Phase::Standard => {
            let per_group = l.m / l.groups.max(1);
            vec![
                input,
                filter(per_group, l.dk, true, which(Phase::Standard)),
                output(Phase::Standard, l.n, output_name),
            ]
        }
        Phase::Depthwise | Phase::Pointwise => {
            let name = match lang {
                Lang::En => Note::new("depthwise output".into(), "depthwise".into()),
                Lang::Zh => Note::new("深度卷积输出".into(), "深度输出".into()),
            };
            let mut dw_output = output(Phase::Depthwise, l.m, name);
            if frame.phase == Phase::Pointwise {
                dw_output.tensor.read = Some(Window {
                    channels: (0, l.m - 1),
                    top: frame.row,
                    left: frame.col,
                    size: 1,
                    dilation: 1,
                });
            }
            let mut pw_output = output(Phase::Pointwise, l.n, output_name);
            pw_output.tensor.dim = frame.phase == Phase::Depthwise;
            vec![
                input,
                filter(
                    1,
                    l.dk,
                    frame.phase == Phase::Depthwise,
                    which(Phase::Depthwise),
                ),
                dw_output,
                filter(
                    l.m,
                    1,
                    frame.phase == Phase::Pointwise,
                    which(Phase::Pointwise),
                ),
                pw_output,
            ]
        }
    }
}

/// Lays the items out along `area` (across it, or down it), draws each with its words,
/// and a lens where the lit cells are too small. Returns the lit faces, the largest lit
/// cell and whether a lens was drawn.
fn pipeline(
    out: &mut Vec<Shape>,
    items: &[Item],
    area: Rect,
    across: bool,
    pen: Pen,
) -> (Vec<Face>, f64, bool) {
    let Pen {
        look,
        rot,
        font,
        lang,
        lines,
    } = pen;
    let gutter = font * 1.6;
    let small = (font * 0.82).max(12.0);
    // The words stay on the canvas: the area runs to its margins.
    let (start, end) = (area.x, area.x + area.w);
    // Across, each picture's box is at least as wide as its name and size (its words
    // may also take its gutter), where the room allows. Where it does not (a phone's
    // race, at 512 channels), the words take turns on two rows, a name and a size each,
    // and every one may spread under its neighbours, whose words are on the other row.
    let need: Vec<f64> = items
        .iter()
        .map(|item| item.words_width(font, small) + 0.5)
        .collect();
    let mut least: Vec<f64> = match across {
        // Words take half their gutter on each side, but not past the canvas's edges.
        true => {
            let last = items.len().saturating_sub(1);
            let borrowed = |i: usize| if i == 0 || i == last { 0.4 } else { 0.8 };
            need.iter()
                .enumerate()
                .map(|(i, w)| w - gutter * borrowed(i))
                .collect()
        }
        false => vec![0.0; items.len()],
    };
    let room = area.w - gutter * items.len().saturating_sub(1) as f64;
    let turns = across && least.iter().sum::<f64>() > room;
    let (lines, rows) = match turns {
        true => {
            // Each still as wide as half its words: the rest it takes from its neighbours.
            least.iter_mut().for_each(|l| *l /= 2.0);
            (lines.min(2), 2)
        }
        false => (lines, 1),
    };
    // Where the height is short (the race on a lecture's stop at 720p), the notes give way
    // before the pictures do: the words take at most 40 % of it, down to a name each.
    let fit = ((area.h * 0.4 - 4.0) / (font * 1.25 * rows as f64)) as usize;
    let lines = match across {
        true => lines.min(fit.max(1)),
        false => lines,
    };
    let band = font * 1.25 * (lines * rows) as f64 + 4.0;
    // Across the canvas the words go under each picture; down a phone, where height is
    // short and width is not, beside it.
    let parts = |r: Rect| {
        if across {
            r.split(1.0 - band / r.h.max(1.0), false)
        } else {
            let (words, picture) = r.split(0.36, true);
            (picture, words)
        }
    };
    let picture_of = |r: Rect| parts(r).0;
    let mut weights: Vec<f64> = items.iter().map(|i| i.weight).collect();
    let mut boxes = boxes_of(&weights, &least, area, across, gutter);
    // A source too small to see gets a lens, and the room for it.
    let needs_lens = |t: &Tensor, r: Rect| {
        let (_, placement) = tensor::place(t, look, rot, picture_of(r).inset(4.0), t.whole());
        t.read.is_some() && placement.cell_px() < LENS_PX
    };
    let lensed: Vec<bool> = items
        .iter()
        .zip(&boxes)
        .map(|(item, &r)| needs_lens(&item.tensor, r))
        .collect();
    if lensed.contains(&true) {
        for (w, &l) in weights.iter_mut().zip(&lensed) {
            if l {
                *w *= 1.7;
            }
        }
        boxes = boxes_of(&weights, &least, area, across, gutter);
    }
    // Taking turns, the first and last pictures' words have a neighbour on one side
    // only: the room to the canvas's edge is all there is on the other.
    if turns && items.len() > 1 {
        let last = items.len() - 1;
        for (end, next) in [(0, 1), (last, last - 1)] {
            least[end] = least[end].max(need[end] - gutter + 2.0 - boxes[next].w / 2.0);
        }
        boxes = boxes_of(&weights, &least, area, across, gutter);
    }
    let mut faces = Vec::new();
    let (mut cell_px, mut lens) = (0.0f64, false);
    for (i, (item, bounds)) in items.iter().zip(&boxes).enumerate() {
        if let Some(next) = boxes.get(i + 1) {
            let (text, point) = if across {
                let x = (bounds.x + bounds.w + next.x) / 2.0;
                ("→", (x, bounds.y + (bounds.h - band) / 2.0))
            } else {
                let y = (bounds.y + bounds.h + next.y) / 2.0;
                ("↓", (bounds.x + bounds.w * 0.68, y + font * 0.4))
            };
            out.push(Shape::text(point, text, Paint::Muted, font * 1.3));
        }
        let (picture, words) = parts(*bounds);
        let drawn_from = out.len();
        let t = &item.tensor;
        let mut notes: Vec<Note> = Vec::new();
        if !item.note.long.is_empty() {
            notes.push(item.note.clone());
        }
        let magnified = if lensed[i] {
            magnify(out, t, picture, pen)
        } else {
            None
        };
        if let Some(drawn) = magnified {
            lens = true;
            notes.extend(stand_in(&drawn.0, t, lang));
            cell_px = cell_px.max(drawn.1.placement.cell_px());
            faces.extend(drawn.0.faces);
            faces.extend(drawn.1.faces);
        } else {
            let drawn = tensor::draw(out, t, look, rot, picture.inset(4.0), t.whole());
            if !drawn.faces.is_empty() {
                cell_px = cell_px.max(drawn.placement.cell_px());
            }
            if t.kind != Kind::Filter {
                notes.extend(stand_in(&drawn, t, lang));
            }
            faces.extend(drawn.faces);
        }
        let paint = if t.dim { Paint::Muted } else { Paint::Ink };
        let cx = words.x + words.w / 2.0;
        // Where the words may run: under the picture (and its gutter, across), or, taking
        // turns, up to the middles of the neighbours, whose words are on the other row.
        let (left, right) = match (across, turns) {
            (false, _) => (words.x, words.x + words.w),
            (true, false) => (words.x - gutter * 0.4, words.x + words.w + gutter * 0.4),
            (true, true) => {
                let middle = |b: &Rect| b.x + b.w / 2.0;
                let left = i.checked_sub(1).map_or(area.x, |j| middle(&boxes[j]));
                let right = boxes.get(i + 1).map_or(end, middle);
                (left + 2.0, right - 2.0)
            }
        };
        // Never off the canvas; the last picture's words up to its edge.
        let (left, right) = match across && i + 1 == items.len() {
            true => (left.max(start), end),
            false => (left.max(start), right.min(end)),
        };
        let heading = [
            (item.name.clone(), paint, font),
            (item.dims.clone(), paint, font),
        ];
        // A note that would be cut is left out: "lines: 1…" says nothing.
        let notes = notes
            .into_iter()
            .filter(|note| note.fits(small, right - left))
            .map(|note| (note, Paint::Muted, small));
        let mut y = if across {
            let row = if turns { i % 2 } else { 0 };
            let y = words.y + font * 1.25 * (1 + row * lines) as f64;
            if row == 1 {
                // A line up from words on the second row to their picture, between the
                // neighbours' words.
                let bottom = lowest(&out[drawn_from..]).unwrap_or(picture.y + picture.h);
                out.push(Shape::Lines {
                    segments: vec![[(cx, bottom + 4.0), (cx, y - font)]],
                    paint: Paint::Line,
                });
            }
            y
        } else {
            words.y + (words.h - band) / 2.0 + font * 1.25
        };
        for (words, paint, size) in heading.into_iter().chain(notes).take(lines) {
            if !words.long.is_empty() {
                let text = words.fitted(size, right - left);
                // Centred under the picture, but inside its room (the last volume's words
                // by the canvas's edge).
                let half = (text_width(&text, size) / 2.0).min((right - left) / 2.0);
                // (Not `clamp`, whose check of its bounds would ship float formatting.)
                let x = cx.max(left + half).min(right - half);
                out.push(Shape::text((x, y), text, paint, size));
            }
            y += if size < font {
                small * 1.2
            } else {
                font * 1.25
            };
        }
    }
    (faces, cell_px, lens)
}

/// How far down `shapes` reach, if they have corners.
fn lowest(shapes: &[Shape]) -> Option<f64> {
    let mut low = None::<f64>;
    for shape in shapes {
        let points: &[Point] = match shape {
            Shape::Quad { corners, .. } => corners,
            Shape::Lines { segments, .. } => segments.as_flattened(),
            Shape::Text { .. } => &[],
        };
        for &(_, y) in points {
            low = Some(low.map_or(y, |low| low.max(y)));
        }
    }
    low
}

/// The items' boxes along `area`, `gutter` apart: in proportion to their weights, but
/// none smaller than its `least` where the room allows.
fn boxes_of(weights: &[f64], least: &[f64], area: Rect, across: bool, gutter: f64) -> Vec<Rect> {
    let room = if across { area.w } else { area.h } - gutter * (weights.len() - 1) as f64;
    let mut at = if across { area.x } else { area.y };
    sizes(weights, least, room)
        .into_iter()
        .map(|size| {
            let r = if across {
                Rect {
                    x: at,
                    w: size,
                    ..area
                }
            } else {
                Rect {
                    y: at,
                    h: size,
                    ..area
                }
            };
            at += size + gutter;
            r
        })
        .collect()
}

/// `room` shared in proportion to `weights`, except that a share smaller than its `least`
/// is raised to it, and the others share what is left. If the leasts alone overfill the
/// room, each gets its least scaled down to fit.
fn sizes(weights: &[f64], least: &[f64], room: f64) -> Vec<f64> {
    let mut raised = vec![false; weights.len()];
    loop {
        let (mut left, mut weight) = (room, 0.0);
        for ((w, l), &r) in weights.iter().zip(least).zip(&raised) {
            match r {
                true => left -= l,
                false => weight += w,
            }
        }
        let share = |w: f64| if weight > 0.0 { left * w / weight } else { 0.0 };
        let mut more = false;
        for ((w, l), r) in weights.iter().zip(least).zip(raised.iter_mut()) {
            if !*r && share(*w) < *l {
                (*r, more) = (true, true);
            }
        }
        if more {
            continue;
        }
        if left < 0.0 {
            let scale = room / (room - left);
            return least.iter().map(|l| l * scale).collect();
        }
        return weights
            .iter()
            .zip(least)
            .zip(&raised)
            .map(|((w, l), r)| if *r { *l } else { share(*w) })
            .collect();
    }
}

/// The tensor small in `picture`'s first part, and its lit window magnified in the
/// rest, with a frame on the overview where the lens looks and lines tying the two; or
/// nothing, where the lens would show the window hardly larger than the overview does
/// and still too small (a race's short rows on a lecture's stop, where the height limits
/// both): the tensor is then drawn as it is.
fn magnify(out: &mut Vec<Shape>, t: &Tensor, picture: Rect, pen: Pen) -> Option<(Drawn, Drawn)> {
    let Pen {
        look,
        rot,
        font,
        lang,
        ..
    } = pen;
    let wide = picture.w > picture.h;
    let (overview, inset) = picture.split(0.4, wide);
    let overview = overview.inset(4.0);
    let (crop, corner) = lens_crop(t);
    let title = font * 1.2;
    let label = (font * 0.8).max(12.0);
    let inside = |frame: Rect| {
        Rect {
            y: frame.y + title,
            h: frame.h - title,
            ..frame
        }
        .inset(6.0)
    };
    let mut frame = inset.inset(3.0);
    let (_, whole) = tensor::place(t, look, rot, overview, t.whole());
    let (_, placement) = tensor::place(t, look, rot, inside(frame), crop);
    let (from, to) = (whole.cell_px(), placement.cell_px());
    if to < LENS_PX && to < from * MIN_ZOOM {
        return None;
    }
    let drawn = tensor::draw(out, t, look, rot, overview, t.whole());
    let zoom = round_zoom(to / from.max(1e-9));
    let text = match (lang, corner) {
        (Lang::En, true) => format!("lens ×{zoom}: the window's corner"),
        (Lang::En, false) => format!("lens ×{zoom}"),
        (Lang::Zh, true) => format!("放大镜 ×{zoom}：窗口的一角"),
        (Lang::Zh, false) => format!("放大镜 ×{zoom}"),
    };
    if wide {
        // Where its height is what limits it (a race's short rows), the lens is as wide as
        // what it shows and its title, in the middle of its room: not a wide empty box.
        let shown = placement.bounds(crop).w + 2.0 * (label_room(t.channels) + 12.0);
        let w = shown.max(text_width(&text, label) + 12.0).min(frame.w);
        frame = Rect {
            x: frame.x + (frame.w - w) / 2.0,
            w,
            ..frame
        };
    }
    out.push(Shape::Quad {
        corners: frame.corners(),
        fill: Some(Paint::Panel),
        stroke: Some(Paint::Ink),
    });
    let magnified = tensor::draw(out, t, look, rot, inside(frame), crop);
    // What the lens shows, marked where it is: through the volume's sheets, or on each
    // slice laid side by side (one box round them all would run through the others).
    let spot = match look {
        Look::Volume => grow(drawn.placement.bounds(crop), 8.0),
        Look::Slices => {
            let mut spots = drawn
                .sheet_slots()
                .map(|slot| grow(drawn.placement.bounds_on(slot, crop), 8.0));
            let first = spots
                .next()
                .unwrap_or_else(|| grow(drawn.placement.bounds(crop), 8.0));
            for other in spots {
                out.push(Shape::outline(other.corners(), Paint::Ink));
            }
            first
        }
    };
    out.push(Shape::outline(spot.corners(), Paint::Ink));
    let (s, f) = (spot.corners(), frame.corners());
    let ties = if wide {
        [[s[1], f[0]], [s[2], f[3]]]
    } else {
        [[s[3], f[0]], [s[2], f[1]]]
    };
    out.push(Shape::Lines {
        segments: ties.to_vec(),
        paint: Paint::Muted,
    });
    out.push(Shape::Text {
        at: (frame.x + 6.0, frame.y + font),
        text,
        paint: Paint::Muted,
        size: label,
        anchor: Anchor::Start,
    });
    Some((drawn, magnified))
}

/// The cells the lens shows: the window with a cell round it, or its corner when it is
/// too large; and whether it is only the corner.
fn lens_crop(t: &Tensor) -> (Cells, bool) {
    let w = t.read.unwrap_or(Window {
        channels: (0, 0),
        top: 0,
        left: 0,
        size: 1,
        dilation: 1,
    });
    let span = w.span();
    let corner = span + 2 > LENS_CELLS;
    let range = |start: u32| {
        let first = if corner {
            start
        } else {
            start.saturating_sub(1)
        };
        let last = (first + LENS_CELLS.min(span + 2)).min(t.side);
        (
            last.saturating_sub(LENS_CELLS.min(span + 2)).min(first),
            last,
        )
    };
    let ((r0, r1), (c0, c1)) = (range(w.top), range(w.left));
    (Cells { r0, r1, c0, c1 }, corner)
}

fn grow(r: Rect, least: f64) -> Rect {
    let (cx, cy) = r.centre();
    let (w, h) = (r.w.max(least), r.h.max(least));
    Rect {
        x: cx - w / 2.0,
        y: cy - h / 2.0,
        w,
        h,
    }
}

/// The lens's magnification as a whole number (at least 2, since it only shows when
/// cells are small), so that no float formatting ships.
fn round_zoom(zoom: f64) -> String {
    (zoom.round().max(2.0) as u64).to_string()
}

/// The words that say a drawing is a stand-in: which channels and grid lines it keeps.
fn stand_in(drawn: &Drawn, t: &Tensor, lang: Lang) -> Vec<Note> {
    let mut notes = Vec::new();
    let (sheets, channels, every) = (drawn.sheets(), t.channels, drawn.grid_every);
    if sheets < channels {
        notes.push(match lang {
            Lang::En => Note::new(
                format!("{sheets} of {channels} channels drawn"),
                format!("{sheets}/{channels} drawn"),
            ),
            Lang::Zh => Note::new(
                format!("画出 {sheets}/{channels} 个通道"),
                format!("画出 {sheets}/{channels}"),
            ),
        });
    }
    if every > 1 {
        notes.push(match lang {
            Lang::En => Note::new(
                format!("a line every {every} cells"),
                format!("lines: 1 in {every}"),
            ),
            Lang::Zh => Note::new(format!("每 {every} 格一条线"), format!("每 {every} 格一线")),
        });
    }
    notes
}

/// A character's width in em in the sans faces, rounded up: digits are wider than the
/// average letter, and × wider still (at 0.56 for all, "3×3×1" ran into "14×14×5…").
fn char_em(c: char) -> f64 {
    match c {
        '\u{2E80}'.. => 1.0,
        '×' => 0.84,
        '0'..='9' => tensor::DIGIT_EM,
        _ => 0.56,
    }
}

/// How wide `text` runs at `size`, by [`char_em`]: the page's sans-serif as a table of
/// widths, where no browser measures (the page rendered at build time).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_em(c) * size).sum()
}

/// `text`, cut with an ellipsis if it would run wider than `width` at `size`.
fn fit(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += char_em(c) * size;
        if used > width - size {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// The race: the standard convolution above, the separable one below, each having
/// done as many multiplications as the timeline's step gives the standard side.
fn race(
    out: &mut Vec<Shape>,
    timeline: &Timeline,
    frame: &Frame,
    view: &View,
    area: Rect,
    lang: Lang,
) -> (Vec<Face>, f64, bool) {
    let font = view.font();
    let rot = view.camera.rotation();
    let separable = Timeline::new(timeline.costs, Mode::Separable);
    let other = timeline.race_frame(frame.step);
    // Both bars on one scale: the longer side's whole, the standard one's unless R > 1.
    let full = timeline
        .total_formula()
        .max(separable.total_formula())
        .max(1);
    // Under each side's pictures, its bar; under the separable one's, the words that mark
    // its finish too. The standard side does not keep a line for words it does not have:
    // both sides' pictures share it, and stay as tall as each other.
    let (head_h, feet) = (font * 1.6, [font * 1.3, font * 2.4]);
    let top_h = (area.h - feet[1] + feet[0]) / 2.0;
    let (top, bottom) = area.split(top_h / area.h.max(1.0), false);
    let mut report = (Vec::new(), 0.0, false);
    for (half, foot_h, name, t, f, paint) in [
        (
            top,
            feet[0],
            lang.tr("standard", "标准卷积"),
            timeline,
            frame,
            Paint::Write,
        ),
        (
            bottom,
            feet[1],
            lang.tr("separable", "深度可分离卷积"),
            &separable,
            &other,
            Paint::Done,
        ),
    ] {
        let (upper, foot) = half.split(1.0 - foot_h / half.h.max(1.0), false);
        // Each side's count so far, of its own whole: both have done as many so far, and
        // the whole is what differs. In a short, wide row (a projector's stop, the page at
        // a laptop's width) the words go in a column beside the pictures, which the
        // height limits, not the width; else on a line above them.
        let (done, total) = (f.mults_total, t.total_formula());
        let count = thousands(done);
        let (progress, unit) = if done == total {
            let done = format!("{}{count}", lang.tr("done, ", "完成，"));
            (done, lang.tr("multiply-adds ✓", "次乘加 ✓"))
        } else {
            let of = lang.tr(" of ", " / ");
            let progress = format!("{count}{of}{}", thousands(total));
            (progress, lang.tr("multiply-adds", "次乘加"))
        };
        let column = [name, &progress, unit];
        let column_w = column
            .iter()
            .map(|line| text_width(line, font))
            .fold(0.0, f64::max)
            + font;
        let beside = upper.w > 4.0 * top.h && column_w < upper.w * 0.25;
        let (head, body) = if beside {
            upper.split(column_w / upper.w.max(1.0), true)
        } else {
            upper.split(head_h / upper.h.max(1.0), false)
        };
        let mut say = |text: String, y: f64| {
            out.push(Shape::Text {
                at: (head.x + 4.0, y),
                text,
                paint: Paint::Ink,
                size: font,
                anchor: Anchor::Start,
            })
        };
        if beside {
            let mut y = head.y + (head.h - font * 1.25 * 3.0) / 2.0 + font;
            for line in column {
                say(line.into(), y);
                y += font * 1.25;
            }
        } else {
            // One line: the name, then the count of its whole, or the count alone where
            // that does not fit (done, it has no whole to leave out).
            let short = if done == total { &progress } else { &count };
            let line = |progress: &str| format!("{name}{}{progress} {unit}", lang.tr(": ", "："));
            say(
                Note::new(line(&progress), line(short)).fitted(font, head.w - 8.0),
                head.y + font * 1.1,
            );
        }
        let items = items(t, f, lang);
        let pen = Pen {
            look: view.look,
            rot,
            // Never below 12 px, even in a blog's 700 px column.
            font: (font * 0.85).max(12.0),
            lang,
            lines: LABEL_LINES - 1,
        };
        let drawn = pipeline(out, &items, body, true, pen);
        if std::ptr::eq(t, timeline) {
            report = drawn;
        }
        // Both bars on one scale, so the separable one stops at R of the standard's.
        let track = Rect {
            x: foot.x + 4.0,
            y: foot.y + font * 0.2,
            w: foot.w - 8.0,
            h: font * 0.7,
        };
        let share = (done as f64 / full as f64).clamp(0.0, 1.0);
        let bar = Rect {
            w: track.w * share,
            ..track
        };
        out.push(Shape::fill(bar.corners(), paint));
        out.push(Shape::outline(track.corners(), Paint::Line));
        if !std::ptr::eq(t, timeline) {
            // Where the separable side finishes: R of the standard's way along (the end,
            // past the standard's, when R > 1). Its words go on the side that has room.
            let ratio = timeline.costs.ratio();
            let x = track.x + track.w * (t.total_formula() as f64 / full as f64);
            let (dx, anchor) = if x > track.x + track.w / 2.0 {
                (-4.0, Anchor::End)
            } else {
                (4.0, Anchor::Start)
            };
            out.push(Shape::Lines {
                segments: vec![[
                    (x, track.y - font * 0.3),
                    (x, track.y + track.h + font * 0.3),
                ]],
                paint: Paint::Ink,
            });
            out.push(Shape::Text {
                at: (x + dx, track.y + track.h + font * 1.2),
                text: match lang {
                    Lang::En => {
                        format!("R = {}: the separable side's finish", ratio.significant(3))
                    }
                    Lang::Zh => format!("R = {}：可分离卷积的终点", ratio.significant(3)),
                },
                paint: Paint::Ink,
                size: (font * 0.85).max(12.0),
                anchor,
            });
        }
    }
    report
}

//! Every step of the computation, in order: which filter or channel, which output
//! position, and how many multiplications so far. A frame is a pure function of
//! (layer, mode, step), so scrubbing, stepping back and restoring a step from a link
//! need no history, and the counters end exactly on the formulas.

use super::camera::{Camera, Look};
use crate::cost::Costs;

/// Which convolution the animation walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    Standard,
    #[default]
    Separable,
    /// Both at once, at the same number of multiplications a second: the timeline is
    /// the standard one, and the separable side does as many multiplications as it. When
    /// the separable side has more to do (R > 1, as with 1 x 1 kernels), the timeline goes
    /// on at the same pace past the standard side's end until it is done too.
    Race,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Separable, Mode::Standard, Mode::Race];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Standard => "standard",
            Mode::Separable => "separable",
            Mode::Race => "race",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == text.trim())
    }
}

/// Where the animation is and how it is seen: which convolution, how many steps are
/// done, the look and the camera. This is what the URL keeps (`mode`, `step`, `scene`,
/// `yaw`, `pitch`); everything on screen follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Playhead {
    pub mode: Mode,
    pub step: u64,
    pub look: Look,
    pub camera: Camera,
}

/// The input cells one step reads, as inclusive 0-based ranges: the channels, and the
/// rows and columns of the window clipped to the tensor read (none when the window lies
/// wholly in the padding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lit {
    pub channels: (u32, u32),
    pub rows: Option<(u32, u32)>,
    pub cols: Option<(u32, u32)>,
}

/// One pass over the output: standard convolution, or one of the two separable steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// N filters of Dk x Dk x M, each at Dp² positions: Dk²·M multiplications a step.
    Standard,
    /// M filters of Dk x Dk x 1, channel by channel, each at Dp² positions: Dk² a step.
    Depthwise,
    /// N filters of 1 x 1 x M, each at Dp² positions: M a step.
    Pointwise,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Standard => "Standard",
            Phase::Depthwise => "Depthwise",
            Phase::Pointwise => "Pointwise",
        }
    }

    /// The name inside a sentence. (Spelled out: `to_lowercase` would ship Unicode's
    /// case tables, some 20 KB, to every phone.)
    pub fn lower_name(self) -> &'static str {
        match self {
            Phase::Standard => "standard",
            Phase::Depthwise => "depthwise",
            Phase::Pointwise => "pointwise",
        }
    }

    /// What one pass of the phase works through: channels or filters.
    pub fn group_name(self) -> &'static str {
        match self {
            Phase::Depthwise => "channel",
            Phase::Standard | Phase::Pointwise => "filter",
        }
    }
}

/// The steps of one layer in one mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub costs: Costs,
    pub mode: Mode,
}

/// Everything the animation shows at one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Steps done, 0 to `total_steps`; the frame shows step `step` being done.
    pub step: u64,
    pub phase: Phase,
    /// 0-based channel (depthwise) or filter (standard, pointwise), and how many there are.
    pub group: u32,
    pub groups: u32,
    /// 0-based output position being written.
    pub row: u32,
    pub col: u32,
    /// Multiplications in this step, so far in this phase, and so far in all.
    pub mults_step: u128,
    pub mults_phase: u128,
    pub mults_total: u128,
    /// Whether this step finishes its phase (its counter then equals the formula).
    pub phase_done: bool,
}

impl Timeline {
    pub fn new(costs: Costs, mode: Mode) -> Timeline {
        Timeline { costs, mode }
    }

    pub fn phases(&self) -> &'static [Phase] {
        match self.mode {
            Mode::Standard | Mode::Race => &[Phase::Standard],
            Mode::Separable => &[Phase::Depthwise, Phase::Pointwise],
        }
    }

    fn positions(&self) -> u64 {
        u64::from(self.costs.dp) * u64::from(self.costs.dp)
    }

    /// Channels or filters the phase goes through.
    pub fn groups(&self, phase: Phase) -> u32 {
        let layer = self.costs.layer;
        match phase {
            Phase::Depthwise => layer.m,
            Phase::Standard | Phase::Pointwise => layer.n,
        }
    }

    /// Steps in a phase: one per output value it writes.
    pub fn phase_steps(&self, phase: Phase) -> u64 {
        u64::from(self.groups(phase)) * self.positions()
    }

    pub fn mults_per_step(&self, phase: Phase) -> u128 {
        let layer = self.costs.layer;
        let dk2 = u128::from(layer.dk) * u128::from(layer.dk);
        match phase {
            Phase::Standard => dk2 * u128::from(layer.m / layer.groups.max(1)),
            Phase::Depthwise => dk2,
            Phase::Pointwise => u128::from(layer.m),
        }
    }

    /// The phase's total by its formula, which the counter must reach.
    pub fn phase_formula(&self, phase: Phase) -> u128 {
        match phase {
            Phase::Standard => self.costs.standard(),
            Phase::Depthwise => self.costs.depthwise(),
            Phase::Pointwise => self.costs.pointwise(),
        }
    }

    pub fn total_steps(&self) -> u64 {
        let own = self.own_steps();
        if self.mode != Mode::Race {
            return own;
        }
        // The steps the standard side's pace needs for the separable side's whole.
        let per_step = self.mults_per_step(Phase::Standard).max(1);
        let separable = self.costs.separable().div_ceil(per_step);
        own.max(u64::try_from(separable).unwrap_or(u64::MAX))
    }

    /// The steps of this timeline's own phases; in a race, the standard side's.
    fn own_steps(&self) -> u64 {
        self.phases().iter().map(|&p| self.phase_steps(p)).sum()
    }

    fn separable(&self) -> Timeline {
        Timeline::new(self.costs, Mode::Separable)
    }

    /// A race's separable side after `step` steps: as far as the multiplications that
    /// the standard side's pace has done by then take it.
    pub fn race_frame(&self, step: u64) -> Frame {
        let spent = u128::from(step.min(self.total_steps())) * self.mults_per_step(Phase::Standard);
        let separable = self.separable();
        separable.frame(separable.steps_within(spent))
    }

    pub fn total_formula(&self) -> u128 {
        self.phases().iter().map(|&p| self.phase_formula(p)).sum()
    }

    /// The step at which each phase ends, in order.
    pub fn phase_ends(&self) -> Vec<u64> {
        let mut end = 0;
        self.phases()
            .iter()
            .map(|&p| {
                end += self.phase_steps(p);
                end
            })
            .collect()
    }

    /// The frame after `step` steps (clamped to the timeline). In a race, past the
    /// standard side's end, it stays on its last step while the separable side finishes.
    pub fn frame(&self, step: u64) -> Frame {
        let step = step.min(self.total_steps());
        let own = step.min(self.own_steps());
        // The phase that holds the step: the first whose end is not before it.
        let (mut phase, mut before, mut mults_before) = (self.phases()[0], 0, 0);
        for &p in self.phases() {
            phase = p;
            if own <= before + self.phase_steps(p) {
                break;
            }
            before += self.phase_steps(p);
            mults_before += self.phase_formula(p);
        }
        let done = own - before;
        // The step being shown, 0-based within the phase; step 0 shows the first one.
        let index = done.saturating_sub(1);
        let position = index % self.positions();
        let per_step = self.mults_per_step(phase);
        let mults_phase = u128::from(done) * per_step;
        Frame {
            step,
            phase,
            group: (index / self.positions()) as u32,
            groups: self.groups(phase),
            row: (position / u64::from(self.costs.dp)) as u32,
            col: (position % u64::from(self.costs.dp)) as u32,
            mults_step: if done == 0 { 0 } else { per_step },
            mults_phase,
            mults_total: mults_before + mults_phase,
            phase_done: done == self.phase_steps(phase),
        }
    }

    /// The first position of the next channel or filter: Shift+→ goes there. (Step 0
    /// shows the first position of the first one, so from there it is the second.)
    pub fn next_group_start(&self, step: u64) -> u64 {
        self.group_starts()
            .find(|&start| start > step.max(1))
            .unwrap_or(self.total_steps())
    }

    /// The first position of this channel or filter, or of the one before when already
    /// there: Shift+← goes there, as a player's "previous track" does.
    pub fn previous_group_start(&self, step: u64) -> u64 {
        self.group_starts()
            .take_while(|&start| start < step)
            .last()
            .unwrap_or(0)
    }

    pub fn next_phase_end(&self, step: u64) -> u64 {
        self.phase_ends()
            .into_iter()
            .find(|&end| end > step)
            .unwrap_or(self.total_steps())
    }

    /// The step that shows the first position of each channel or filter, in order.
    /// Lazy: at the largest layers there are 16,384 of them.
    fn group_starts(&self) -> impl Iterator<Item = u64> + '_ {
        let positions = self.positions();
        let mut before = 0;
        self.phases().iter().flat_map(move |&phase| {
            let start = before;
            before += self.phase_steps(phase);
            (0..u64::from(self.groups(phase))).map(move |g| start + g * positions + 1)
        })
    }

    /// The most steps whose multiplications fit in `budget`: where this timeline stands
    /// when a race has spent `budget` multiplications on it.
    pub fn steps_within(&self, budget: u128) -> u64 {
        let (mut steps, mut left) = (0u64, budget);
        for &phase in self.phases() {
            let (all, per_step) = (self.phase_steps(phase), self.mults_per_step(phase));
            let fits = (left / per_step.max(1)).min(u128::from(all)) as u64;
            steps += fits;
            if fits < all {
                break;
            }
            left -= u128::from(all) * per_step;
        }
        steps
    }

    /// The input cells that `frame`'s step reads: a Dk x Dk window on one channel
    /// (depthwise) or on the filter's group of channels (standard), or one (x, y) column
    /// through every channel of the depthwise output (pointwise).
    pub fn lit(&self, frame: &Frame) -> Lit {
        let layer = self.costs.layer;
        match frame.phase {
            Phase::Pointwise => Lit {
                channels: (0, layer.m.saturating_sub(1)),
                rows: Some((frame.row, frame.row)),
                cols: Some((frame.col, frame.col)),
            },
            Phase::Standard | Phase::Depthwise => {
                let (top, left) = self.window_origin(frame.row, frame.col);
                let span = i64::from(layer.dilation.max(1)) * i64::from(layer.dk - 1) + 1;
                let clip = |start: i64| {
                    let (first, last) = (
                        start.max(0),
                        (start + span - 1).min(i64::from(layer.df) - 1),
                    );
                    (first <= last).then_some((first as u32, last as u32))
                };
                Lit {
                    channels: self.channels_read(frame),
                    rows: clip(top),
                    cols: clip(left),
                }
            }
        }
    }

    /// The input channels `frame`'s step reads, inclusive: one in the depthwise step,
    /// the filter's group of M/g in a grouped standard layer, all of them otherwise.
    pub fn channels_read(&self, frame: &Frame) -> (u32, u32) {
        let layer = self.costs.layer;
        let all = (0, layer.m.saturating_sub(1));
        match frame.phase {
            Phase::Depthwise => (frame.group, frame.group),
            Phase::Standard if layer.groups > 1 => {
                let per_group = layer.m / layer.groups;
                let group = frame.group / (layer.n / layer.groups).max(1);
                (group * per_group, (group + 1) * per_group - 1)
            }
            Phase::Standard | Phase::Pointwise => all,
        }
    }

    /// Where the kernel window of output (row, col) starts in the input, as (top, left)
    /// in input pixels; negative where it starts in the padding.
    pub fn window_origin(&self, row: u32, col: u32) -> (i64, i64) {
        let layer = self.costs.layer;
        let before = i64::from(self.costs.pad_before());
        let stride = i64::from(layer.stride.max(1));
        (
            i64::from(row) * stride - before,
            i64::from(col) * stride - before,
        )
    }
}

/// The steps a recording of `from` to `to` draws, one per video frame: every step when
/// there are at most `frames`, else evenly spaced ones. It always starts on `from` and
/// ends exactly on `to`, so that the video's last counters are the ones asked for.
pub fn recording_steps(from: u64, to: u64, frames: u64) -> Vec<u64> {
    let (from, to) = (from.min(to), from.max(to));
    let span = to - from;
    let gaps = span.min(frames.max(2) - 1).max(1);
    let at = |i: u64| from + (u128::from(span) * u128::from(i) / u128::from(gaps)) as u64;
    if span == 0 {
        return vec![from];
    }
    (0..=gaps).map(at).collect()
}

//! Every step of the computation, in order: which filter or channel, which output
//! position, and how many multiplications so far. A frame is a pure function of
//! (layer, mode, step), so scrubbing, stepping back and restoring a step from a link
//! need no history, and the counters end exactly on the formulas.

use crate::cost::{Costs, Padding};

/// Which convolution the animation walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    Standard,
    #[default]
    Separable,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Standard => "standard",
            Mode::Separable => "separable",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        match text.trim() {
            "standard" => Some(Mode::Standard),
            "separable" => Some(Mode::Separable),
            _ => None,
        }
    }
}

/// Where the animation is: which convolution, and how many steps are done. This is
/// what the URL keeps (`mode`, `step`); everything on screen follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Playhead {
    pub mode: Mode,
    pub step: u64,
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
            Mode::Standard => &[Phase::Standard],
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
        self.phases().iter().map(|&p| self.phase_steps(p)).sum()
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

    /// The frame after `step` steps (clamped to the timeline).
    pub fn frame(&self, step: u64) -> Frame {
        let step = step.min(self.total_steps());
        // The phase that holds the step: the first whose end is not before it.
        let (mut phase, mut before, mut mults_before) = (self.phases()[0], 0, 0);
        for &p in self.phases() {
            phase = p;
            if step <= before + self.phase_steps(p) {
                break;
            }
            before += self.phase_steps(p);
            mults_before += self.phase_formula(p);
        }
        let done = step - before;
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

    /// Where a whole channel or filter ends, after `step`: Shift+→ goes there.
    pub fn next_group_end(&self, step: u64) -> u64 {
        self.group_ends()
            .find(|&end| end > step)
            .unwrap_or(self.total_steps())
    }

    /// Where the channel or filter before `step` ended: Shift+← goes there.
    pub fn previous_group_end(&self, step: u64) -> u64 {
        let mut previous = 0;
        for end in self.group_ends() {
            if end >= step {
                break;
            }
            previous = end;
        }
        previous
    }

    pub fn next_phase_end(&self, step: u64) -> u64 {
        self.phase_ends()
            .into_iter()
            .find(|&end| end > step)
            .unwrap_or(self.total_steps())
    }

    /// The step at which each channel or filter is complete, in order. Lazy: at the
    /// largest layers there are 16,384 of them.
    fn group_ends(&self) -> impl Iterator<Item = u64> + '_ {
        let positions = self.positions();
        let mut before = 0;
        self.phases().iter().flat_map(move |&phase| {
            let start = before;
            before += self.phase_steps(phase);
            (1..=u64::from(self.groups(phase))).map(move |g| start + g * positions)
        })
    }

    /// Where the kernel window of output (row, col) starts in the input, as (top, left)
    /// in input pixels; negative where it starts in the padding.
    pub fn window_origin(&self, row: u32, col: u32) -> (i64, i64) {
        let layer = self.costs.layer;
        let before = i64::from(pad_before(&self.costs));
        let stride = i64::from(layer.stride.max(1));
        (
            i64::from(row) * stride - before,
            i64::from(col) * stride - before,
        )
    }
}

/// Padding on the top and left: explicit P, or for same padding half of what it takes
/// (TensorFlow puts the odd pixel at the bottom and right).
pub fn pad_before(costs: &Costs) -> u32 {
    let l = costs.layer;
    match l.padding {
        Padding::Valid => 0,
        Padding::Explicit(p) => p,
        Padding::Same => {
            let span = u64::from(l.dilation.max(1)) * u64::from(l.dk.saturating_sub(1)) + 1;
            let needed = (u64::from(costs.dp) - 1) * u64::from(l.stride.max(1)) + span;
            (needed.saturating_sub(u64::from(l.df)) / 2) as u32
        }
    }
}

//! How a slider's positions map to a parameter's values, apart from the component that
//! draws it, so that it is tested natively and any part of the page can share it.

use crate::cost::Limit;

/// Slider positions for a logarithmic scale: fine steps at 1, 2, 3 and coarse at 4096.
pub const LOG_STEPS: u32 = 1000;

/// How slider positions map to values: one position per value for short ranges, a
/// logarithmic scale for the long ones (1 to 8192), so small kernels stay reachable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear { min: u32, max: u32 },
    Log { max: u32 },
}

impl Scale {
    pub fn of(limit: Limit) -> Scale {
        if limit.min == 1 && limit.max > 64 {
            Scale::Log { max: limit.max }
        } else {
            Scale::Linear {
                min: limit.min,
                max: limit.max,
            }
        }
    }

    pub fn last_position(self) -> u32 {
        match self {
            Scale::Linear { min, max } => max - min,
            Scale::Log { .. } => LOG_STEPS,
        }
    }

    pub fn position(self, value: u32) -> u32 {
        match self {
            Scale::Linear { min, .. } => value.saturating_sub(min),
            Scale::Log { max } => {
                let share = f64::from(value.max(1)).ln() / f64::from(max).ln();
                (share * f64::from(LOG_STEPS)).round() as u32
            }
        }
    }

    pub fn value_at(self, position: u32) -> u32 {
        match self {
            Scale::Linear { min, max } => (min + position).min(max),
            Scale::Log { max } => {
                // max^share, as e^(share · ln max): `powf`'s code is 2 KB of the first-load
                // island, `ln` is there for `position` already, and `exp` is smaller. Both
                // round to the same value at every position of every scale (a test says so).
                let share = f64::from(position.min(LOG_STEPS)) / f64::from(LOG_STEPS);
                ((share * f64::from(max).ln()).exp().round() as u32).clamp(1, max)
            }
        }
    }

    pub fn clamp(self, value: i64) -> u32 {
        let (min, max) = match self {
            Scale::Linear { min, max } => (min, max),
            Scale::Log { max } => (1, max),
        };
        value.clamp(i64::from(min), i64::from(max)) as u32
    }

    /// Keys on the slider move by whole values, whatever the scale: arrows by one,
    /// Page Up and Page Down double and halve, Home and End go to the ends.
    pub fn key_step(self, key: &str, value: u32) -> Option<u32> {
        let v = i64::from(value);
        let wanted = match key {
            "ArrowUp" | "ArrowRight" => v + 1,
            "ArrowDown" | "ArrowLeft" => v - 1,
            "PageUp" => v * 2,
            "PageDown" => v / 2,
            "Home" => 0,
            "End" => i64::MAX,
            _ => return None,
        };
        Some(self.clamp(wanted))
    }
}

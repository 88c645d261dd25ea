//! Where a chart put its plotting area, so that a pointer position can be read back as
//! data coordinates (for the hover read-out) and a data point located (for the tests).

use std::ops::Range;

/// One axis: its range in drawing coordinates (log10 of the data on a log axis).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
}

impl Axis {
    /// The drawing coordinate of a data value (its log10 on a log axis).
    pub fn drawn_at(self, value: f64) -> f64 {
        if self.log {
            value.log10()
        } else {
            value
        }
    }

    fn data_at(self, value: f64) -> f64 {
        if self.log {
            10f64.powf(value)
        } else {
            value
        }
    }
}

/// The plotting area in device pixels, with its two axes.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub x_pixels: Range<i32>,
    pub y_pixels: Range<i32>,
    pub x: Axis,
    pub y: Axis,
}

impl Frame {
    /// Data coordinates at a device pixel, or None outside the plotting area.
    pub fn locate(&self, px: f64, py: f64) -> Option<(f64, f64)> {
        let (xs, ys) = (&self.x_pixels, &self.y_pixels);
        let inside = (f64::from(xs.start)..=f64::from(xs.end)).contains(&px)
            && (f64::from(ys.start)..=f64::from(ys.end)).contains(&py);
        if !inside {
            return None;
        }
        let fx = (px - f64::from(xs.start)) / f64::from(xs.end - xs.start);
        // Pixel rows grow downwards, values upwards.
        let fy = (f64::from(ys.end) - py) / f64::from(ys.end - ys.start);
        Some((
            self.x.data_at(self.x.lo + fx * (self.x.hi - self.x.lo)),
            self.y.data_at(self.y.lo + fy * (self.y.hi - self.y.lo)),
        ))
    }

    /// The device pixel of a data point (the inverse of `locate`).
    pub fn pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let (xs, ys) = (&self.x_pixels, &self.y_pixels);
        let fx = (self.x.drawn_at(x) - self.x.lo) / (self.x.hi - self.x.lo);
        let fy = (self.y.drawn_at(y) - self.y.lo) / (self.y.hi - self.y.lo);
        (
            f64::from(xs.start) + fx * f64::from(xs.end - xs.start),
            f64::from(ys.end) - fy * f64::from(ys.end - ys.start),
        )
    }
}

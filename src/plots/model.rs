//! What each ratio chart shows, as data: every point comes from the exact cost core
//! (not only the closed form), and the same data drives the drawing, the `data-*`
//! attributes, the hover read-out and the text alternative.

use crate::cost::{Costs, Fraction, Layer, Param, Unit};

/// What the y axis shows: the ratio R = separable / standard, or its inverse, the speed-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Ratio,
    Speedup,
}

impl Measure {
    pub fn apply(self, ratio: Fraction) -> Fraction {
        match self {
            Measure::Ratio => ratio,
            Measure::Speedup => Fraction::new(ratio.den(), ratio.num()),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::Ratio => "R",
            Measure::Speedup => "speed-up 1/R",
        }
    }
}

/// Which parameter runs along the x axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sweep {
    /// R against N, 1 to 4096 on a log axis, one curve per kernel size.
    Filters,
    /// R against Dk, 1 to 15 (or the current Dk), one curve per filter count.
    Kernel,
}

impl Sweep {
    /// The parameter along x, and the one that tells the curves apart.
    pub fn params(self) -> (Param, Param) {
        match self {
            Sweep::Filters => (Param::N, Param::Dk),
            Sweep::Kernel => (Param::Dk, Param::N),
        }
    }
}

/// One curve: `key` is the value of the parameter that is held fixed along it.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub key: u32,
    pub current: bool,
    /// (x, y) with y already in the chart's measure; f64 is for drawing only.
    pub points: Vec<(f64, f64)>,
}

/// A ratio chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct RatioChart {
    pub sweep: Sweep,
    pub measure: Measure,
    pub x_max: u32,
    pub curves: Vec<Curve>,
    /// The layer on screen: its x and its exact value in the chart's measure.
    pub current_x: u32,
    pub current_value: Fraction,
    /// Where the current curve levels out as x grows: 1/Dk² against N, 1/N against Dk
    /// (g/Dk² and g/N for a grouped layer; more for FLOPs with bias).
    pub asymptote: Fraction,
    /// The unit the ratios are counted in.
    pub unit: Unit,
    /// The article's closed form 1/N + 1/Dk² along the current curve, drawn beside it
    /// where the exact ratio parts from it (groups, or FLOPs with bias).
    pub closed_form: Option<Vec<(f64, f64)>>,
}

/// Kernel sizes drawn against N, and filter counts drawn against Dk, besides the current one.
pub const KERNELS: [u32; 4] = [1, 3, 5, 7];
pub const FILTERS: [u32; 4] = [8, 32, 128, 1024];
pub const MAX_N: u32 = 4096;
pub const MAX_DK: u32 = 15;

impl RatioChart {
    pub fn new(costs: &Costs, unit: Unit, sweep: Sweep, measure: Measure) -> RatioChart {
        let layer = costs.layer;
        let (x_param, key_param) = sweep.params();
        let current_key = layer.get(key_param);
        let current_x = layer.get(x_param);
        let x_max = match sweep {
            Sweep::Filters => MAX_N.max(current_x),
            Sweep::Kernel => MAX_DK.max(current_x),
        };
        let fixed: &[u32] = match sweep {
            Sweep::Filters => &KERNELS,
            Sweep::Kernel => &FILTERS,
        };
        let mut keys: Vec<u32> = fixed.to_vec();
        if !keys.contains(&current_key) {
            keys.push(current_key);
        }
        crate::few::sort_by_key(&mut keys, |&k| k);
        let xs = samples(sweep, x_max);
        let curves = keys
            .into_iter()
            .map(|key| {
                let base = layer.with(key_param, key);
                let points = xs
                    .iter()
                    .filter_map(|&x| {
                        let ratio = exact_ratio(&base, x_param, x, unit)?;
                        Some((f64::from(x), measure.apply(ratio).to_f64()))
                    })
                    .collect();
                Curve {
                    key,
                    current: key == current_key,
                    points,
                }
            })
            .filter(|curve| !curve.points.is_empty())
            .collect();
        let closed_form = costs.gap(unit).map(|_| {
            let closed = |x: u32| {
                let (n, dk) = match sweep {
                    Sweep::Filters => (x, layer.dk),
                    Sweep::Kernel => (layer.n, x),
                };
                Fraction::new(1, u128::from(n)) + Fraction::new(1, u128::from(dk).pow(2))
            };
            xs.iter()
                .map(|&x| (f64::from(x), measure.apply(closed(x)).to_f64()))
                .collect()
        });
        RatioChart {
            sweep,
            measure,
            x_max,
            curves,
            current_x,
            current_value: measure.apply(costs.ratio_in(unit)),
            asymptote: measure.apply(limit(&layer, sweep, unit)),
            unit,
            closed_form,
        }
    }

    /// The exact value on the curve `key` at `x`, for the hover read-out.
    pub fn value_at(&self, layer: &Layer, key: u32, x: u32) -> Option<Fraction> {
        let (x_param, key_param) = self.sweep.params();
        exact_ratio(&layer.with(key_param, key), x_param, x, self.unit)
            .map(|r| self.measure.apply(r))
    }
}

/// R for `layer` with `param` set to `value`, from the exact counts; None without output.
fn exact_ratio(layer: &Layer, param: Param, value: u32, unit: Unit) -> Option<Fraction> {
    Costs::of(&layer.with(param, value))
        .ok()
        .map(|c| c.ratio_in(unit))
}

/// Where R goes as the swept size grows without bound. Counting c per multiply-add
/// (1, or 2 in FLOPs) and b per output value (1 for FLOPs with bias, else 0):
/// against N, R → g·(c·M + b) / (c·Dk²·M + g·b), which is 1/Dk² for a plain layer;
/// against Dk, the bias terms stay while the rest grows with Dk², so R → g/N.
pub fn limit(layer: &Layer, sweep: Sweep, unit: Unit) -> Fraction {
    let (g, m, n) = (
        u128::from(layer.groups.max(1)),
        u128::from(layer.m),
        u128::from(layer.n),
    );
    let dk2 = u128::from(layer.dk).pow(2);
    let (c, b) = match unit {
        Unit::Macs => (1, 0),
        Unit::Flops => (2, u128::from(layer.bias)),
    };
    match sweep {
        Sweep::Filters => Fraction::new(g * (c * m + b), c * dk2 * m + g * b),
        Sweep::Kernel => Fraction::new(g, n),
    }
}

/// The x values to evaluate: every kernel size, or about 24 filter counts per decade.
fn samples(sweep: Sweep, x_max: u32) -> Vec<u32> {
    match sweep {
        Sweep::Kernel => (1..=x_max).collect(),
        Sweep::Filters => {
            let mut xs: Vec<u32> = (0..)
                .map(|i| 10f64.powf(f64::from(i) / 24.0).round() as u32)
                .take_while(|&x| x < x_max)
                .collect();
            xs.push(x_max);
            xs.dedup();
            xs
        }
    }
}

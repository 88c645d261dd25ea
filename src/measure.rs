//! The "Run it" panel's arithmetic, kept apart from its view so that it is tested natively:
//! which layer a run can afford (a crop, fewer channels, fewer filters, always said), the
//! geometry the kernels take, what each kernel must compute and move (its place on the
//! roofline), and what the figures a run returns mean.

use crate::cost::{Costs, Layer, Part, Unit};
use sepconv_kernels::Geometry;

/// The most multiply-adds of the standard convolution a run times: about 15 ms a call at
/// 15 GFLOP/s, so that the slowest kernel runs often enough for a median within a second.
pub const MOST_MACS: u128 = 120_000_000;
/// The most values of any one buffer of a run (16 MB of f32): phones have little memory.
pub const MOST_VALUES: u128 = 4 << 20;
/// A crop keeps at least this many pixels a side (or the whole input, if smaller).
const SMALLEST_CROP: u32 = 16;

/// The three kernels a run times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    Standard,
    Depthwise,
    Pointwise,
}

impl Kernel {
    pub const ALL: [Kernel; 3] = [Kernel::Standard, Kernel::Depthwise, Kernel::Pointwise];

    pub fn part(self) -> Part {
        match self {
            Kernel::Standard => Part::Standard,
            Kernel::Depthwise => Part::Depthwise,
            Kernel::Pointwise => Part::Pointwise,
        }
    }

    /// The name in ids and in the worker's messages.
    pub fn key(self) -> &'static str {
        match self {
            Kernel::Standard => "standard",
            Kernel::Depthwise => "depthwise",
            Kernel::Pointwise => "pointwise",
        }
    }
}

/// The layer a run times, and how it differs from the one on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    /// What runs: the page's layer, or a smaller one with the same kernel, stride,
    /// padding and dilation.
    pub costs: Costs,
    /// The input side, if cropped: (run, page).
    pub crop: Option<(u32, u32)>,
    /// Input channels, if fewer: (run, page).
    pub channels: Option<(u32, u32)>,
    /// Filters, if fewer: (run, page).
    pub filters: Option<(u32, u32)>,
    /// Whether the page's layer adds a bias, which the kernels leave out.
    pub bias_left_out: bool,
    /// Whether even the smallest run fits (a huge kernel may not): if not, nothing runs.
    pub fits: bool,
}

impl Plan {
    /// The page's layer, or the largest one its first steps down fit: first a crop of the
    /// input (R does not depend on Dp), then fewer channels (nor on M), and fewer filters
    /// last (R does depend on N, and the panel says so). A grouped layer keeps its groups'
    /// width and has fewer of them.
    pub fn of(costs: &Costs) -> Plan {
        let page = costs.layer;
        let mut layer = Layer {
            bias: false,
            ..page
        };
        let smallest = SMALLEST_CROP.max(span(&layer)).min(page.df);
        while !fits(&layer) {
            if layer.df / 2 >= smallest {
                layer.df /= 2;
            } else if layer.df > smallest {
                layer.df = smallest;
            } else if layer.groups > 1 {
                // Fewer groups of the same width: channels and filters halve together.
                if !layer.groups.is_multiple_of(2) {
                    break;
                }
                let per_group = (layer.m / layer.groups, layer.n / layer.groups);
                layer.groups /= 2;
                (layer.m, layer.n) = (layer.groups * per_group.0, layer.groups * per_group.1);
            } else if layer.m >= 16 {
                layer.m /= 2;
            } else if layer.n >= 2 {
                layer.n /= 2;
            } else {
                break;
            }
        }
        let costs = Costs::of(&layer).unwrap_or(*costs);
        let fewer = |run: u32, page: u32| (run != page).then_some((run, page));
        Plan {
            costs,
            crop: fewer(costs.layer.df, page.df),
            channels: fewer(costs.layer.m, page.m),
            filters: fewer(costs.layer.n, page.n),
            bias_left_out: page.bias,
            fits: fits(&costs.layer),
        }
    }

    /// Whether the run is the page's layer itself (up to the bias).
    pub fn is_whole(&self) -> bool {
        self.crop.is_none() && self.channels.is_none() && self.filters.is_none()
    }

    /// The geometry the kernels take.
    pub fn geometry(&self) -> Geometry {
        geometry(&self.costs)
    }

    /// The FLOPs one call of `kernel` does: two per multiply-add, exactly the cost core's.
    pub fn flops(&self, kernel: Kernel) -> u128 {
        2 * self.costs.count(kernel.part(), Unit::Macs)
    }

    /// The fewest bytes one call of `kernel` must move: its input and weights read once,
    /// its output written once, four bytes a value.
    pub fn bytes(&self, kernel: Kernel) -> u128 {
        let (l, dp2) = (self.costs.layer, u128::from(self.costs.dp).pow(2));
        let (df2, dk2) = (u128::from(l.df).pow(2), u128::from(l.dk).pow(2));
        let (m, n, g) = (u128::from(l.m), u128::from(l.n), u128::from(l.groups));
        let values = match kernel {
            Kernel::Standard => df2 * m + n * (m / g) * dk2 + dp2 * n,
            Kernel::Depthwise => df2 * m + m * dk2 + dp2 * m,
            Kernel::Pointwise => dp2 * m + n * m + dp2 * n,
        };
        4 * values
    }

    /// FLOPs per byte: where `kernel` sits on the roofline's horizontal axis.
    pub fn intensity(&self, kernel: Kernel) -> f64 {
        self.flops(kernel) as f64 / self.bytes(kernel) as f64
    }

    /// The speed-up the counts predict: standard over separable multiply-adds, 1/R, for
    /// the layer that runs.
    pub fn predicted(&self) -> f64 {
        1.0 / self.costs.ratio_in(Unit::Macs).to_f64()
    }
}

/// How wide a window the kernel spans, dilation included.
fn span(l: &Layer) -> u32 {
    l.dilation.max(1) * (l.dk - 1) + 1
}

/// Whether `l`'s standard convolution and every buffer of it fit one run.
fn fits(l: &Layer) -> bool {
    let Ok(costs) = Costs::of(l) else {
        return true; // nothing to shrink towards; `Plan::of` keeps the page's layer
    };
    let dp2 = u128::from(costs.dp).pow(2);
    let (df2, dk2) = (u128::from(l.df).pow(2), u128::from(l.dk).pow(2));
    let (m, n, g) = (u128::from(l.m), u128::from(l.n), u128::from(l.groups));
    let buffers = [
        df2 * m,
        n * (m / g) * dk2,
        (m / g) * dk2 * dp2,
        m.max(n) * dp2,
    ];
    costs.count(Part::Standard, Unit::Macs) <= MOST_MACS
        && buffers.iter().all(|&b| b <= MOST_VALUES)
}

/// The geometry of the layer `costs` counts, as the kernels take it.
pub fn geometry(costs: &Costs) -> Geometry {
    let l = costs.layer;
    Geometry {
        size: l.df as usize,
        channels: l.m as usize,
        filters: l.n as usize,
        kernel: l.dk as usize,
        stride: l.stride.max(1) as usize,
        dilation: l.dilation.max(1) as usize,
        pad: costs.pad_before() as usize,
        out: costs.dp as usize,
        groups: l.groups.max(1) as usize,
    }
}

/// What a run returns: median milliseconds per call of each kernel, the largest
/// difference between the separable pair's output and the standard kernel's, and this
/// machine's measured arithmetic peak and memory bandwidth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured {
    pub ms: [f64; 3],
    pub max_error: f64,
    pub peak_gflops: f64,
    pub bandwidth_gbs: Option<f64>,
}

impl Measured {
    pub fn ms(&self, kernel: Kernel) -> f64 {
        self.ms[kernel as usize]
    }

    pub fn gflops(&self, plan: &Plan, kernel: Kernel) -> f64 {
        plan.flops(kernel) as f64 / self.ms(kernel) / 1e6
    }

    /// Standard milliseconds over the separable pair's.
    pub fn speedup(&self) -> f64 {
        self.ms(Kernel::Standard) / (self.ms(Kernel::Depthwise) + self.ms(Kernel::Pointwise))
    }

    /// The roofline at `intensity` FLOPs per byte: the lower of the peak and the bandwidth
    /// times the intensity, in GFLOP/s.
    pub fn roof(&self, intensity: f64) -> f64 {
        match self.bandwidth_gbs {
            Some(bandwidth) => self.peak_gflops.min(bandwidth * intensity),
            None => self.peak_gflops,
        }
    }

    /// Whether `kernel` sits under the memory slope: at its intensity, the bandwidth alone
    /// allows less than the peak.
    pub fn memory_bound(&self, plan: &Plan, kernel: Kernel) -> bool {
        self.roof(plan.intensity(kernel)) < self.peak_gflops
    }
}

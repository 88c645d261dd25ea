//! Multiplication and parameter counts, each an exact u128, with the formulas that give them.

use super::fraction::Fraction;
use super::geometry::Padding;
use super::layer::{Layer, LayerError, Param};

/// One factor of a cost formula: a symbol with its value and an exponent, or a sum of such.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Power {
        symbol: &'static str,
        value: u32,
        exponent: u32,
    },
    Sum(Vec<Term>),
    /// A plain number: FLOPs' factor 2.
    Number(u32),
}

impl Term {
    fn var(symbol: &'static str, value: u32) -> Term {
        Term::Power {
            symbol,
            value,
            exponent: 1,
        }
    }

    fn squared(symbol: &'static str, value: u32) -> Term {
        Term::Power {
            symbol,
            value,
            exponent: 2,
        }
    }

    pub fn value(&self) -> u128 {
        match self {
            Term::Power {
                value, exponent, ..
            } => u128::from(*value).pow(*exponent),
            Term::Sum(terms) => terms.iter().map(Term::value).sum(),
            Term::Number(n) => u128::from(*n),
        }
    }

    /// The term in plain text, by symbol ("Dk²") or by number ("3²").
    fn text(&self, by_symbol: bool) -> String {
        match self {
            Term::Power {
                symbol,
                value,
                exponent,
            } => {
                let base = if by_symbol {
                    (*symbol).to_owned()
                } else {
                    value.to_string()
                };
                match exponent {
                    1 => base,
                    2 => base + "²",
                    e => format!("{base}^{e}"),
                }
            }
            Term::Sum(terms) => {
                let parts: Vec<String> = terms.iter().map(|t| t.text(by_symbol)).collect();
                format!("({})", parts.join(" + "))
            }
            Term::Number(n) => n.to_string(),
        }
    }
}

/// A sum of products of terms: the way the seed article writes each count, with the
/// FLOPs convention's factor 2 and bias additions when they are asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formula(pub Vec<Vec<Term>>);

impl Formula {
    fn product(terms: Vec<Term>) -> Formula {
        Formula(vec![terms])
    }

    pub fn value(&self) -> u128 {
        let product = |terms: &Vec<Term>| terms.iter().map(Term::value).product::<u128>();
        self.0.iter().map(product).sum()
    }

    /// "N × Dp² × Dk² × M"
    pub fn symbols(&self) -> String {
        self.join(true)
    }

    /// "512 × 14² × 3² × 512"
    pub fn numbers(&self) -> String {
        self.join(false)
    }

    fn join(&self, by_symbol: bool) -> String {
        let product = |terms: &Vec<Term>| {
            let parts: Vec<String> = terms.iter().map(|t| t.text(by_symbol)).collect();
            parts.join(" × ")
        };
        let products: Vec<String> = self.0.iter().map(product).collect();
        products.join(" + ")
    }

    /// This count in `unit`: as it is in multiply-adds, or as FLOPs, two per
    /// multiply-add, plus one addition per output value for a bias.
    fn in_unit(self, unit: Unit, bias: Option<Vec<Term>>) -> Formula {
        match unit {
            Unit::Macs => self,
            Unit::Flops => {
                let mut products: Vec<Vec<Term>> = self
                    .0
                    .into_iter()
                    .map(|terms| [vec![Term::Number(2)], terms].concat())
                    .collect();
                products.extend(bias);
                Formula(products)
            }
        }
    }
}

/// What a count counts. The papers and the public counters (fvcore, thop, torchinfo)
/// report multiply-adds; FLOPs count the multiplication and the addition apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    #[default]
    Macs,
    Flops,
}

impl Unit {
    pub const ALL: [Unit; 2] = [Unit::Macs, Unit::Flops];

    /// The URL's spelling: `macs` or `flops`.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Macs => "macs",
            Unit::Flops => "flops",
        }
    }

    pub fn parse(text: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.key() == text.trim())
    }
}

/// One of the four counts the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Standard,
    Depthwise,
    Pointwise,
    Separable,
}

/// Why the exact ratio and the article's closed form 1/N + 1/Dk² part ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// A grouped layer is g times cheaper already: R = g/N + g/Dk² in multiply-adds.
    Groups(u32),
    /// FLOPs with a bias add one addition per output value to each side.
    FlopsBias,
}

/// Every count for one layer, derived from the layer and its output size Dp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Costs {
    pub layer: Layer,
    pub dp: u32,
}

impl Default for Costs {
    /// The default layer's counts: same padding at stride 1 keeps Dp = Df.
    fn default() -> Self {
        let layer = Layer::default();
        Costs {
            layer,
            dp: layer.df,
        }
    }
}

impl Costs {
    /// The counts of a layer, or why it has none.
    pub fn of(layer: &Layer) -> Result<Costs, LayerError> {
        let dp = layer.check()?;
        Ok(Costs { layer: *layer, dp })
    }

    /// The padding TensorFlow's `same` adds in all on one axis to reach this layer's Dp.
    pub fn same_padding(&self) -> u64 {
        let l = &self.layer;
        let span = u64::from(l.dilation) * u64::from(l.dk.saturating_sub(1)) + 1;
        ((u64::from(self.dp) - 1) * u64::from(l.stride) + span).saturating_sub(u64::from(l.df))
    }

    /// The padding P on every side that stands for this layer's: its own, none for
    /// `valid`, and for `same` the least that reaches its Dp (half of `same`'s, rounded up
    /// where `same` puts the odd pixel on one side), within what P may be.
    pub fn explicit_padding(&self) -> u32 {
        match self.layer.padding {
            Padding::Explicit(p) => p,
            Padding::Valid => 0,
            Padding::Same => u32::try_from(self.same_padding().div_ceil(2))
                .unwrap_or(u32::MAX)
                .min(Param::Pad.limit().max),
        }
    }

    // The factors of the formulas, named as in the seed article.
    fn n(&self) -> Term {
        Term::var("N", self.layer.n)
    }

    fn m(&self) -> Term {
        Term::var("M", self.layer.m)
    }

    fn dk2(&self) -> Term {
        Term::squared("Dk", self.layer.dk)
    }

    fn dp2(&self) -> Term {
        Term::squared("Dp", self.dp)
    }

    /// M/g, the channels each filter of the standard side sees; plain M when g = 1.
    fn m_per_group(&self) -> Term {
        match self.layer.groups {
            1 => self.m(),
            g => Term::var("M/g", self.layer.m / g.max(1)),
        }
    }

    /// Standard convolution: N filters, each at Dp² positions, each Dk²·M multiplications.
    /// N × Dp² × Dk² × M (the seed article; MobileNets paper, Howard et al. 2017, eq. 2);
    /// grouped, each filter sees M/g channels.
    pub fn standard_formula(&self) -> Formula {
        Formula::product(vec![self.n(), self.dp2(), self.dk2(), self.m_per_group()])
    }

    /// Depthwise step: M filters of Dk x Dk x 1, one per channel, each at Dp² positions.
    /// M × Dk² × Dp² (the seed article; MobileNets eq. 4, first term).
    pub fn depthwise_formula(&self) -> Formula {
        Formula::product(vec![self.m(), self.dk2(), self.dp2()])
    }

    /// Pointwise step: N filters of 1 x 1 x M at Dp² positions.
    /// M × Dp² × N (the seed article; MobileNets eq. 5, second term).
    pub fn pointwise_formula(&self) -> Formula {
        Formula::product(vec![self.m(), self.dp2(), self.n()])
    }

    /// Both steps: M × Dp² × (Dk² + N) (the seed article's factored sum; MobileNets eq. 5).
    pub fn separable_formula(&self) -> Formula {
        Formula::product(vec![
            self.m(),
            self.dp2(),
            Term::Sum(vec![self.dk2(), self.n()]),
        ])
    }

    /// A count's formula in `unit`. In FLOPs a bias adds its output values:
    /// N·Dp² for the standard and the pointwise step, M·Dp² for the depthwise step.
    pub fn formula(&self, part: Part, unit: Unit) -> Formula {
        let outputs = |channels: Term| vec![channels, self.dp2()];
        let (macs, outputs) = match part {
            Part::Standard => (self.standard_formula(), outputs(self.n())),
            Part::Depthwise => (self.depthwise_formula(), outputs(self.m())),
            Part::Pointwise => (self.pointwise_formula(), outputs(self.n())),
            Part::Separable => (
                self.separable_formula(),
                outputs(Term::Sum(vec![self.m(), self.n()])),
            ),
        };
        macs.in_unit(unit, self.layer.bias.then_some(outputs))
    }

    /// A count in `unit`, from the counts (not from the formula, which tests compare).
    pub fn count(&self, part: Part, unit: Unit) -> u128 {
        let l = &self.layer;
        let dp2 = sq(self.dp);
        let (macs, outputs) = match part {
            Part::Standard => (self.standard(), u128::from(l.n) * dp2),
            Part::Depthwise => (self.depthwise(), u128::from(l.m) * dp2),
            Part::Pointwise => (self.pointwise(), u128::from(l.n) * dp2),
            Part::Separable => (self.separable(), (u128::from(l.m) + u128::from(l.n)) * dp2),
        };
        match unit {
            Unit::Macs => macs,
            Unit::Flops => 2 * macs + if l.bias { outputs } else { 0 },
        }
    }

    /// Padding on the top and left: explicit P, or for same padding half of what it
    /// takes (TensorFlow puts the odd pixel at the bottom and right).
    pub fn pad_before(&self) -> u32 {
        let l = self.layer;
        match l.padding {
            Padding::Valid => 0,
            Padding::Explicit(p) => p,
            Padding::Same => {
                let needed = (u64::from(self.dp) - 1) * u64::from(l.stride.max(1)) + l.span();
                (needed.saturating_sub(u64::from(l.df)) / 2) as u32
            }
        }
    }

    /// Multiply-adds of the standard side: N·Dp²·Dk²·M/g.
    pub fn standard(&self) -> u128 {
        let l = &self.layer;
        u128::from(l.n) * sq(self.dp) * sq(l.dk) * u128::from(l.m / l.groups.max(1))
    }

    pub fn depthwise(&self) -> u128 {
        let l = &self.layer;
        u128::from(l.m) * sq(l.dk) * sq(self.dp)
    }

    pub fn pointwise(&self) -> u128 {
        let l = &self.layer;
        u128::from(l.m) * sq(self.dp) * u128::from(l.n)
    }

    pub fn separable(&self) -> u128 {
        self.depthwise() + self.pointwise()
    }

    /// One bias per output channel, if the layer has them.
    fn biases(&self, channels: u32) -> u128 {
        if self.layer.bias {
            u128::from(channels)
        } else {
            0
        }
    }

    /// Weights of the standard side: N filters of Dk x Dk x M/g, and N biases.
    pub fn params_standard(&self) -> u128 {
        let l = &self.layer;
        sq(l.dk) * u128::from(l.m / l.groups.max(1)) * u128::from(l.n) + self.biases(l.n)
    }

    /// Weights of the depthwise step: M filters of Dk x Dk x 1, and M biases.
    pub fn params_depthwise(&self) -> u128 {
        sq(self.layer.dk) * u128::from(self.layer.m) + self.biases(self.layer.m)
    }

    /// Weights of the pointwise step: N filters of 1 x 1 x M, and N biases.
    pub fn params_pointwise(&self) -> u128 {
        u128::from(self.layer.m) * u128::from(self.layer.n) + self.biases(self.layer.n)
    }

    pub fn params_separable(&self) -> u128 {
        self.params_depthwise() + self.params_pointwise()
    }

    /// R = separable / standard in `unit`, exactly.
    pub fn ratio_in(&self, unit: Unit) -> Fraction {
        Fraction::new(
            self.count(Part::Separable, unit),
            self.count(Part::Standard, unit),
        )
    }

    /// Why the exact ratio in `unit` is not the article's closed form, if it is not.
    pub fn gap(&self, unit: Unit) -> Option<Gap> {
        if self.layer.groups > 1 {
            Some(Gap::Groups(self.layer.groups))
        } else if unit == Unit::Flops && self.layer.bias {
            Some(Gap::FlopsBias)
        } else {
            None
        }
    }

    /// R = separable / standard in multiply-adds, exactly, from the two counts.
    pub fn ratio(&self) -> Fraction {
        self.ratio_in(Unit::Macs)
    }

    /// The seed article's closed form R = 1/N + 1/Dk², summed as fractions.
    pub fn ratio_closed_form(&self) -> Fraction {
        let l = &self.layer;
        Fraction::new(1, u128::from(l.n)) + Fraction::new(1, sq(l.dk))
    }

    /// How many times fewer multiplications: standard / separable.
    pub fn speedup(&self) -> Fraction {
        Fraction::new(self.standard(), self.separable())
    }
}

fn sq(x: u32) -> u128 {
    u128::from(x) * u128::from(x)
}

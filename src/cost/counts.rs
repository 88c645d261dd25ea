//! Multiplication and parameter counts, each an exact u128, with the formulas that give them.

use super::fraction::Fraction;
use super::layer::{Layer, LayerError};

/// One factor of a cost formula: a symbol with its value and an exponent, or a sum of such.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Power {
        symbol: &'static str,
        value: u32,
        exponent: u32,
    },
    Sum(Vec<Term>),
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
        }
    }
}

/// A product of terms: the way the seed article writes each count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formula(pub Vec<Term>);

impl Formula {
    pub fn value(&self) -> u128 {
        self.0.iter().map(Term::value).product()
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
        let parts: Vec<String> = self.0.iter().map(|t| t.text(by_symbol)).collect();
        parts.join(" × ")
    }
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

    /// Standard convolution: N filters, each at Dp² positions, each Dk²·M multiplications.
    /// N × Dp² × Dk² × M (the seed article; MobileNets paper, Howard et al. 2017, eq. 2).
    pub fn standard_formula(&self) -> Formula {
        Formula(vec![self.n(), self.dp2(), self.dk2(), self.m()])
    }

    /// Depthwise step: M filters of Dk x Dk x 1, one per channel, each at Dp² positions.
    /// M × Dk² × Dp² (the seed article; MobileNets eq. 4, first term).
    pub fn depthwise_formula(&self) -> Formula {
        Formula(vec![self.m(), self.dk2(), self.dp2()])
    }

    /// Pointwise step: N filters of 1 x 1 x M at Dp² positions.
    /// M × Dp² × N (the seed article; MobileNets eq. 5, second term).
    pub fn pointwise_formula(&self) -> Formula {
        Formula(vec![self.m(), self.dp2(), self.n()])
    }

    /// Both steps: M × Dp² × (Dk² + N) (the seed article's factored sum; MobileNets eq. 5).
    pub fn separable_formula(&self) -> Formula {
        Formula(vec![
            self.m(),
            self.dp2(),
            Term::Sum(vec![self.dk2(), self.n()]),
        ])
    }

    pub fn standard(&self) -> u128 {
        let l = &self.layer;
        u128::from(l.n) * sq(self.dp) * sq(l.dk) * u128::from(l.m)
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

    /// Weights of the standard layer: N filters of Dk x Dk x M (no bias).
    pub fn params_standard(&self) -> u128 {
        let l = &self.layer;
        sq(l.dk) * u128::from(l.m) * u128::from(l.n)
    }

    /// Weights of the depthwise step: M filters of Dk x Dk x 1.
    pub fn params_depthwise(&self) -> u128 {
        sq(self.layer.dk) * u128::from(self.layer.m)
    }

    /// Weights of the pointwise step: N filters of 1 x 1 x M.
    pub fn params_pointwise(&self) -> u128 {
        u128::from(self.layer.m) * u128::from(self.layer.n)
    }

    pub fn params_separable(&self) -> u128 {
        self.params_depthwise() + self.params_pointwise()
    }

    /// R = separable / standard, exactly, from the two counts.
    pub fn ratio(&self) -> Fraction {
        Fraction::new(self.separable(), self.standard())
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

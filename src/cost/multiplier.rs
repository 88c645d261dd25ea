//! MobileNet's two hyper-parameters that shrink a layer: the width multiplier α, which
//! thins every layer to αM inputs and αN filters, and the resolution multiplier ρ, which
//! shrinks the input to ρ·Df (Howard et al. 2017, section 3.3 and 3.4, equations 6 and 7).
//!
//! Both are kept in thousandths, so that "0.75" is exactly 750 and the rounding is
//! integer arithmetic: no float parsing, no float rounding.

use super::layer::{Layer, LayerError};
use std::fmt;

/// A multiplier in (0, 1], in thousandths: 1 to 1000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Multiplier(u32);

impl Multiplier {
    pub const ONE: Multiplier = Multiplier(1000);

    /// From thousandths, if within 1..=1000.
    pub fn from_thousandths(thousandths: u32) -> Option<Multiplier> {
        (1..=1000)
            .contains(&thousandths)
            .then_some(Multiplier(thousandths))
    }

    pub fn thousandths(self) -> u32 {
        self.0
    }

    pub fn is_one(self) -> bool {
        self == Multiplier::ONE
    }

    /// ⌊α·c⌋, the paper's αM and αN (TF-slim's `int(d * depth_multiplier)`).
    pub fn floor(self, count: u32) -> u32 {
        narrow(u64::from(count) * u64::from(self.0) / 1000)
    }

    /// ρ·Df rounded to the nearest integer, halves up.
    pub fn round(self, size: u32) -> u32 {
        narrow((u64::from(size) * u64::from(self.0) + 500) / 1000)
    }

    /// Reads "0.75", ".5", "1" or "1.000": a number above 0 and at most 1, with at most
    /// three decimals; otherwise what is wrong with it.
    pub fn parse(text: &str) -> Result<Multiplier, MultiplierError> {
        let text = text.trim();
        // A sign is a number's: "-0.5" is out of range, not "not a number", and "+0.5" is 0.5.
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if text.is_empty() || !digits(whole) || !digits(fraction) || text == "." {
            return Err(MultiplierError::NotANumber);
        }
        // "1.0000" is 1: only the decimals that count are limited.
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > 3 {
            return Err(MultiplierError::TooManyDecimals);
        }
        if negative {
            return Err(MultiplierError::OutOfRange);
        }
        let whole: u32 = match whole {
            "" => 0,
            w if w.len() > 4 => return Err(MultiplierError::OutOfRange),
            w => w.parse().map_err(|_| MultiplierError::NotANumber)?,
        };
        let fraction: u32 = format!("{fraction:0<3}").parse().unwrap_or(0);
        Multiplier::from_thousandths(whole * 1000 + fraction).ok_or(MultiplierError::OutOfRange)
    }
}

/// Why typed text is not a multiplier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MultiplierError {
    NotANumber,
    TooManyDecimals,
    /// 0, or above 1.
    OutOfRange,
}

impl Default for Multiplier {
    fn default() -> Self {
        Multiplier::ONE
    }
}

impl fmt::Display for Multiplier {
    /// "1", "0.75", "0.857": no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, fraction) = (self.0 / 1000, self.0 % 1000);
        if fraction == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{fraction:03}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// A layer as the controls set it, with the two multipliers still to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Scaled {
    pub base: Layer,
    pub alpha: Multiplier,
    pub rho: Multiplier,
}

impl Scaled {
    /// The layer the counts are of: αM inputs, αN filters, a ρ·Df input (eq. 7).
    /// Groups stay as set. Both the layer as set and the scaled one must be valid: a
    /// channel count that rounds to 0, groups that do not divide αM and αN, or a kernel
    /// wider than ρ·Df is an error, the same one however the layer arrived.
    pub fn layer(&self) -> Result<Layer, LayerError> {
        self.base.check()?;
        let (alpha, rho) = (self.alpha, self.rho);
        let base = self.base;
        let scaled = Layer {
            m: alpha.floor(base.m),
            n: alpha.floor(base.n),
            df: rho.round(base.df),
            ..base
        };
        let vanished = [(scaled.m, "α·M"), (scaled.n, "α·N"), (scaled.df, "ρ·Df")]
            .into_iter()
            .find(|&(value, _)| value == 0);
        match vanished {
            Some((_, what)) => Err(LayerError::Vanishes { what }),
            None => scaled.check().map(|_| scaled),
        }
    }
}

fn narrow(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        use MultiplierError::*;
        let t = |s| Multiplier::parse(s).map(Multiplier::thousandths);
        assert_eq!(t("0.75"), Ok(750));
        assert_eq!(t(".5"), Ok(500));
        assert_eq!(t("1"), Ok(1000));
        assert_eq!(t(" 1.000 "), Ok(1000));
        assert_eq!(t("0.857"), Ok(857));
        assert_eq!(t("0"), Err(OutOfRange));
        assert_eq!(t("1.5"), Err(OutOfRange));
        assert_eq!(t("0.7501"), Err(TooManyDecimals));
        assert_eq!(t("-0.5"), Err(OutOfRange));
        assert_eq!(t("-3"), Err(OutOfRange));
        assert_eq!(t("+0.5"), Ok(500));
        assert_eq!(t("+4"), Err(OutOfRange));
        assert_eq!(t("1.0000"), Ok(1000));
        assert_eq!(t("0.75000000"), Ok(750));
        assert_eq!(t("-"), Err(NotANumber));
        assert_eq!(t("+-1"), Err(NotANumber));
        assert_eq!(t("abc"), Err(NotANumber));
        assert_eq!(t(""), Err(NotANumber));
        assert_eq!(t("99999999999"), Err(OutOfRange));
    }

    #[test]
    fn prints_without_trailing_zeros() {
        let p = |t| Multiplier::from_thousandths(t).unwrap().to_string();
        assert_eq!(p(1000), "1");
        assert_eq!(p(750), "0.75");
        assert_eq!(p(5), "0.005");
        assert_eq!(p(857), "0.857");
    }

    #[test]
    fn rounds_as_the_paper() {
        let rho = |t| Multiplier::from_thousandths(t).unwrap();
        // ρ for 192, 160 and 128 from 224, to three decimals, gives those sizes back.
        assert_eq!(rho(857).round(224), 192);
        assert_eq!(rho(714).round(224), 160);
        assert_eq!(rho(571).round(224), 128);
        assert_eq!(rho(750).floor(1022), 766);
    }
}

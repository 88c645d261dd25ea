//! An exact, always-reduced fraction of u128s, and its decimal expansion by long division.

use std::ops::Add;

/// num / den in lowest terms, with den > 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    num: u128,
    den: u128,
}

impl Fraction {
    /// num / den, reduced. A zero denominator is a caller's bug; it reads as 0/1 rather
    /// than panicking, and every count the app divides by is at least 1.
    pub fn new(num: u128, den: u128) -> Fraction {
        if den == 0 {
            return Fraction { num: 0, den: 1 };
        }
        let g = gcd(num, den);
        Fraction {
            num: num / g,
            den: den / g,
        }
    }

    pub fn num(self) -> u128 {
        self.num
    }

    pub fn den(self) -> u128 {
        self.den
    }

    /// Close enough for drawing; never for the figures shown as exact.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// The value rounded half up to `places` digits after the point: "0.010004".
    pub fn fixed(self, places: usize) -> String {
        self.fixed_in(places, false)
    }

    /// As [`fixed`](Self::fixed), with a comma before each group of three whole digits:
    /// "7,943.8".
    pub fn fixed_grouped(self, places: usize) -> String {
        self.fixed_in(places, true)
    }

    fn fixed_in(self, places: usize, grouped: bool) -> String {
        let int = self.num / self.den;
        let mut rem = self.num % self.den;
        let mut digits: Vec<u8> = int.to_string().into_bytes();
        let mut int_len = digits.len();
        for _ in 0..places {
            // rem < den, and every den here is below 2^100, so 10·rem cannot overflow.
            rem *= 10;
            digits.push(b'0' + (rem / self.den) as u8);
            rem %= self.den;
        }
        if rem >= self.den - rem && round_up(&mut digits) {
            digits.insert(0, b'1');
            int_len += 1;
        }
        let mut at = int_len;
        while grouped && at > 3 {
            at -= 3;
            digits.insert(at, b',');
            int_len += 1;
        }
        let mut out = String::from_utf8(digits).unwrap_or_default();
        if places > 0 {
            out.insert(int_len, '.');
        }
        out
    }

    /// The value rounded half up to `sig` significant digits: 0.0100038147 for sig = 9.
    pub fn significant(self, sig: usize) -> String {
        let int = self.num / self.den;
        let places = if int > 0 {
            sig.saturating_sub(int.to_string().len())
        } else {
            sig + self.leading_fraction_zeros()
        };
        self.fixed(places)
    }

    /// How many zeros follow the point before the first other digit (0 for a zero value).
    fn leading_fraction_zeros(self) -> usize {
        let mut rem = self.num % self.den;
        let mut zeros = 0;
        while rem != 0 && rem * 10 < self.den {
            rem *= 10;
            zeros += 1;
        }
        zeros
    }
}

impl Add for Fraction {
    type Output = Fraction;

    /// a/b + c/d = (a·d + c·b) / (b·d), reduced; the app only adds fractions whose
    /// denominators are below 2^40, so nothing overflows.
    fn add(self, other: Fraction) -> Fraction {
        Fraction::new(
            self.num * other.den + other.num * self.den,
            self.den * other.den,
        )
    }
}

/// Adds one to a string of decimal digits; true when it carried out of the first digit.
fn round_up(digits: &mut [u8]) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return false;
        }
    }
    true
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduces() {
        let f = Fraction::new(52_283_392, 462_422_016);
        assert_eq!((f.num(), f.den()), (521, 4608));
    }

    #[test]
    fn rounds_half_up_and_carries() {
        assert_eq!(Fraction::new(1, 3).fixed(4), "0.3333");
        assert_eq!(Fraction::new(2, 3).fixed(4), "0.6667");
        assert_eq!(Fraction::new(1, 8).fixed(2), "0.13");
        assert_eq!(Fraction::new(999, 1000).fixed(2), "1.00");
        assert_eq!(Fraction::new(19999, 2000).fixed(0), "10");
        assert_eq!(Fraction::new(7, 2).fixed(0), "4");
    }

    #[test]
    fn significant_digits_skip_leading_zeros() {
        assert_eq!(Fraction::new(1, 3).significant(3), "0.333");
        assert_eq!(Fraction::new(1, 300).significant(3), "0.00333");
        assert_eq!(Fraction::new(1000, 3).significant(5), "333.33");
        assert_eq!(Fraction::new(123_456, 1).significant(3), "123456");
        assert_eq!(Fraction::new(0, 5).significant(3), "0.000");
    }

    #[test]
    fn adds() {
        let f = Fraction::new(1, 6) + Fraction::new(1, 3);
        assert_eq!((f.num(), f.den()), (1, 2));
    }
}

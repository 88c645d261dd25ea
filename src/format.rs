//! Numbers as people read them: thousands separators and a short form with a unit prefix
//! (or, past T, a power of ten).

use crate::cost::Fraction;

/// 462422016 → "462,422,016"
pub fn thousands(value: u128) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 12.345 with 1 place → "12.3": a non-negative value, rounded, without the float
/// formatting machinery (which would ship some 5 KB to every phone for a few attributes).
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.max(0.0) * scale as f64).round() as u64;
    let fraction = format!("{:0width$}", scaled % scale, width = places as usize);
    match places {
        0 => (scaled / scale).to_string(),
        _ => format!("{}.{fraction}", scaled / scale),
    }
}

/// 14.4 → "14.4", 0.35 → "0.35", 12.0 → "12": a non-negative value to two places without
/// trailing zeros, as a canvas's font or an SVG's attributes take a size or an opacity.
pub fn plain(value: f64) -> String {
    let text = decimal(value, 2);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// 3 significant digits without trailing zeros: 0.0204, 1, 4096, 0.111 (a non-negative
/// value; from 100 on, whole).
pub fn short_decimal(value: f64) -> String {
    if value >= 100.0 {
        return decimal(value, 0);
    }
    if value <= 0.0 {
        return "0".to_owned();
    }
    let places = (2 - value.log10().floor() as i32).clamp(0, 12) as u32;
    let text = decimal(value, places);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// The units of the short form in English: SI prefixes up to T. Past T the short form is
/// a power of ten: P and E are prefixes few students have met ("373.7 E" says little;
/// "3.7 × 10²⁰" says it to anyone who has done school science).
const SI: [(u128, &str); 4] = [
    (1_000, "k"),
    (1_000_000, "M"),
    (1_000_000_000, "G"),
    (1_000_000_000_000, "T"),
];

/// 462422016 → "462.4 M": one decimal, rounded half up, in exact integer arithmetic.
/// Values below 1000 come back whole: "980"; from 1000 T on, a power of ten.
pub fn short(value: u128) -> String {
    in_units(value, &SI, 1_000)
}

/// `value` in the first of `units` (smallest first) in which it stays under `most` after
/// rounding, with one decimal, rounded half up, exactly: 999,949 is "999.9 k", and
/// 999,950 "1.0 M", not "1000.0 k". Below the first unit it is whole; past the last, a
/// power of ten.
pub(crate) fn in_units(value: u128, units: &[(u128, &str)], most: u128) -> String {
    if value < units[0].0 {
        return value.to_string();
    }
    for &(scale, unit) in units {
        let tenths = rounded_tenths(value, scale);
        if tenths < most * 10 {
            return format!("{}.{} {unit}", tenths / 10, tenths % 10);
        }
    }
    powers_of_ten(value)
}

/// 373708714671389802496 → "3.7 × 10²⁰": one decimal, rounded half up, exactly (read off
/// the decimal digits, which the thousands separators need anyway).
pub(crate) fn powers_of_ten(value: u128) -> String {
    const SUPERSCRIPTS: [&str; 10] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
    let digits = value.to_string().into_bytes();
    let digit = |i: usize| digits.get(i).map_or(0, |d| u32::from(d - b'0'));
    // Half up: the third digit says whether what follows the second is half a unit or more.
    let mut tenths = digit(0) * 10 + digit(1) + u32::from(digit(2) >= 5);
    let mut exponent = digits.len() - 1;
    if tenths == 100 {
        // 9.95 × 10^k is 1.0 × 10^(k+1).
        (tenths, exponent) = (10, exponent + 1);
    }
    let mut out = format!("{}.{} × 10", tenths / 10, tenths % 10);
    // A u128 has at most 39 digits: an exponent of one or two.
    if exponent >= 10 {
        out.push_str(SUPERSCRIPTS[exponent / 10 % 10]);
    }
    out.push_str(SUPERSCRIPTS[exponent % 10]);
    out
}

/// value / scale in tenths, rounded half up.
fn rounded_tenths(value: u128, scale: u128) -> u128 {
    let tenth = scale / 10;
    (value + tenth / 2) / tenth
}

/// 521/4608, or just 1 when the denominator is 1.
pub fn fraction_text(f: Fraction) -> String {
    if f.den() == 1 {
        thousands(f.num())
    } else {
        format!("{}/{}", thousands(f.num()), thousands(f.den()))
    }
}

/// The headline's factor, always at least 1: "8.8" fewer, or "2.0" more.
pub fn headline_factor(speedup: Fraction) -> String {
    // Its thousands apart, as every other figure on the page: "7,943.8", not "7943.8".
    if speedup.num() >= speedup.den() {
        speedup.fixed_grouped(1)
    } else {
        Fraction::new(speedup.den(), speedup.num()).fixed_grouped(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(462_422_016), "462,422,016");
        assert_eq!(thousands(u128::MAX).replace(',', ""), u128::MAX.to_string());
    }

    #[test]
    fn shortens() {
        assert_eq!(short(0), "0");
        assert_eq!(short(999), "999");
        assert_eq!(short(1000), "1.0 k");
        assert_eq!(short(462_422_016), "462.4 M");
        assert_eq!(short(52_283_392), "52.3 M");
        // 999,950 rounds to 1000.0 k, which is 1.0 M.
        assert_eq!(short(999_950), "1.0 M");
        assert_eq!(short(999_949), "999.9 k");
        assert_eq!(short(999_949_999_999_999), "999.9 T");
        // Past T, a power of ten: 999.95 T rounds to 1.0 × 10¹⁵.
        assert_eq!(short(999_950_000_000_000), "1.0 × 10¹⁵");
        assert_eq!(short(45_618_739_583_909_888), "4.6 × 10¹⁶");
        // The largest standard count a link accepts (df 4096, pad 512, dk 512, m = n = 8192).
        assert_eq!(short(373_708_714_671_389_802_496), "3.7 × 10²⁰");
        assert_eq!(short(590_295_810_358_705_651_712), "5.9 × 10²⁰");
    }

    #[test]
    fn plain_numbers_match_rusts_own_formatting_to_two_places() {
        // Every font size and opacity a chart writes: hundredths from 0 to 200.
        for hundredths in 0..=20_000u32 {
            let value = f64::from(hundredths) / 100.0;
            let rust = format!("{value}");
            assert_eq!(plain(value), rust, "{hundredths} hundredths");
        }
        assert_eq!(plain(14.004), "14");
    }

    #[test]
    fn powers_of_ten_round_half_up_exactly() {
        assert_eq!(powers_of_ten(1), "1.0 × 10⁰");
        assert_eq!(powers_of_ten(95), "9.5 × 10¹");
        assert_eq!(powers_of_ten(1_000), "1.0 × 10³");
        assert_eq!(powers_of_ten(1_049), "1.0 × 10³");
        assert_eq!(powers_of_ten(1_050), "1.1 × 10³");
        // 9.95 × 10^k rounds up into the next power.
        assert_eq!(powers_of_ten(9_949), "9.9 × 10³");
        assert_eq!(powers_of_ten(9_950), "1.0 × 10⁴");
        assert_eq!(powers_of_ten(u128::MAX), "3.4 × 10³⁸");
    }
}

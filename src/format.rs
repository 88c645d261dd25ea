//! Numbers as people read them: thousands separators and a short form with a unit prefix.

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

/// SI prefixes for the short form, from 10^3 up; u128 counts here stay below 10^21.
const PREFIXES: [&str; 8] = ["k", "M", "G", "T", "P", "E", "Z", "Y"];

/// 462422016 → "462.4 M": one decimal, rounded half up, in exact integer arithmetic.
/// Values below 1000 come back whole: "980".
pub fn short(value: u128) -> String {
    if value < 1000 {
        return value.to_string();
    }
    let (mut scale, mut prefix) = (1000, PREFIXES[0]);
    for next in &PREFIXES[1..] {
        // 999.95 k rounds to 1000.0 k: say 1.0 M instead.
        if rounded_tenths(value, scale) < 10_000 {
            break;
        }
        scale *= 1000;
        prefix = next;
    }
    let tenths = rounded_tenths(value, scale);
    format!("{}.{} {prefix}", tenths / 10, tenths % 10)
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
    if speedup.num() >= speedup.den() {
        speedup.fixed(1)
    } else {
        Fraction::new(speedup.den(), speedup.num()).fixed(1)
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
        assert_eq!(short(590_295_810_358_705_651_712), "590.3 E");
    }
}

//! Real networks, layer by layer: their definitions are data (one JSON file each, turned
//! into [`NETWORKS`] by `build.rs`), and one walk over the layers counts multiply-adds
//! and parameters for any width multiplier α and input resolution. Adding a network is
//! adding a file here and its name in `build.rs`.

mod count;
mod model;

pub use count::{Count, Kind, Row, Totals};
pub use model::{Network, Op, OpKind, Published};

include!(concat!(env!("OUT_DIR"), "/networks.rs"));

/// The network with this id.
pub fn by_id(id: &str) -> Option<&'static Network> {
    NETWORKS.iter().find(|network| network.id == id)
}

/// How a count in millions compares with a figure printed to some decimals ("569",
/// "4.2"). The papers round most figures and cut a few (MobileNet's 290.68 million at
/// 160x160 is printed 290), so both count as agreeing, and the page says which it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    Rounded,
    Truncated,
    Differs,
}

/// A figure printed in millions ("569", "4.2") as its digits and the count one of its
/// last digit stands for (1,000,000 for "569", 100,000 for "4.2").
fn printed_digits(printed: &str) -> Option<(u128, u128)> {
    let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len()) as u32;
    let digits: String = printed.chars().filter(|c| *c != '.').collect();
    Some((digits.parse().ok()?, 10u128.pow(6 - decimals.min(6))))
}

/// Compares `count` with `printed`, in millions, by integer arithmetic.
pub fn agreement(count: u128, printed: &str) -> Agreement {
    let Some((printed, unit)) = printed_digits(printed) else {
        return Agreement::Differs;
    };
    if (count + unit / 2) / unit == printed {
        Agreement::Rounded
    } else if count / unit == printed {
        Agreement::Truncated
    } else {
        Agreement::Differs
    }
}

/// How far `count` is from `printed` (millions, as the paper prints them): whether it is
/// more, and by how many hundredths of a million and hundredths of a percent of the
/// printed figure, each rounded half up; `None` where the printed figure is not a number.
/// (Unsigned: signed 128-bit division would ship its own routine to the wasm.)
pub fn difference(count: u128, printed: &str) -> Option<(bool, u128, u128)> {
    let (digits, unit) = printed_digits(printed)?;
    let printed = digits * unit;
    let (more, diff) = (count >= printed, count.abs_diff(printed));
    let rounded = |n: u128, d: u128| (n + d / 2) / d;
    Some((
        more,
        rounded(diff, 10_000),
        rounded(diff * 10_000, printed.max(1)),
    ))
}

/// Whether `count` agrees with `printed` either way.
pub fn matches_printed(count: u128, printed: &str) -> bool {
    agreement(count, printed) != Agreement::Differs
}

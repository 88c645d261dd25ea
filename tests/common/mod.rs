//! What several test files build their layers from.

use sepconv::cost::{Costs, Layer, Padding};

/// The costs of a layer with `same` padding and every other option at its default.
pub fn costs(df: u32, dk: u32, m: u32, n: u32) -> Costs {
    Costs::of(&Layer {
        df,
        dk,
        m,
        n,
        padding: Padding::Same,
        ..Layer::default()
    })
    .unwrap()
}

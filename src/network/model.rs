//! A network's definition as its JSON file spells it. `build.rs` reads the files and
//! writes them out as these types, checked, so that the wasm holds them as data.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// The URL's `net` value.
    pub id: &'static str,
    pub title: &'static str,
    /// Where the layers come from, in English and in Chinese.
    pub source: &'static str,
    pub source_zh: &'static str,
    /// Input width and height, and channels.
    pub input: u32,
    pub channels: u32,
    /// No layer thins below this many channels, whatever α (TF-slim's `min_depth`).
    pub min_depth: u32,
    /// Whether any α counts right, by ⌊α·c⌋ (at least `min_depth`), as TF-slim thins
    /// MobileNet v1; otherwise only the published `alphas` (MobileNetV2 rounds its
    /// channels to multiples of 8 and keeps its last layer wide, which is not done here).
    pub any_alpha: bool,
    /// The width multipliers and resolutions the page offers, as published.
    pub alphas: &'static [&'static str],
    pub resolutions: &'static [u32],
    /// Totals as printed in the paper, in millions, per α and resolution.
    pub published: &'static [Published],
    /// The same for the network with every depthwise + pointwise pair replaced by a full
    /// convolution, where the paper printed it ("Conv MobileNet").
    pub published_standard: Option<Published>,
    pub layers: &'static [Op],
}

/// A published total, in millions, as printed: "569", "4.2".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    pub alpha: &'static str,
    pub res: u32,
    pub macs: &'static str,
    pub params: &'static str,
    /// Where it is printed, in English and in Chinese.
    pub table: &'static str,
    pub table_zh: &'static str,
}

/// One layer. Which fields matter depends on its kind; the others stay unset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Op {
    pub op: OpKind,
    /// Kernel width and height.
    pub k: u32,
    /// Stride; 1 if unset.
    pub s: Option<u32>,
    /// Output channels (before α) or classes.
    pub out: u32,
    pub bias: bool,
    /// A pointwise projection with no activation after it (MobileNetV2's bottlenecks).
    pub linear: bool,
    /// Whether the block's input is added to this layer's output (no multiply-adds).
    pub residual: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpKind {
    /// A full convolution, `same` padding.
    Conv,
    /// A depthwise convolution, `same` padding, one filter per channel.
    Dw,
    /// A pointwise (1x1) convolution.
    Pw,
    /// Global average pooling to 1x1.
    Avgpool,
    /// A fully connected classifier.
    Fc,
}

impl Network {
    /// The published figures for this α (as written, "0.75") and resolution, if any.
    pub fn published_for(&self, alpha: &str, res: u32) -> Option<&'static Published> {
        self.published
            .iter()
            .find(|p| p.alpha == alpha && p.res == res)
    }
}

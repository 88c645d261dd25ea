//! A network's definition as its JSON file spells it.

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Network {
    /// The URL's `net` value.
    pub id: String,
    pub title: String,
    /// Where the layers come from, in English and in Chinese.
    pub source: String,
    pub source_zh: String,
    /// Input width and height, and channels.
    pub input: u32,
    pub channels: u32,
    /// No layer thins below this many channels, whatever α (TF-slim's `min_depth`).
    pub min_depth: u32,
    /// Whether any α counts right, by ⌊α·c⌋ (at least `min_depth`), as TF-slim thins
    /// MobileNet v1; otherwise only the published `alphas` (MobileNetV2 rounds its
    /// channels to multiples of 8 and keeps its last layer wide, which is not done here).
    #[serde(default)]
    pub any_alpha: bool,
    /// The width multipliers and resolutions the page offers, as published.
    pub alphas: Vec<String>,
    pub resolutions: Vec<u32>,
    /// Totals as printed in the paper, in millions, per α and resolution.
    pub published: Vec<Published>,
    /// The same for the network with every depthwise + pointwise pair replaced by a full
    /// convolution, where the paper printed it ("Conv MobileNet").
    #[serde(default)]
    pub published_standard: Option<Published>,
    pub layers: Vec<Op>,
}

/// A published total, in millions, as printed: "569", "4.2".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Published {
    pub alpha: String,
    pub res: u32,
    pub macs: String,
    pub params: String,
    /// Where it is printed, in English and in Chinese.
    pub table: String,
    pub table_zh: String,
}

/// One layer. Which fields matter depends on its kind; the others stay unset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct Op {
    pub op: OpKind,
    /// Kernel width and height.
    #[serde(default)]
    pub k: u32,
    /// Stride; 1 if unset.
    #[serde(default)]
    pub s: Option<u32>,
    /// Output channels (before α) or classes.
    #[serde(default)]
    pub out: u32,
    #[serde(default)]
    pub bias: bool,
    /// A pointwise projection with no activation after it (MobileNetV2's bottlenecks).
    #[serde(default)]
    pub linear: bool,
    /// Whether the block's input is added to this layer's output (no multiply-adds).
    #[serde(default)]
    pub residual: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
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
    pub fn from_json(json: &str) -> Result<Network, String> {
        serde_json::from_str(json).map_err(|err| err.to_string())
    }

    /// The published figures for this α (as written, "0.75") and resolution, if any.
    pub fn published_for(&self, alpha: &str, res: u32) -> Option<&Published> {
        self.published
            .iter()
            .find(|p| p.alpha == alpha && p.res == res)
    }
}

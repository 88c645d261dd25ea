//! What the page says about a layer's counts, as text: the headline, the bars, the two
//! ratios, the weights, the small bar on a phone and the Dp rule's numbers. The Yew
//! components set it in their markup, and the first-load island (`src/island.rs`) writes
//! the same text into the pre-rendered page, so the two can never say different things.

use crate::cost::{Costs, Fraction, Gap, Layer, Padding, Param, Part, Unit};
use crate::format::{fraction_text, headline_factor, thousands};
use crate::i18n::Lang;
use crate::messages::headline_text;

/// Significant digits on the page, and (more) in the `data-value`s for machines.
pub const SHOWN_DIGITS: usize = 9;
pub const DATA_DIGITS: usize = 15;

/// A layer's figures in words and numbers, in one unit and one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    /// Separable costs more than standard (Dk = 1, N = 1, many groups).
    pub more: bool,
    /// The speed-up to 15 digits, for `data-value`.
    pub speedup_value: String,
    /// "4.2×".
    pub speedup: String,
    /// " fewer multiply-adds with a depthwise separable convolution".
    pub headline: String,
    /// The bars in words, for screen readers.
    pub bars_label: String,
    /// The bars' lengths as SVG percentages: standard, depthwise, pointwise; the
    /// pointwise part starts where the depthwise one ends.
    pub bar_widths: [String; 3],
    /// "3,264 ÷ 13,824 = 17/72 = ", then R shown and for machines.
    pub ratio_line: String,
    pub ratio: String,
    pub ratio_value: String,
    /// " = 1/8 + 1/3² = 17/72 = ", then the closed form shown and for machines.
    pub closed_line: String,
    pub closed: String,
    pub closed_value: String,
    /// Whether the closed form is the counts' R, and the words that say so.
    pub differs: bool,
    pub check: String,
    /// "fewer multiply-adds · R = 0.236", beside the factor on a phone's top bar.
    pub bar_words: String,
}

impl Readout {
    pub fn of(c: &Costs, unit: Unit, lang: Lang) -> Readout {
        let count = |part| c.count(part, unit);
        let (standard, separable) = (count(Part::Standard), count(Part::Separable));
        let (depthwise, pointwise) = (count(Part::Depthwise), count(Part::Pointwise));
        let (ratio, closed) = (c.ratio_in(unit), c.ratio_closed_form());
        let speedup = Fraction::new(standard, separable);
        let what = unit_words(unit, lang);
        let more = separable > standard;
        let short_ratio = ratio.significant(3);
        let bar_words = match (more, lang) {
            (false, Lang::En) => format!("fewer {what} · R = {short_ratio}"),
            // As the headline says it: the factor is standard ÷ separable.
            (false, Lang::Zh) => format!("标准与可分离的{what}之比 · R = {short_ratio}"),
            (true, Lang::En) => format!("more {what} when separable · R = {short_ratio}"),
            (true, Lang::Zh) => format!("可分离卷积的{what}反而更多 · R = {short_ratio}"),
        };
        let gap = c.gap(unit);
        let (n, dk) = (c.layer.n, c.layer.dk);
        Readout {
            more,
            speedup_value: speedup.significant(DATA_DIGITS),
            speedup: format!("{}×", headline_factor(speedup)),
            headline: headline_text(speedup, what, lang),
            bars_label: bars_label(lang, what, standard, depthwise, pointwise),
            bar_widths: bar_widths(standard, depthwise, pointwise, separable),
            ratio_line: format!(
                "{} ÷ {} = {} = ",
                thousands(separable),
                thousands(standard),
                fraction_text(ratio)
            ),
            ratio: ratio.significant(SHOWN_DIGITS),
            ratio_value: ratio.significant(DATA_DIGITS),
            closed_line: format!(" = 1/{n} + 1/{dk}² = {} = ", fraction_text(closed)),
            closed: closed.significant(SHOWN_DIGITS),
            closed_value: closed.significant(DATA_DIGITS),
            differs: gap.is_some(),
            check: check_words(c, unit, lang, gap),
            bar_words,
        }
    }
}

/// What is counted: "multiply-adds" or "FLOPs".
pub fn unit_words(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Macs => lang.tr("multiply-adds", "乘加次数"),
        Unit::Flops => "FLOPs",
    }
}

/// Whether the article's closed form is the counts' R, and if not, why.
fn check_words(c: &Costs, unit: Unit, lang: Lang, gap: Option<Gap>) -> String {
    let (n, dk) = (c.layer.n, c.layer.dk);
    // With groups, g/N + g/Dk² is exact in multiply-adds; FLOPs with bias move R further.
    let further = match (unit, c.layer.bias, lang) {
        (Unit::Flops, true, Lang::En) => " in multiply-adds; FLOPs with bias move it further",
        (Unit::Flops, true, Lang::Zh) => "（按乘加次数计；按 FLOPs 计且有偏置时还会再偏离）",
        _ => "",
    };
    match (gap, lang) {
        (None, _) => lang.tr(" ✓ the same: M and Dp² cancel", " ✓ 相同：M 与 Dp² 约掉了").to_owned(),
        (Some(Gap::Groups(g)), Lang::En) => format!(
            " ✗ differs: with g = {g} groups the standard side is {g}× cheaper already, so R = g/N + g/Dk² = {g}/{n} + {g}/{dk}²{further}"
        ),
        (Some(Gap::Groups(g)), Lang::Zh) => format!(
            " ✗ 不同：分成 g = {g} 组后，标准卷积的计算量已降为 1/{g}，所以 R = g/N + g/Dk² = {g}/{n} + {g}/{dk}²{further}"
        ),
        (Some(Gap::FlopsBias), _) => lang.tr(
            " ✗ differs: in FLOPs a bias adds one addition per output value, which does not cancel",
            " ✗ 不同：按 FLOPs 计时，偏置为每个输出值加一次加法，约不掉",
        ).to_owned(),
    }
}

/// The bars in words, for screen readers.
fn bars_label(lang: Lang, what: &str, standard: u128, depthwise: u128, pointwise: u128) -> String {
    let (s, d, p) = (
        thousands(standard),
        thousands(depthwise),
        thousands(pointwise),
    );
    match lang {
        Lang::En => format!("Standard: {s} {what}. Separable: {d} depthwise plus {p} pointwise."),
        Lang::Zh => format!("标准卷积：{s}（{what}）。可分离卷积：深度卷积 {d} 加逐点卷积 {p}。"),
    }
}

/// Bar lengths in hundredths of a percent, in integers (float formatting would cost the
/// wasm more than it is worth); the exact figures are printed beside them. Each part
/// shows at least a sliver. The longer cost fills its track: when separable costs more
/// its bar is the longer one, not cut at the standard's end.
fn bar_widths(standard: u128, depthwise: u128, pointwise: u128, separable: u128) -> [String; 3] {
    let longest = standard.max(separable).max(1);
    let share = |part: u128| (part * 10_000 / longest).max(20);
    let percent = |part: u128| {
        let bp = share(part);
        format!("{}.{:02}%", bp / 100, bp % 100)
    };
    [percent(standard), percent(depthwise), percent(pointwise)]
}

/// "⌈8 / 1⌉": Dp by the rule in force, with today's numbers.
pub fn dp_numbers(c: &Costs) -> String {
    let layer = c.layer;
    let (s, d) = (layer.stride, layer.dilation);
    match layer.padding {
        Padding::Same => format!("⌈{} / {s}⌉", layer.df),
        Padding::Valid | Padding::Explicit(_) => format!(
            "⌊({} + 2·{} − {d}·({} − 1) − 1) / {s}⌋ + 1",
            layer.df,
            layer.get(Param::Pad),
            layer.dk
        ),
    }
}

/// An exact count's size class, by its length with separators: a long number is set
/// smaller so that it fits its card, and is never broken.
pub fn count_length(text: &str) -> Option<&'static str> {
    match text.len() {
        0..=11 => None,
        12..=15 => Some("long"),
        16..=19 => Some("longer"),
        _ => Some("longest"),
    }
}

/// Counts from this size on also show their short form ("13.8 k").
pub const SHORT_FROM: u128 = 10_000;

/// An exact count as the page sets it: "13,824" with its classes, and from
/// [`SHORT_FROM`] on its short form ("13.8 k").
#[derive(Clone, Debug, PartialEq)]
pub struct CountText {
    pub exact: String,
    /// "exact", and the size class if the number is long: "exact long".
    pub class: String,
    pub short: Option<String>,
}

impl CountText {
    pub fn of(value: u128, lang: Lang) -> CountText {
        let exact = thousands(value);
        let class = match count_length(&exact) {
            Some(length) => format!("exact {length}"),
            None => "exact".to_owned(),
        };
        let short = (value >= SHORT_FROM).then(|| lang.short(value));
        CountText {
            exact,
            class,
            short,
        }
    }
}

/// Kernels larger than this get a note: no real CNN uses them.
const LARGEST_USUAL_KERNEL: u32 = 11;

/// The note under the presets for a kernel no real layer has.
pub fn kernel_note(lang: Lang, dk: u32) -> Option<String> {
    (dk > LARGEST_USUAL_KERNEL).then(|| match lang {
        Lang::En => format!(
            "A {dk} × {dk} kernel is arithmetic, not a real layer: CNNs use 1 × 1 to 7 × 7 kernels (11 × 11 at most, in AlexNet's first layer). The article picks Dk = 512 to make 1/Dk² vanish."
        ),
        Lang::Zh => format!(
            "{dk} × {dk} 的卷积核只是算术上的例子，并非真实的层：卷积网络用的是 1 × 1 到 7 × 7 的卷积核（最大也不过 AlexNet 第一层的 11 × 11）。原文取 Dk = 512，是为了让 1/Dk² 小到可以忽略。"
        ),
    })
}

/// The note for a kernel that reaches wider than its input (`?df=4&dk=7`, padded): the
/// counts are right, but most of what they count is multiplying by the padding's zeros.
pub fn padding_note(lang: Lang, layer: &Layer) -> Option<String> {
    let (span, df) = (layer.span(), layer.df);
    (span > u64::from(df)).then(|| match lang {
        Lang::En => format!(
            "The kernel reaches {span}\u{a0}×\u{a0}{span}, wider than the {df}\u{a0}×\u{a0}{df} input: most of every window lies on the zero padding, and its multiplications by zero are counted too, as a framework would run them."
        ),
        Lang::Zh => format!(
            "卷积核覆盖 {span}\u{a0}×\u{a0}{span}，比 {df}\u{a0}×\u{a0}{df} 的输入还大：每个窗口大多落在补的零上，这些乘以零的乘法也照样计入，和框架实际运行时一样。"
        ),
    })
}

/// A slider's value for screen readers: "Df = 8".
pub fn slider_valuetext(param: Param, value: u32) -> String {
    format!("{} = {value}", param.symbol())
}

/// "…. Kept 14." beside a box whose text could not be used.
pub fn kept(lang: Lang, why: &str, value: impl std::fmt::Display) -> String {
    match lang {
        Lang::En => format!("{why}. Kept {value}."),
        Lang::Zh => format!("{why}。保留 {value}。"),
    }
}

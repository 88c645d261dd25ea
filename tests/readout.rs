//! What the page says about a layer (`sepconv::readout`), which the Yew components and the
//! first-load island both write: checked against the tutorial's arithmetic by hand.

use sepconv::cost::{Costs, Layer, Padding, Param, Unit};
use sepconv::i18n::Lang;
use sepconv::readout::{
    count_length, dp_numbers, kept, kernel_note, padding_note, slider_valuetext, CountText, Readout,
};

fn readout(layer: Layer, unit: Unit, lang: Lang) -> Readout {
    Readout::of(
        &Costs::of(&layer).expect("a layer with an output"),
        unit,
        lang,
    )
}

#[test]
fn the_default_layer_reads_as_the_page_shows_it() {
    // 8×8×3, 3×3, 8 filters, same padding: 13,824 against 1,728 + 1,536 = 3,264.
    let r = readout(Layer::default(), Unit::Macs, Lang::En);
    assert_eq!(r.speedup, "4.2×");
    assert_eq!(r.speedup_value, "4.23529411764706");
    assert_eq!(
        r.headline,
        " fewer multiply-adds with a depthwise separable convolution"
    );
    assert_eq!(r.ratio_line, "3,264 ÷ 13,824 = 17/72 = ");
    assert_eq!(
        (r.ratio.as_str(), r.ratio_value.as_str()),
        ("0.236111111", "0.236111111111111")
    );
    assert_eq!(r.closed_line, " = 1/8 + 1/3² = 17/72 = ");
    assert!(!r.differs);
    assert_eq!(r.check, " ✓ the same: M and Dp² cancel");
    assert_eq!(r.bar_words, "fewer multiply-adds · R = 0.236");
    // In Chinese the factor is read as the headline reads it: a ratio, not "更少的…".
    let zh = readout(Layer::default(), Unit::Macs, Lang::Zh);
    assert_eq!(zh.bar_words, "标准与可分离的乘加次数之比 · R = 0.236");
    assert_eq!(
        dp_numbers(&Costs::of(&Layer::default()).expect("an output")),
        "⌈8 / 1⌉"
    );
    assert_eq!(
        r.bars_label,
        "Standard: 13,824 multiply-adds. Separable: 1,728 depthwise plus 1,536 pointwise."
    );
    // 1,728 / 13,824 = 12.5 % and 1,536 / 13,824 = 11.11 %, in hundredths of a percent.
    assert_eq!(
        r.bar_widths,
        ["100.00%", "12.50%", "11.11%"].map(String::from)
    );
}

#[test]
fn the_articles_example_reads_its_ratio() {
    // N = 100, Dk = 512: R = 1/100 + 1/512² = 0.010004 to the article's six places.
    let layer = Layer {
        df: 512,
        dk: 512,
        m: 1,
        n: 100,
        ..Layer::default()
    };
    let r = readout(layer, Unit::Macs, Lang::En);
    assert!(r.ratio.starts_with("0.0100038"), "{}", r.ratio);
    assert_eq!(r.closed_line, " = 1/100 + 1/512² = 65,561/6,553,600 = ");
}

#[test]
fn when_separable_costs_more_its_bar_fills_the_track_and_the_words_say_so() {
    // Dk = 1 and N = 1: depthwise M·Dp², pointwise M·Dp²: twice the standard.
    let layer = Layer {
        dk: 1,
        n: 1,
        ..Layer::default()
    };
    let r = readout(layer, Unit::Macs, Lang::En);
    assert!(r.more);
    assert_eq!(
        r.bar_widths,
        ["50.00%", "50.00%", "50.00%"].map(String::from)
    );
    assert!(r.bar_words.starts_with("more multiply-adds when separable"));
    let zh = readout(layer, Unit::Macs, Lang::Zh);
    assert!(
        zh.bar_words.starts_with("可分离卷积的乘加次数反而更多"),
        "{}",
        zh.bar_words
    );
}

#[test]
fn groups_and_flops_with_bias_say_why_the_closed_form_differs() {
    let grouped = Layer {
        m: 8,
        groups: 2,
        ..Layer::default()
    };
    let r = readout(grouped, Unit::Macs, Lang::En);
    assert!(r.differs);
    assert!(r.check.contains("g = 2 groups"), "{}", r.check);
    let biased = Layer {
        bias: true,
        ..Layer::default()
    };
    let r = readout(biased, Unit::Flops, Lang::En);
    assert!(
        r.differs && r.check.contains("a bias adds one addition"),
        "{}",
        r.check
    );
    assert!(r.headline.contains("FLOPs"));
}

#[test]
fn the_dp_rule_has_the_numbers_of_the_padding_in_force() {
    let valid = Layer {
        df: 14,
        padding: Padding::Explicit(1),
        stride: 2,
        dilation: 2,
        ..Layer::default()
    };
    let costs = Costs::of(&valid).expect("an output");
    assert_eq!(dp_numbers(&costs), "⌊(14 + 2·1 − 2·(3 − 1) − 1) / 2⌋ + 1");
}

#[test]
fn a_count_is_set_exactly_with_its_short_form_from_ten_thousand() {
    let small = CountText::of(9_999, Lang::En);
    assert_eq!(
        (small.exact.as_str(), small.class.as_str()),
        ("9,999", "exact")
    );
    assert_eq!(small.short, None);
    let default = CountText::of(13_824, Lang::En);
    assert_eq!(default.exact, "13,824");
    assert_eq!(default.short.as_deref(), Some("13.8 k"));
    let zh = CountText::of(13_824, Lang::Zh);
    assert_eq!(zh.short.as_deref(), Some("1.4 万"));
    let huge = CountText::of(4_624_220_160_000, Lang::En);
    assert_eq!(huge.class, "exact longer");
}

#[test]
fn counts_get_smaller_type_by_their_length() {
    assert_eq!(count_length("13,824"), None);
    assert_eq!(count_length("462,422,016"), None);
    assert_eq!(count_length("4,624,220,160"), Some("long"));
    assert_eq!(count_length("4,624,220,160,000"), Some("longer"));
    assert_eq!(count_length("4,624,220,160,000,000"), Some("longest"));
}

#[test]
fn the_small_words_beside_the_controls() {
    assert_eq!(
        kernel_note(Lang::En, 11),
        None,
        "AlexNet's 11 × 11 is a real kernel"
    );
    assert!(kernel_note(Lang::En, 13).is_some_and(|n| n.starts_with("A 13 × 13 kernel")));
    assert!(kernel_note(Lang::Zh, 512).is_some_and(|n| n.starts_with("512 × 512")));
    // A kernel reaching past its input: 7 on 4, 3 dilated by 3 (7 wide) on 6; not 7 on 7.
    let layer = |df, dk, dilation| Layer {
        df,
        dk,
        dilation,
        ..Layer::default()
    };
    assert!(padding_note(Lang::En, &layer(4, 7, 1)).is_some_and(|n| n
        .starts_with("The kernel reaches 7\u{a0}×\u{a0}7, wider than the 4\u{a0}×\u{a0}4 input")));
    assert!(padding_note(Lang::Zh, &layer(6, 3, 3)).is_some_and(
        |n| n.starts_with("卷积核覆盖 7\u{a0}×\u{a0}7，比 6\u{a0}×\u{a0}6 的输入还大")
    ));
    assert_eq!(padding_note(Lang::En, &layer(7, 7, 1)), None);
    assert_eq!(padding_note(Lang::En, &Layer::default()), None);
    assert_eq!(slider_valuetext(Param::Dk, 3), "Dk = 3");
    assert_eq!(kept(Lang::En, "not a number", 3), "not a number. Kept 3.");
    assert_eq!(kept(Lang::Zh, "不是数字", 3), "不是数字。保留 3。");
}

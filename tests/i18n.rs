//! Every message the core can give, in both languages: each Chinese one is Chinese
//! (no English sentence left in it), and each says the same numbers as the English.
#![cfg(not(target_arch = "wasm32"))]

use sepconv::cost::{Costs, Layer, Multiplier, Padding, Param, Scaled};
use sepconv::i18n::Lang;
use sepconv::messages;
use sepconv::query::parse;
use sepconv::state::{Action, State};
use std::rc::Rc;
use yew::Reducible;

/// English words that would betray an untranslated Chinese message.
const ENGLISH: [&str; 9] = [
    " the ", "Ignored", " link", "using", "kernel", "padded", "number", "groups", "Kept",
];

fn assert_chinese(text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "“{word}” in: {text}");
    }
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[test]
fn every_link_problem_in_both_languages() {
    let loaded = parse(
        "?df=abc&dk=0&m=-1&n=1.5&stride=99&dil=&g=x&pad=sideways&mode=up&step=-1&theme=pink\
         &embed=all&unit=watts&bias=2&alpha=0&rho=0.12345&net=resnet&res=0&lang=fr",
    );
    assert_eq!(loaded.problems.len(), 19);
    for problem in &loaded.problems {
        let (en, zh) = (
            messages::problem(Lang::En, problem),
            messages::problem(Lang::Zh, problem),
        );
        assert!(en.starts_with("Ignored "), "{en}");
        assert!(zh.starts_with("已忽略链接中的 "), "{zh}");
        assert_chinese(&zh);
        assert_eq!(digits(&en), digits(&zh), "{en} / {zh}");
    }
    // A layer that fits nowhere, and multipliers that leave nothing.
    for query in ["?df=5&dk=7&pad=valid", "?m=3&alpha=0.25"] {
        let loaded = parse(query);
        let zh = messages::problem(Lang::Zh, &loaded.problems[0]);
        assert!(zh.starts_with("链接中的"), "{zh}");
        assert_chinese(&zh);
    }
}

#[test]
fn every_refusal_in_both_languages() {
    let start = Rc::new(State::new(
        Layer {
            df: 5,
            dk: 5,
            m: 6,
            n: 8,
            padding: Padding::Valid,
            ..Layer::default()
        },
        Default::default(),
        vec![],
    ));
    let tiny = Multiplier::from_thousandths(1).unwrap();
    for action in [
        Action::Set(Param::Dk, 7),
        Action::Set(Param::Dilation, 2),
        Action::Set(Param::Groups, 3),
        Action::SetAlpha(tiny),
        Action::SetRho(tiny),
        Action::Set(Param::Df, 4),
    ] {
        let next = start.clone().reduce(action);
        let notice = next.notice.as_ref().expect("refused");
        let (en, zh) = (
            messages::notice(Lang::En, notice),
            messages::notice(Lang::Zh, notice),
        );
        assert!(en.starts_with("Kept the last layer: "), "{en}");
        assert!(zh.starts_with("已保留原来的层："), "{zh}");
        assert_chinese(&zh);
        assert_eq!(digits(&en), digits(&zh), "{en} / {zh}");
    }
}

#[test]
fn every_layer_error_in_both_languages() {
    let scaled = Scaled {
        base: Layer {
            m: 3,
            ..Layer::default()
        },
        alpha: Multiplier::from_thousandths(100).unwrap(),
        rho: Multiplier::ONE,
    };
    let errors = [
        Costs::of(&Layer {
            n: 0,
            ..Layer::default()
        })
        .unwrap_err(),
        Costs::of(&Layer {
            groups: 3,
            ..Layer::default()
        })
        .unwrap_err(),
        scaled.layer().unwrap_err(),
    ];
    for error in errors {
        let zh = messages::layer_error(Lang::Zh, &error);
        assert_chinese(&zh);
        assert_eq!(digits(&error.to_string()), digits(&zh));
    }
    for param in Param::ALL {
        assert_ne!(
            messages::meaning(Lang::Zh, param),
            messages::meaning(Lang::En, param)
        );
    }
}

#[test]
fn a_kernel_wider_than_the_input_is_said_in_words_outside_the_core() {
    use sepconv::cost::output_size;
    let err = output_size(5, 7, Padding::Valid, 1, 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the kernel spans 7 pixels but the padded input has 5"
    );
    let err = output_size(5, 4, Padding::Explicit(2), 1, 4).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the dilated kernel spans 13 pixels but the padded input has 9"
    );
    assert_chinese(&messages::geometry_error(Lang::Zh, &err));
}

#[test]
fn the_headline_says_fewer_as_many_or_more_in_both_languages() {
    use sepconv::cost::Fraction;
    use sepconv::format::{fraction_text, headline_factor};
    // MobileNet's 14x14x512 layer: 462,422,016 against 52,283,392.
    let fewer = Fraction::new(462_422_016, 52_283_392);
    assert_eq!(headline_factor(fewer), "8.8");
    let en = messages::headline_text(fewer, "multiply-adds", Lang::En);
    assert_eq!(
        en,
        " fewer multiply-adds with a depthwise separable convolution"
    );
    assert_chinese(&messages::headline_text(fewer, "乘加次数", Lang::Zh));
    // Dk = 1: separable costs 9/8 of standard; the factor is still at least 1.
    let more = Fraction::new(1_536, 1_728);
    assert_eq!(headline_factor(more), "1.1");
    // A factor in the thousands is grouped like every other figure.
    assert_eq!(headline_factor(Fraction::new(79_438, 10)), "7,943.8");
    assert_eq!(
        headline_factor(Fraction::new(99_999_995, 100)),
        "1,000,000.0"
    );
    assert!(messages::headline_text(more, "multiply-adds", Lang::En).starts_with(" more "));
    assert_chinese(&messages::headline_text(more, "乘加次数", Lang::Zh));
    let same = Fraction::new(7, 7);
    assert!(messages::headline_text(same, "FLOPs", Lang::En).starts_with(" as many"));
    assert_chinese(&messages::headline_text(same, "FLOPs", Lang::Zh));
    assert_eq!(fraction_text(Fraction::new(3_264, 13_824)), "17/72");
    assert_eq!(fraction_text(Fraction::new(1_000_000, 1)), "1,000,000");
    assert_eq!(fraction_text(Fraction::new(521, 4_608)), "521/4,608");
}

#[test]
fn decimals_are_rounded_without_the_float_formatter() {
    use sepconv::format::decimal;
    assert_eq!(decimal(12.345, 1), "12.3");
    assert_eq!(decimal(12.35, 2), "12.35");
    assert_eq!(decimal(0.999, 2), "1.00");
    assert_eq!(decimal(7.0, 3), "7.000");
    assert_eq!(decimal(7.6, 0), "8");
    assert_eq!(
        decimal(-3.2, 1),
        "0.0",
        "attributes here are never negative"
    );
}

//! The cost core against independent numbers: the seed article's formulas and example,
//! the MobileNets paper, and properties over every input the app accepts.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::cost::{output_size, Costs, Fraction, InputError, Layer, LayerError, Padding, Param};
use sepconv::i18n::Lang;
use sepconv::messages;

fn layer(df: u32, dk: u32, m: u32, n: u32, padding: Padding) -> Layer {
    Layer {
        df,
        dk,
        m,
        n,
        padding,
        stride: 1,
        dilation: 1,
        ..Layer::default()
    }
}

#[test]
fn mobilenet_example_layer() {
    // Howard et al. 2017, section 3.1: Dk = 3, M = N = 512, Df = 14 (same padding).
    let c = Costs::of(&layer(14, 3, 512, 512, Padding::Same)).unwrap();
    assert_eq!(c.dp, 14);
    assert_eq!(c.standard(), 462_422_016);
    assert_eq!(c.separable(), 52_283_392);
    assert_eq!(c.depthwise() + c.pointwise(), c.separable());
    assert_eq!(c.standard_formula().symbols(), "N × Dp² × Dk² × M");
    assert_eq!(c.standard_formula().numbers(), "512 × 14² × 3² × 512");
    assert_eq!(c.separable_formula().symbols(), "M × Dp² × (Dk² + N)");
    assert_eq!(c.separable_formula().numbers(), "512 × 14² × (3² + 512)");
    // 3x3 depthwise separable uses "between 8 to 9 times less computation".
    let speedup = c.speedup().to_f64();
    assert!(8.0 < speedup && speedup < 9.0, "{speedup}");
    assert_eq!(c.speedup().fixed(2), "8.84");
}

#[test]
fn article_example_ratio() {
    // The seed article: N = 100, Dk = 512 gives R = 0.010004. The kernel needs same
    // padding (or an input of at least 512) to fit; R does not depend on Df or M.
    for (df, m) in [(512, 1), (14, 3), (4096, 8192)] {
        let c = Costs::of(&layer(df, 512, m, 100, Padding::Same)).unwrap();
        assert_eq!(c.ratio().fixed(6), "0.010004");
        assert_eq!(c.ratio(), c.ratio_closed_form());
    }
    let c = Costs::of(&layer(512, 512, 1, 100, Padding::Valid)).unwrap();
    assert_eq!(c.dp, 1);
    assert_eq!(c.ratio().significant(12), "0.0100038146973");
}

#[test]
fn article_formulas_term_by_term() {
    let c = Costs::of(&layer(10, 3, 4, 5, Padding::Valid)).unwrap();
    let (n, dp, dk, m) = (5u128, 8u128, 3u128, 4u128);
    assert_eq!(c.dp, 8);
    assert_eq!(c.standard(), n * dp * dp * dk * dk * m);
    assert_eq!(c.depthwise(), m * dk * dk * dp * dp);
    assert_eq!(c.pointwise(), m * dp * dp * n);
    assert_eq!(c.separable(), m * dp * dp * (dk * dk + n));
    assert_eq!(c.params_standard(), dk * dk * m * n);
    assert_eq!(c.params_separable(), dk * dk * m + m * n);
}

#[test]
fn mobilenet_table_parameters() {
    // MobileNets Table 1, the last 3x3 depthwise + 1x1 pair at 7x7: 1024 channels.
    let c = Costs::of(&layer(7, 3, 1024, 1024, Padding::Same)).unwrap();
    assert_eq!(c.params_depthwise(), 9 * 1024);
    assert_eq!(c.params_pointwise(), 1024 * 1024);
    assert_eq!(c.params_standard(), 9 * 1024 * 1024);
}

#[test]
fn no_overflow_at_the_maxima() {
    let biggest = Layer {
        df: 4096,
        dk: 512,
        m: 8192,
        n: 8192,
        padding: Padding::Explicit(512),
        stride: 1,
        dilation: 1,
        ..Layer::default()
    };
    let c = Costs::of(&biggest).unwrap();
    assert_eq!(c.dp, 4096 + 1024 - 511);
    let expected = [8192u128, 4609, 4609, 512, 512, 8192]
        .iter()
        .try_fold(1u128, |acc, &x| acc.checked_mul(x))
        .unwrap();
    assert_eq!(c.standard(), expected);
    assert!(
        c.standard() > u128::from(u64::MAX),
        "needs more than 64 bits"
    );
    assert_eq!(c.ratio(), c.ratio_closed_form());
}

#[test]
fn a_kernel_that_does_not_fit_is_an_error() {
    let err = Costs::of(&layer(5, 7, 3, 8, Padding::Valid)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no output: the kernel spans 7 pixels but the padded input has 5"
    );
    let err = Costs::of(&layer(8, 0, 3, 8, Padding::Same)).unwrap_err();
    assert_eq!(
        err,
        LayerError::OutOfRange {
            param: Param::Dk,
            value: 0
        }
    );
}

#[test]
fn typed_values_are_read_or_explained() {
    assert_eq!(Param::N.parse(" 64 "), Ok(64));
    let why = |p: Param, s: &str| p.parse(s).unwrap_err();
    assert_eq!(why(Param::N, "0"), InputError::OutOfRange(0));
    assert_eq!(why(Param::Df, "abc"), InputError::NotANumber);
    assert_eq!(why(Param::Dk, "3.5"), InputError::NotWhole);
    assert_eq!(why(Param::M, ""), InputError::Empty);
    let far = why(Param::M, "99999999999999999999999999999999999999999");
    assert_eq!(far, InputError::FarOutOfRange);
    // The first key of a negative number, or two signs, is not a number yet, not a
    // number out of range.
    assert_eq!(why(Param::Df, "-"), InputError::NotANumber);
    assert_eq!(why(Param::Df, "--5"), InputError::NotANumber);
    assert_eq!(why(Param::Df, "-5"), InputError::OutOfRange(-5));
    // Digits in groups of three, as the page writes them, are the number they write.
    assert_eq!(Param::M.parse("1,024"), Ok(1024));
    assert_eq!(Param::Df.parse("4,096"), Ok(4096));
    assert_eq!(why(Param::M, "12,345"), InputError::OutOfRange(12345));
    assert_eq!(why(Param::M, "1,5"), InputError::NotWhole);
    assert_eq!(why(Param::M, "0,750"), InputError::NotWhole);
    assert_eq!(why(Param::M, "1,02,4"), InputError::NotANumber);
    // In words, in both languages.
    let say = |lang, e| messages::input_error(lang, Param::N, "N", e);
    assert_eq!(
        say(Lang::En, InputError::OutOfRange(0)),
        "0 is out of range: N takes a whole number from 1 to 8192"
    );
    assert_eq!(
        say(Lang::Zh, InputError::OutOfRange(0)),
        "0 超出范围：N 取 1 到 8192 之间的整数"
    );
    assert_eq!(
        say(Lang::En, InputError::NotWhole),
        "not a whole number: N takes a whole number from 1 to 8192"
    );
    assert_eq!(
        say(Lang::Zh, InputError::Empty),
        "为空：N 取 1 到 8192 之间的整数"
    );
}

fn any_padding() -> impl Strategy<Value = Padding> {
    prop_oneof![
        Just(Padding::Valid),
        Just(Padding::Same),
        (0u32..=512).prop_map(Padding::Explicit),
    ]
}

fn any_layer() -> impl Strategy<Value = Layer> {
    (
        1u32..=4096,
        1u32..=512,
        1u32..=8192,
        1u32..=8192,
        any_padding(),
        1u32..=16,
        1u32..=16,
    )
        .prop_map(|(df, dk, m, n, padding, stride, dilation)| Layer {
            df,
            dk,
            m,
            n,
            padding,
            stride,
            dilation,
            ..Layer::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn exact_ratio_is_the_closed_form(l in any_layer()) {
        if let Ok(c) = Costs::of(&l) {
            prop_assert_eq!(c.ratio(), c.ratio_closed_form());
            // The closed form, summed independently: (Dk² + N) / (N·Dk²).
            let dk2 = u128::from(l.dk).pow(2);
            prop_assert_eq!(c.ratio(), Fraction::new(dk2 + u128::from(l.n), u128::from(l.n) * dk2));
        }
    }

    #[test]
    fn counts_are_exact_and_never_overflow(l in any_layer()) {
        if let Ok(c) = Costs::of(&l) {
            let checked = |xs: &[u32]| xs.iter().try_fold(1u128, |acc, &x| acc.checked_mul(u128::from(x)));
            prop_assert_eq!(Some(c.standard()), checked(&[l.n, c.dp, c.dp, l.dk, l.dk, l.m]));
            prop_assert_eq!(Some(c.depthwise()), checked(&[l.m, l.dk, l.dk, c.dp, c.dp]));
            prop_assert_eq!(Some(c.pointwise()), checked(&[l.m, c.dp, c.dp, l.n]));
            prop_assert_eq!(c.standard_formula().value(), c.standard());
            prop_assert_eq!(c.depthwise_formula().value(), c.depthwise());
            prop_assert_eq!(c.pointwise_formula().value(), c.pointwise());
            prop_assert_eq!(c.separable_formula().value(), c.separable());
        }
    }

    #[test]
    fn dp_is_at_least_one_or_an_error(l in any_layer()) {
        // The rule in signed arithmetic, where a negative numerator means no output.
        let p = match l.padding { Padding::Explicit(p) => i64::from(p), _ => 0 };
        let room = i64::from(l.df) + 2 * p - i64::from(l.dilation) * (i64::from(l.dk) - 1) - 1;
        match (Costs::of(&l), l.padding) {
            (Ok(c), Padding::Same) => {
                prop_assert_eq!(i64::from(c.dp), (i64::from(l.df) + i64::from(l.stride) - 1) / i64::from(l.stride));
            }
            (Ok(c), _) => {
                prop_assert!(room >= 0);
                prop_assert!(c.dp >= 1);
                prop_assert_eq!(i64::from(c.dp), room / i64::from(l.stride) + 1);
            }
            (Err(LayerError::NoOutput(e)), padding) => {
                prop_assert!(padding != Padding::Same);
                prop_assert!(room < 0);
                prop_assert!(e.span > e.padded);
            }
            (Err(e), _) => prop_assert!(false, "in-range layer refused: {}", e),
        }
    }

    #[test]
    fn decimals_agree_with_floating_point(l in any_layer()) {
        let c = Costs::of(&Layer { padding: Padding::Same, ..l }).unwrap();
        let exact: f64 = c.ratio().significant(15).parse().unwrap();
        let float = 1.0 / f64::from(l.n) + 1.0 / f64::from(l.dk).powi(2);
        prop_assert!(((exact - float) / float).abs() < 1e-13, "{} vs {}", exact, float);
    }
}

#[test]
fn output_size_is_the_guide_rule() {
    // Relationship 15 with a stride that does not divide evenly: ⌊(6 + 2 − 4 − 1) / 2⌋ + 1.
    assert_eq!(output_size(6, 3, Padding::Explicit(1), 2, 2), Ok(2));
}

#[test]
fn the_default_costs_are_the_default_layers() {
    assert_eq!(Costs::of(&Layer::default()), Ok(Costs::default()));
}

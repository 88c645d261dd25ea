//! Groups, bias, the FLOPs convention and MobileNet's two multipliers, against the
//! MobileNets paper and against properties over every input the app accepts.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::cost::{
    output_size, Costs, Fraction, Gap, Layer, LayerError, Multiplier, Padding, Part, Scaled, Unit,
};

const PARTS: [Part; 4] = [
    Part::Standard,
    Part::Depthwise,
    Part::Pointwise,
    Part::Separable,
];

/// MobileNet's example layer (Howard et al. 2017, Table 3): 14x14x512 in, 3x3, 512 out.
fn mobilenet_layer() -> Layer {
    Layer {
        df: 14,
        dk: 3,
        m: 512,
        n: 512,
        padding: Padding::Same,
        ..Layer::default()
    }
}

fn multiplier(text: &str) -> Multiplier {
    Multiplier::parse(text).unwrap()
}

#[test]
fn table_3_width_and_resolution_multipliers() {
    let counts = |alpha: &str, rho: &str| {
        let scaled = Scaled {
            base: mobilenet_layer(),
            alpha: multiplier(alpha),
            rho: multiplier(rho),
        };
        let c = Costs::of(&scaled.layer().unwrap()).unwrap();
        (c.separable(), c.params_separable())
    };
    // Printed as 52.3 / 0.27, 29.6 / 0.15 and 15.1 / 0.15 million.
    assert_eq!(counts("1", "1"), (52_283_392, 266_752));
    assert_eq!(counts("0.75", "1"), (29_578_752, 150_912));
    assert_eq!(counts("0.75", "0.714"), (15_091_200, 150_912));
}

#[test]
fn a_multiplier_that_leaves_nothing_is_an_error() {
    let scaled = Scaled {
        base: Layer {
            m: 3,
            ..mobilenet_layer()
        },
        alpha: multiplier("0.25"),
        rho: Multiplier::ONE,
    };
    let err = scaled.layer().unwrap_err();
    assert_eq!(err, LayerError::Vanishes { what: "α·M" });
    assert_eq!(err.to_string(), "α·M = 0 once rounded");
}

#[test]
fn depthwise_is_grouped_convolution_at_its_extreme() {
    let grouped = Costs::of(&Layer {
        groups: 512,
        ..mobilenet_layer()
    })
    .unwrap();
    let depthwise = Costs::of(&mobilenet_layer()).unwrap();
    assert_eq!(grouped.standard(), depthwise.depthwise());
    assert_eq!(grouped.params_standard(), depthwise.params_depthwise());
    assert_eq!(grouped.standard_formula().symbols(), "N × Dp² × Dk² × M/g");
    assert_eq!(grouped.standard_formula().numbers(), "512 × 14² × 3² × 1");
    // In between: 4 groups cost a quarter.
    let four = Costs::of(&Layer {
        groups: 4,
        ..mobilenet_layer()
    })
    .unwrap();
    assert_eq!(four.standard() * 4, depthwise.standard());
    assert_eq!(four.gap(Unit::Macs), Some(Gap::Groups(4)));
    assert_eq!(
        four.ratio_in(Unit::Macs),
        Fraction::new(4, 512) + Fraction::new(4, 9)
    );
}

#[test]
fn groups_must_divide_both_sides() {
    let err = Costs::of(&Layer {
        groups: 3,
        ..mobilenet_layer()
    })
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "g = 3 groups, which do not divide M = 512 (g must divide M and N)"
    );
    let err = Costs::of(&Layer {
        m: 6,
        n: 8,
        groups: 3,
        ..mobilenet_layer()
    })
    .unwrap_err();
    assert!(err.to_string().contains("N = 8"));
}

#[test]
fn flops_with_bias_as_the_issue_defines_them() {
    let c = Costs::of(&Layer {
        bias: true,
        ..mobilenet_layer()
    })
    .unwrap();
    let outputs = 512 * 14 * 14;
    assert_eq!(c.count(Part::Standard, Unit::Macs), 462_422_016);
    assert_eq!(
        c.count(Part::Standard, Unit::Flops),
        2 * 462_422_016 + outputs
    );
    assert_eq!(
        c.count(Part::Separable, Unit::Flops),
        2 * 52_283_392 + 2 * outputs
    );
    assert_eq!(
        c.formula(Part::Standard, Unit::Flops).symbols(),
        "2 × N × Dp² × Dk² × M + N × Dp²"
    );
    assert_eq!(
        c.formula(Part::Separable, Unit::Flops).symbols(),
        "2 × M × Dp² × (Dk² + N) + (M + N) × Dp²"
    );
    assert_eq!(c.params_standard(), 2_359_296 + 512);
    assert_eq!(c.params_separable(), 266_752 + 1024);
    assert_eq!(c.gap(Unit::Macs), None);
    assert_eq!(c.gap(Unit::Flops), Some(Gap::FlopsBias));
    assert_ne!(c.ratio_in(Unit::Flops), c.ratio_closed_form());
}

/// Explicit padding chosen after `same` starts where `same` was, not at none: the same Dp
/// where `same` pads both sides alike, one more where it puts its odd pixel on one side.
#[test]
fn explicit_padding_starts_from_same() {
    let explicit = |df, dk, stride, dilation| {
        let layer = Layer {
            df,
            dk,
            stride,
            dilation,
            ..mobilenet_layer()
        };
        let c = Costs::of(&layer).unwrap();
        let p = c.explicit_padding();
        let dp = |p| output_size(df, dk, Padding::Explicit(p), stride, dilation).ok();
        (p, c.dp, dp(p))
    };
    assert_eq!(explicit(8, 5, 1, 1), (2, 8, Some(8)));
    assert_eq!(explicit(8, 5, 1, 2), (4, 8, Some(8)));
    assert_eq!(explicit(224, 3, 2, 1), (1, 112, Some(112)));
    assert_eq!(explicit(14, 4, 1, 1), (2, 14, Some(15)));
    // Every small layer: the least P that reaches `same`'s Dp.
    for (df, dk, stride, dilation) in small_layers() {
        let (p, same, got) = explicit(df, dk, stride, dilation);
        assert!(got >= Some(same), "{df} {dk} {stride} {dilation}: P = {p}");
        if p > 0 {
            let less = output_size(df, dk, Padding::Explicit(p - 1), stride, dilation).ok();
            assert!(less < Some(same), "{df} {dk} {stride} {dilation}: P = {p}");
        }
    }
}

fn small_layers() -> impl Iterator<Item = (u32, u32, u32, u32)> {
    (1..=20).flat_map(|df| {
        (1..=7).flat_map(move |dk| (1..=4).flat_map(move |s| (1..=3).map(move |d| (df, dk, s, d))))
    })
}

fn any_layer() -> impl Strategy<Value = Layer> {
    (
        1u32..=4096,
        1u32..=512,
        1u32..=8192,
        1u32..=8192,
        0u32..=14,
        any::<bool>(),
    )
        .prop_map(|(df, dk, m, n, log_g, bias)| {
            // A power of two up to 2^14 that divides both sides often enough to test.
            let groups = 1 << log_g.min(m.trailing_zeros()).min(n.trailing_zeros());
            Layer {
                df,
                dk,
                m,
                n,
                padding: Padding::Same,
                groups,
                bias,
                ..Layer::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_formula_gives_its_count(l in any_layer()) {
        let c = Costs::of(&l).unwrap();
        for part in PARTS {
            for unit in Unit::ALL {
                prop_assert_eq!(c.formula(part, unit).value(), c.count(part, unit));
            }
        }
        prop_assert_eq!(
            c.count(Part::Separable, Unit::Flops),
            c.count(Part::Depthwise, Unit::Flops) + c.count(Part::Pointwise, Unit::Flops)
        );
    }

    #[test]
    fn the_closed_form_holds_unless_a_gap_is_named(l in any_layer()) {
        let c = Costs::of(&l).unwrap();
        for unit in Unit::ALL {
            let same = c.ratio_in(unit) == c.ratio_closed_form();
            prop_assert_eq!(same, c.gap(unit).is_none());
            if let Some(Gap::Groups(g)) = c.gap(Unit::Macs) {
                let g = u128::from(g);
                let expected = Fraction::new(g, u128::from(l.n)) + Fraction::new(g, u128::from(l.dk).pow(2));
                prop_assert_eq!(c.ratio_in(Unit::Macs), expected);
            }
        }
    }

    #[test]
    fn multipliers_round_as_the_paper(m in 1u32..=8192, df in 1u32..=4096, t in 1u32..=1000) {
        let x = Multiplier::from_thousandths(t).unwrap();
        // ⌊α·M⌋ and ρ·Df to the nearest, checked against the definitions in u64.
        prop_assert_eq!(u64::from(x.floor(m)), u64::from(m) * u64::from(t) / 1000);
        let exact_times_1000 = u64::from(df) * u64::from(t);
        let rounded = u64::from(x.round(df));
        prop_assert!(rounded * 1000 + 500 > exact_times_1000 && exact_times_1000 + 500 >= rounded * 1000);
    }
}

//! The URL query: every accepted layer round-trips, and a hand-edited link loses only
//! the values that are wrong, each named in a notice.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::anim::{Mode, Playhead};
use sepconv::cost::{Layer, Padding};
use sepconv::query::{parse, to_query};
use sepconv::state::{Embed, Theme};

#[test]
fn writes_every_key() {
    let layer = Layer {
        df: 14,
        dk: 3,
        m: 512,
        n: 512,
        padding: Padding::Same,
        stride: 1,
        dilation: 1,
        ..Layer::default()
    };
    assert_eq!(
        to_query(&layer, Playhead::default(), Theme::System, Embed::Page),
        "df=14&dk=3&m=512&n=512&pad=same&stride=1&dil=1&mode=separable&step=0"
    );
    let explicit = Layer {
        padding: Padding::Explicit(2),
        ..layer
    };
    assert!(to_query(&explicit, Playhead::default(), Theme::System, Embed::Page).contains("pad=2"));
}

#[test]
fn an_empty_query_is_the_default_layer() {
    for q in ["", "?", "?utm_source=blog"] {
        let loaded = parse(q);
        assert_eq!(loaded.layer, Layer::default());
        assert!(loaded.problems.is_empty(), "{q}: {:?}", loaded.problems);
    }
}

#[test]
fn bad_values_fall_back_one_by_one() {
    let loaded = parse("?df=abc&dk=5&m=16&n=0&pad=valid");
    let d = Layer::default();
    assert_eq!(loaded.layer.df, d.df);
    assert_eq!(loaded.layer.n, d.n);
    assert_eq!(
        (loaded.layer.dk, loaded.layer.m, loaded.layer.padding),
        (5, 16, Padding::Valid)
    );
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.problems[0].starts_with("Ignored df=abc in the link (not a number"));
    assert!(loaded.problems[0].ends_with("using Df = 8."));
    assert!(loaded.problems[1].starts_with("Ignored n=0 in the link (0 is out of range"));

    let loaded = parse("dk=99999&pad=sideways&stride=2");
    assert_eq!(loaded.layer.dk, d.dk);
    assert_eq!(loaded.layer.padding, d.padding);
    assert_eq!(loaded.layer.stride, 2);
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.problems[0].contains("dk=99999"));
    assert!(loaded.problems[1].contains("pad=sideways"));
}

#[test]
fn a_kernel_too_large_for_the_linked_input_is_repaired() {
    let loaded = parse("df=5&dk=7&pad=valid&m=32");
    assert_eq!(loaded.layer.m, 32);
    assert_eq!(loaded.layer.df, 5);
    assert_eq!(loaded.layer.dk, Layer::default().dk);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].contains("the kernel spans 7 pixels but the padded input has 5"));
    // Even the default kernel does not fit a 1-pixel input: the padding gives way.
    let loaded = parse("df=1&dk=7&pad=valid");
    assert_eq!(loaded.layer.df, 1);
    assert_eq!(loaded.layer.padding, Padding::Same);
    assert!(loaded.layer.check().is_ok());
}

#[test]
fn repeated_keys_and_odd_encodings_do_not_fail_the_link() {
    let loaded = parse("?n=4&n=64&m=%33%32&df=+16");
    assert_eq!(
        (loaded.layer.n, loaded.layer.m, loaded.layer.df),
        (64, 32, 16)
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

proptest! {
    #[test]
    fn arbitrary_queries_never_panic_and_always_fit(q in ".{0,80}", key in "(df|dk|m|n|pad|stride|dil)", v in ".{0,12}") {
        for query in [q.clone(), format!("{key}={v}"), format!("{q}&{key}={v}")] {
            let loaded = parse(&query);
            prop_assert!(loaded.layer.check().is_ok());
        }
    }

    #[test]
    fn accepted_layers_round_trip(
        df in 1u32..=4096, dk in 1u32..=512, m in 1u32..=8192, n in 1u32..=8192,
        pad in prop_oneof![Just(Padding::Valid), Just(Padding::Same), (0u32..=512).prop_map(Padding::Explicit)],
        stride in 1u32..=16, dilation in 1u32..=16,
    ) {
        let layer = Layer { df, dk, m, n, padding: pad, stride, dilation, ..Layer::default() };
        prop_assume!(layer.check().is_ok());
        let playhead = Playhead { mode: if stride % 2 == 0 { Mode::Standard } else { Mode::Separable }, step: u64::from(df) * 7 };
        let theme = if dk % 3 == 0 { Theme::Dark } else { Theme::System };
        let loaded = parse(&to_query(&layer, playhead, theme, Embed::Page));
        prop_assert_eq!(loaded.theme, theme);
        prop_assert_eq!(loaded.layer, layer);
        prop_assert_eq!(loaded.playhead, playhead);
        prop_assert!(loaded.problems.is_empty());
    }
}

#[test]
fn the_animation_frame_comes_from_the_link() {
    let loaded = parse("?mode=standard&step=42");
    assert_eq!(
        loaded.playhead,
        Playhead {
            mode: Mode::Standard,
            step: 42
        }
    );
    let loaded = parse("?mode=sideways&step=-3");
    assert_eq!(loaded.playhead, Playhead::default());
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.problems[0].contains("mode=sideways"));
    assert!(loaded.problems[1].contains("step=-3"));
}

#[test]
fn the_theme_is_in_the_link_only_when_chosen() {
    let layer = Layer::default();
    assert!(!to_query(&layer, Playhead::default(), Theme::System, Embed::Page).contains("theme"));
    assert!(
        to_query(&layer, Playhead::default(), Theme::Light, Embed::Page).ends_with("&theme=light")
    );
    assert_eq!(parse("?theme=dark").theme, Theme::Dark);
    let loaded = parse("?theme=purple");
    assert_eq!(loaded.theme, Theme::System);
    assert!(loaded.problems[0].contains("theme=purple"));
}

#[test]
fn embed_modes_come_from_the_link() {
    assert_eq!(parse("?embed=plots").embed, Embed::Plots);
    let q = to_query(
        &Layer::default(),
        Playhead::default(),
        Theme::System,
        Embed::Anim,
    );
    assert!(q.ends_with("&embed=anim"));
    assert_eq!(parse(&q).embed, Embed::Anim);
    let network = parse("?embed=network");
    assert_eq!(network.embed, Embed::Cost);
    assert!(network.problems[0].contains("network view is not built yet"));
}

//! The URL query: every accepted layer round-trips, and a hand-edited link loses only
//! the values that are wrong, each named in a notice.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::anim::{Camera, Look, Mode, Playhead};
use sepconv::cost::{Layer, Multiplier, Padding, Unit};
use sepconv::i18n::Lang;
use sepconv::messages;
use sepconv::problem::Problem;
use sepconv::query::{pairs, parse, to_query, KEYS};
use sepconv::state::{Embed, Example, NetChoice, Notice, State, Theme, View};

/// The query for a layer with the other settings at their defaults.
fn query(layer: &Layer, playhead: Playhead, theme: Theme, embed: Embed) -> String {
    to_query(&State {
        theme,
        embed,
        ..State::new(*layer, playhead, vec![])
    })
}

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
        query(&layer, Playhead::default(), Theme::System, Embed::Page),
        "df=14&dk=3&m=512&n=512&pad=same&stride=1&dil=1&mode=separable&step=0&lang=en"
    );
    let explicit = Layer {
        padding: Padding::Explicit(2),
        ..layer
    };
    assert!(query(&explicit, Playhead::default(), Theme::System, Embed::Page).contains("pad=2"));
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
    assert!(loaded.problems[0]
        .to_string()
        .starts_with("Ignored df=abc in the link (not a number"));
    assert!(loaded.problems[0].to_string().ends_with("using Df = 8."));
    assert!(loaded.problems[1]
        .to_string()
        .starts_with("Ignored n=0 in the link (0 is out of range"));

    let loaded = parse("dk=99999&pad=sideways&stride=2");
    assert_eq!(loaded.layer.dk, d.dk);
    assert_eq!(loaded.layer.padding, d.padding);
    assert_eq!(loaded.layer.stride, 2);
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.problems[0].to_string().contains("dk=99999"));
    assert!(loaded.problems[1].to_string().contains("pad=sideways"));
}

#[test]
fn a_kernel_too_large_for_the_linked_input_is_repaired() {
    let loaded = parse("df=5&dk=7&pad=valid&m=32");
    assert_eq!(loaded.layer.m, 32);
    assert_eq!(loaded.layer.df, 5);
    assert_eq!(loaded.layer.dk, Layer::default().dk);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0]
        .to_string()
        .contains("the kernel spans 7 pixels but the padded input has 5"));
    // Even the default kernel does not fit a 1-pixel input: the padding gives way.
    let loaded = parse("df=1&dk=7&pad=valid");
    assert_eq!(loaded.layer.df, 1);
    assert_eq!(loaded.layer.padding, Padding::Same);
    assert!(loaded.layer.check().is_ok());
}

#[test]
fn repeated_keys_and_odd_encodings_do_not_fail_the_link() {
    let loaded = parse("?n=4&n=64&m=%33%32&df=+16&n=65");
    assert_eq!(
        (loaded.layer.n, loaded.layer.m, loaded.layer.df),
        (65, 32, 16)
    );
    // The last is used, and the page says so, once for the key.
    assert_eq!(
        loaded.problems,
        [Problem::Repeated {
            key: "n",
            text: "65".into()
        }]
    );
}

#[test]
fn a_key_the_page_does_not_read_is_named_with_the_key_it_is_a_slip_for() {
    let unknown = |query: &str| {
        parse(query)
            .problems
            .into_iter()
            .map(|p| match p {
                Problem::UnknownKey { key, like, .. } => (key, like),
                other => panic!("{query}: {other:?}"),
            })
            .collect::<Vec<_>>()
    };
    let slip = |key: &str, like: Option<&'static str>| (key.to_owned(), like);
    assert_eq!(unknown("?dff=16"), [slip("dff", Some("df"))]);
    assert_eq!(unknown("?DK=5"), [slip("DK", Some("dk"))]);
    assert_eq!(unknown("?strde=2"), [slip("strde", Some("stride"))]);
    assert_eq!(unknown("?dilation=2"), [slip("dilation", Some("dil"))]);
    assert_eq!(unknown("?padding=same"), [slip("padding", Some("pad"))]);
    // One letter off two keys (df, dk) or three (m, n, g): no guess.
    assert_eq!(unknown("?dd=3"), [slip("dd", None)]);
    assert_eq!(unknown("?x=3"), [slip("x", None)]);
    assert_eq!(unknown("?model=1"), [slip("model", Some("mode"))]);
    // The value is still read where the key is right.
    let loaded = parse("?df=16&dff=32");
    assert_eq!(loaded.layer.df, 16);
    assert_eq!(
        loaded.problems,
        [Problem::UnknownKey {
            key: "dff".into(),
            text: "32".into(),
            like: Some("df")
        }]
    );
}

#[test]
fn keys_that_sites_add_to_links_they_pass_on_and_nameless_pairs_go_unremarked() {
    let loaded =
        parse("?df=16&utm_source=blog&utm_medium=social&fbclid=IwAR0&gclid=x&ref=post&=5&+=1");
    assert_eq!(loaded.layer.df, 16);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn many_unknown_keys_are_named_three_at_a_time() {
    let query: Vec<String> = (0..40).map(|i| format!("junk{i}=1")).collect();
    let problems = parse(&format!("?{}&junk0=2", query.join("&"))).problems;
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(matches!(&problems[0], Problem::UnknownKey { key, .. } if key == "junk0"));
    assert_eq!(problems[3], Problem::UnknownKeys { more: 37 });
}

#[test]
fn every_key_the_page_writes_is_one_it_reads() {
    // A state with every optional key away from its default.
    let rich = "?df=14&dk=3&m=32&n=64&pad=2&stride=2&dil=2&g=2&bias=1&unit=flops&alpha=0.5&rho=0.5\
                &mode=race&step=3&scene=slices&yaw=10&pitch=20&theme=dark&lang=zh&slide=3\
                &embed=cost&id=post-1&bg=transparent";
    let loaded = parse(rich);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let written = to_query(&loaded.into_state());
    for (key, _) in pairs(written.trim_start_matches('?')) {
        assert!(
            KEYS.contains(&key.as_str()),
            "{key} is written but not read"
        );
    }
    for query in ["?net=mobilenet_v1&res=160&alpha=0.5", "?view=model"] {
        assert!(parse(query).problems.is_empty(), "{query}");
    }
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
        let playhead = Playhead {
            mode: Mode::ALL[(stride % 3) as usize],
            step: u64::from(df) * 7,
            look: Look::ALL[(dk % 2) as usize],
            camera: Camera::default().orbit(dilation as i32 * 37, (m % 170) as i32 - 85),
        };
        let theme = if dk % 3 == 0 { Theme::Dark } else { Theme::System };
        let state = State { theme, ..State::new(layer, playhead, vec![]) };
        let loaded = parse(&to_query(&state));
        prop_assert_eq!(loaded.theme, theme);
        prop_assert_eq!(loaded.layer, layer);
        prop_assert_eq!(loaded.playhead, state.playhead);
        prop_assert!(loaded.problems.is_empty());
        prop_assert_eq!(loaded.into_state(), state);
    }
}

#[test]
fn the_animation_frame_comes_from_the_link() {
    let loaded = parse("?mode=standard&step=42");
    assert_eq!(
        loaded.playhead,
        Playhead {
            mode: Mode::Standard,
            step: 42,
            ..Playhead::default()
        }
    );
    let loaded = parse("?mode=sideways&step=-3");
    assert_eq!(loaded.playhead, Playhead::default());
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.problems[0].to_string().contains("mode=sideways"));
    assert!(loaded.problems[1].to_string().contains("step=-3"));
}

#[test]
fn the_theme_is_in_the_link_only_when_chosen() {
    let layer = Layer::default();
    assert!(!query(&layer, Playhead::default(), Theme::System, Embed::Page).contains("theme"));
    assert!(
        query(&layer, Playhead::default(), Theme::Light, Embed::Page).ends_with("&theme=light")
    );
    assert_eq!(parse("?theme=dark").theme, Theme::Dark);
    let loaded = parse("?theme=purple");
    assert_eq!(loaded.theme, Theme::System);
    assert!(loaded.problems[0].to_string().contains("theme=purple"));
}

#[test]
fn embed_modes_come_from_the_link() {
    assert_eq!(parse("?embed=plots").embed, Embed::Plots);
    let q = query(
        &Layer::default(),
        Playhead::default(),
        Theme::System,
        Embed::Anim,
    );
    assert!(q.ends_with("&embed=anim"));
    assert_eq!(parse(&q).embed, Embed::Anim);
    let network = parse("?embed=network");
    assert_eq!(
        (network.embed, network.view),
        (Embed::Network, View::Network)
    );
    assert!(network.problems.is_empty());
}

#[test]
fn the_full_cost_model_is_in_the_link_only_when_set() {
    let loaded = parse("?m=512&n=512&g=4&bias=1&unit=flops&alpha=0.75&rho=0.714");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        (loaded.layer.groups, loaded.layer.bias, loaded.unit),
        (4, true, Unit::Flops)
    );
    assert_eq!(loaded.alpha.to_string(), "0.75");
    assert_eq!(loaded.rho.to_string(), "0.714");
    let q = to_query(&loaded.clone().into_state());
    assert!(
        q.contains("&g=4&bias=1&unit=flops&alpha=0.75&rho=0.714&"),
        "{q}"
    );
    assert_eq!(parse(&q).into_state(), loaded.into_state());
    // Defaults stay out, so links made before these keys existed read the same.
    let plain = query(
        &Layer::default(),
        Playhead::default(),
        Theme::System,
        Embed::Page,
    );
    assert!(!plain.contains("&g=") && !plain.contains("bias") && !plain.contains("alpha"));
}

#[test]
fn bad_full_model_values_are_named_and_dropped() {
    let loaded = parse("?m=6&n=8&g=3&bias=yes&unit=watts&alpha=2&rho=0");
    assert_eq!(loaded.layer.groups, 1);
    assert!(!loaded.layer.bias);
    assert_eq!(loaded.unit, Unit::Macs);
    assert_eq!(
        (loaded.alpha, loaded.rho),
        (Multiplier::ONE, Multiplier::ONE)
    );
    let all: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    let all = all.join(" ");
    for key in [
        "bias=yes",
        "unit=watts",
        "alpha=2",
        "rho=0",
        "do not divide N = 8",
    ] {
        assert!(all.contains(key), "{key} in {all}");
    }
    // α that thins M = 3 to nothing is refused as a whole.
    let loaded = parse("?m=3&alpha=0.25");
    assert_eq!(loaded.alpha, Multiplier::ONE);
    assert!(loaded.problems[0]
        .to_string()
        .contains("give α·M = 0 once rounded; using α = ρ = 1"));
}

#[test]
fn the_network_view_comes_from_the_link() {
    let loaded = parse("?net=mobilenet_v1&alpha=0.5&res=160");
    assert_eq!(loaded.view, View::Network);
    let alpha = Multiplier::parse("0.5").unwrap();
    assert_eq!(
        loaded.net,
        NetChoice {
            id: "mobilenet_v1",
            alpha,
            res: 160
        }
    );
    // In the network view α is the network's; the layer keeps α = 1.
    assert_eq!(loaded.alpha, Multiplier::ONE);
    let q = to_query(&loaded.clone().into_state());
    assert!(q.contains("net=mobilenet_v1&alpha=0.5&res=160"), "{q}");
    assert_eq!(parse(&q).net, loaded.net);
    let bad = parse("?net=resnet50");
    assert_eq!(bad.view, View::Layer);
    assert!(bad.problems[0].to_string().contains("net=resnet50"));
}

#[test]
fn your_network_opens_from_the_link_and_goes_back_into_it() {
    let loaded = parse("?view=model&df=14");
    assert_eq!(loaded.view, View::Model(None));
    assert_eq!(
        loaded.layer.df, 14,
        "the layer view's layer stays in the link"
    );
    let q = to_query(&loaded.clone().into_state());
    assert!(q.contains("view=model"), "{q}");
    assert_eq!(parse(&q).view, View::Model(None));
    let bad = parse("?view=mine");
    assert_eq!(bad.view, View::Layer);
    assert!(bad.problems[0].to_string().contains("view=mine"));
    // An embed shows its own panel, not this view.
    assert_eq!(parse("?view=model&embed=plots").view, View::Layer);
}

#[test]
fn an_example_network_opens_from_the_link_and_goes_back_into_it() {
    for example in Example::ALL {
        let key = example.key();
        // Naming an example is enough: it is "Your network"'s.
        let loaded = parse(&format!("?example={key}&df=14"));
        assert_eq!(loaded.view, View::Model(Some(example)));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let q = to_query(&loaded.clone().into_state());
        assert!(q.contains(&format!("view=model&example={key}&")), "{q}");
        assert_eq!(parse(&q).view, View::Model(Some(example)));
        assert_eq!(parse(&q).layer.df, 14);
    }
    assert_eq!(Example::parse("resnet18"), Some(Example::ResNet18));
    // An unknown one is named in the notice; the view is still the one asked for.
    let bad = parse("?view=model&example=vgg16");
    assert_eq!(bad.view, View::Model(None));
    assert!(bad.problems[0].to_string().contains("example=vgg16"));
    // An embed shows its own panel, and no example.
    assert_eq!(parse("?example=resnet18&embed=plots").view, View::Layer);
    // Without one, no example in the link.
    let own = parse("?view=model").into_state();
    assert!(!to_query(&own).contains("example"));
}

#[test]
fn the_language_is_always_in_the_link() {
    assert_eq!(parse("?lang=zh").lang, Some(Lang::Zh));
    assert_eq!(parse("").lang, None, "no lang: the browser decides");
    let bad = parse("?lang=fr");
    assert_eq!(bad.lang, None);
    assert_eq!(
        bad.problems[0].to_string(),
        "Ignored lang=fr in the link (it is en or zh); following the browser."
    );
    assert_eq!(
        messages::problem(Lang::Zh, &bad.problems[0]),
        "已忽略链接中的 lang=fr（可取 en 或 zh），跟随浏览器。"
    );
    let state = State {
        lang: Lang::Zh,
        ..parse("?df=14").into_state()
    };
    let q = to_query(&state);
    assert!(q.contains("&lang=zh"), "{q}");
    assert_eq!(parse(&q).into_state(), state);
}

#[test]
fn multipliers_that_break_the_layer_are_dropped_and_named() {
    // 512 groups do not divide αM = 384; ρ·Df = 4 is narrower than the 7-pixel kernel.
    for query in [
        "?m=512&n=512&g=512&alpha=0.75",
        "?df=8&dk=7&pad=valid&rho=0.5",
    ] {
        let loaded = parse(query);
        assert_eq!(
            (loaded.alpha, loaded.rho),
            (Multiplier::ONE, Multiplier::ONE),
            "{query}"
        );
        assert!(loaded.problems[0]
            .to_string()
            .starts_with("The link's α and ρ give "));
        let state = loaded.clone().into_state();
        assert_eq!(
            state.scaled.base, loaded.layer,
            "the layer itself is kept: {query}"
        );
    }
}

#[test]
fn fallbacks_add_up_until_the_layer_fits() {
    // Groups that do not divide N and a kernel wider than the input: both are repaired,
    // the rest of the link is kept.
    let loaded = parse("?df=5&dk=7&m=6&n=8&g=3&pad=valid");
    let l = loaded.layer;
    assert_eq!(
        (l.df, l.dk, l.m, l.n, l.groups, l.padding),
        (5, 3, 6, 8, 1, Padding::Valid)
    );
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0]
        .to_string()
        .contains("using Dk = 3, valid padding, dilation 1, g = 1"));
}

#[test]
fn a_network_is_counted_only_at_widths_it_can_be() {
    // MobileNet v1 thins by ⌊α·c⌋ at any α; MobileNetV2's own rounding is not modelled.
    let v1 = parse("?net=mobilenet_v1&alpha=0.6");
    assert_eq!(v1.net.alpha.to_string(), "0.6");
    assert!(v1.problems.is_empty());
    let v2 = parse("?net=mobilenet_v2&alpha=0.75");
    assert_eq!(v2.net.alpha, Multiplier::ONE);
    assert_eq!(
        v2.problems[0].to_string(),
        "Ignored alpha=0.75 in the link (mobilenet_v2 is counted at α = 1 only); using α = 1."
    );
}

#[test]
fn the_look_and_the_camera_come_from_the_link_and_go_back_into_it() {
    let loaded = parse("?mode=race&scene=slices&yaw=-120&pitch=60");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.playhead,
        Playhead {
            mode: Mode::Race,
            step: 0,
            look: Look::Slices,
            camera: Camera {
                yaw: -120,
                pitch: 60
            },
        }
    );
    let state = loaded.into_state();
    let written = to_query(&state);
    assert!(
        written.contains("&mode=race&step=0&scene=slices&yaw=-120&pitch=60&"),
        "{written}"
    );
    // The defaults stay out of the link, so that older links read as they did.
    let plain = to_query(&parse("?scene=volume&yaw=35&pitch=25").into_state());
    assert!(!plain.contains("scene") && !plain.contains("yaw") && !plain.contains("pitch"));
}

#[test]
fn a_bad_look_or_camera_falls_back_with_a_message() {
    for (query, key) in [
        ("?scene=cubes", "scene=cubes"),
        ("?yaw=abc&pitch=10", "yaw=abc"),
        ("?yaw=400", "yaw=400"),
        ("?yaw=10&pitch=90", "pitch=90"),
        ("?pitch=-81", "pitch=-81"),
    ] {
        let loaded = parse(query);
        assert_eq!(loaded.playhead.look, Look::Volume, "{query}");
        assert_eq!(loaded.playhead.camera, Camera::default(), "{query}");
        assert_eq!(loaded.problems.len(), 1, "{query}");
        assert!(loaded.problems[0].to_string().contains(key), "{query}");
    }
    // One angle alone keeps the other's default.
    assert_eq!(
        parse("?yaw=-40").playhead.camera,
        Camera {
            yaw: -40,
            pitch: 25
        }
    );
}

/// The first-load island reads a link that changes only the four sizes itself
/// (`sepconv::island::link_layer`, with the browser's URLSearchParams). Whatever it takes,
/// the app's parser reads as the same layer, without a problem to name; whatever it
/// refuses, the app names (the island then leaves the page to it).
fn island_agrees(pairs: &[(&str, String)]) {
    let link: String = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let value_of = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    };
    let app = parse(&link);
    match sepconv::island::link_layer(value_of) {
        Some(layer) => {
            assert_eq!(app.layer, layer, "{link}");
            assert!(app.problems.is_empty(), "{link}: {:?}", app.problems);
            assert_eq!(
                app.into_state(),
                State::new(layer, Playhead::default(), vec![]),
                "{link}"
            );
        }
        None => assert!(!app.problems.is_empty(), "{link}: the island refused it"),
    }
}

#[test]
fn the_island_reads_a_link_to_other_sizes_as_the_app_does() {
    let digits = |v: &str| v.to_owned();
    island_agrees(&[
        ("df", digits("14")),
        ("dk", digits("3")),
        ("m", digits("512")),
        ("n", digits("512")),
    ]);
    island_agrees(&[("n", digits("08"))]);
    // A kernel larger than the input, a size of 0, one past the slider's end.
    island_agrees(&[("dk", digits("99"))]);
    island_agrees(&[("df", digits("2")), ("dk", digits("5"))]);
    island_agrees(&[("m", digits("0"))]);
    island_agrees(&[("n", digits("999999999"))]);
    assert_eq!(
        sepconv::island::link_layer(|k| (k == "n").then(|| "9".to_owned())),
        Some(Layer {
            n: 9,
            ..Layer::default()
        })
    );
}

proptest! {
    #[test]
    fn the_island_and_the_app_agree_on_any_sizes(
        df in 0u32..5000, dk in 0u32..600, m in 0u32..9000, n in 0u32..9000,
        which in 0u8..16,
    ) {
        let all = [("df", df), ("dk", dk), ("m", m), ("n", n)];
        let pairs: Vec<(&str, String)> = all
            .iter()
            .enumerate()
            .filter(|(at, _)| which & (1 << at) != 0)
            .map(|(_, (k, v))| (*k, v.to_string()))
            .collect();
        island_agrees(&pairs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// The query's reader decodes as the `url` crate's form decoder does, for any text,
    /// percent signs, pluses and bytes that are not UTF-8 included.
    #[test]
    fn the_query_is_read_as_a_browser_encodes_a_form(q in "([a-z0-9=&+%._~-]|%[0-9A-Fa-f]{2}|%[fF][0-9a-fA-F]|[^\\x00-\\x7f]){0,40}") {
        let reference: Vec<(String, String)> = form_urlencoded::parse(q.as_bytes()).into_owned().collect();
        prop_assert_eq!(sepconv::query::pairs(&q), reference);
    }
}

#[test]
fn a_bad_word_for_any_key_names_what_the_key_takes() {
    // `view` once said "Ignored view=nowhere in the link ()." with nothing in the brackets.
    // So did `example`, added later: every key the page reads is asked.
    for key in KEYS {
        let loaded = parse(&format!("?{key}=nowhere"));
        let takes_a_word = [
            "mode", "theme", "embed", "unit", "bias", "net", "scene", "view", "lang", "bg", "pad",
            "example",
        ];
        if takes_a_word.contains(&key) {
            assert_eq!(loaded.problems.len(), 1, "{key}: {:?}", loaded.problems);
        }
        for (lang, problem) in [Lang::En, Lang::Zh]
            .into_iter()
            .flat_map(|lang| loaded.problems.iter().map(move |p| (lang, p)))
        {
            let words = messages::problem(lang, problem);
            assert!(
                !words.contains("()") && !words.contains("（）"),
                "{key}: {words}"
            );
        }
    }
}

#[test]
fn a_step_past_the_end_shows_the_last_and_says_so() {
    let last = |q: &str| {
        let state = parse(q).into_state();
        let words: Vec<String> = match &state.notice {
            Some(Notice::Link(problems)) => problems
                .iter()
                .map(|p| messages::problem(Lang::En, p))
                .collect(),
            _ => Vec::new(),
        };
        (state.playhead.step, words.join(" "))
    };
    let layer = "?df=8&dk=3&m=3&n=8&pad=same&mode=separable";
    let (end, _) = last(&format!("{layer}&step=99999999"));
    assert!(end > 0);
    // Past the end, however far (past a u64 too), is the last step, said; not a bad number.
    for step in [
        "99999999",
        "18446744073709551615",
        "18446744073709551616",
        "9999999999999999999999999",
    ] {
        let (shown, words) = last(&format!("{layer}&step={step}"));
        assert_eq!(shown, end, "{step}");
        assert_eq!(
            words,
            format!("The link's step is past the animation's last, {end}; showing the last.")
        );
    }
    // At the end, or before it, nothing to say.
    assert_eq!(last(&format!("{layer}&step={end}")), (end, String::new()));
    assert_eq!(last(&format!("{layer}&step=5")), (5, String::new()));
    assert!(last(&format!("{layer}&step=abc"))
        .1
        .contains("Ignored step=abc"));
    // A lecture's stop with a step of its own shows that one: nothing to say about the
    // link's. A stop without one (the question, stop 1) shows the last, and says so.
    let (_, words) = last(&format!("{layer}&step=99999999&slide=4"));
    assert_eq!(words, "");
    let (shown, words) = last(&format!("{layer}&step=99999999&slide=1"));
    assert_eq!(
        (shown, words.contains("past the animation's last")),
        (end, true)
    );
}

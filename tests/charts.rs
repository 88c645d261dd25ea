//! The charts' data and drawing, natively: the curves come from the exact counts, and the
//! same drawing code writes an SVG that names what it shows.
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use sepconv::cost::{Costs, Fraction, Layer, Padding, Unit};
use sepconv::i18n::Lang;
use sepconv::plots::{
    bars, draw_costs, draw_ratio, draw_roofline, stand_in, Measure, Part, Point, RatioChart,
    Roofline, RooflineKernel, Svg, Sweep, Theme, CSS_VARIABLES, KERNELS,
};

fn costs(df: u32, dk: u32, m: u32, n: u32, padding: Padding) -> Costs {
    Costs::of(&Layer {
        df,
        dk,
        m,
        n,
        padding,
        stride: 1,
        dilation: 1,
        ..Layer::default()
    })
    .unwrap()
}

fn svg(chart: &RatioChart) -> String {
    let mut out = String::new();
    {
        let root = Svg::new(&mut out, (800, 480)).into_drawing_area();
        draw_ratio(&root, chart, &Theme::default(), Some("R against N")).unwrap();
    }
    out
}

#[test]
fn ratio_against_n_has_a_curve_per_kernel_and_the_current_point() {
    let c = costs(14, 3, 512, 512, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Ratio);
    let keys: Vec<u32> = chart.curves.iter().map(|c| c.key).collect();
    assert_eq!(keys, KERNELS.to_vec(), "Dk = 3 is one of the fixed curves");
    assert_eq!(chart.curves.iter().filter(|c| c.current).count(), 1);
    assert_eq!(chart.current_x, 512);
    assert_eq!(chart.current_value, Fraction::new(521, 4608));
    assert_eq!(chart.asymptote, Fraction::new(1, 9));
    for curve in &chart.curves {
        assert_eq!(curve.points.first().unwrap().0, 1.0);
        assert_eq!(curve.points.last().unwrap().0, 4096.0);
        for &(n, r) in &curve.points {
            let exact = 1.0 / n + 1.0 / f64::from(curve.key).powi(2);
            assert!(
                (r - exact).abs() < 1e-12 * exact,
                "Dk {} N {n}: {r}",
                curve.key
            );
        }
    }
    let text = svg(&chart);
    for label in [
        "R against N",
        "Dk=1",
        "Dk=3",
        "Dk=7",
        "1/Dk² = 0.111",
        "N (filters), log scale",
    ] {
        assert!(text.contains(label), "the SVG should show {label}");
    }
}

#[test]
fn the_level_stops_short_of_the_name_of_the_curve_that_levels_out_on_it() {
    // N = 8 levels out at 1/N = 0.125: its name sits on the dashed level's height, and the
    // dashes ran into its N.
    let c = costs(8, 3, 3, 8, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Kernel, Measure::Ratio);
    let text = svg(&chart);
    // The dashes: short level strokes, two pixels wide, in the muted colour.
    let dashes_end = text
        .lines()
        .filter(|l| l.contains("<path") && l.contains("stroke-width=\"2\""))
        .filter_map(|l| {
            let ends = path_points(l.split(" d=\"").nth(1)?.split('"').next()?);
            (ends.len() == 2 && ends[0].1 == ends[1].1 && ends[1].0 - ends[0].0 <= 8)
                .then_some(ends[1].0)
        })
        .max()
        .expect("the dashed level");
    let at = text.find(">N=8<").expect("the name of N = 8");
    let name_x: i32 = text[..at]
        .rsplit("<text x=\"")
        .next()
        .and_then(|t| t.split('"').next())
        .and_then(|x| x.parse().ok())
        .expect("where the name starts");
    assert!(
        dashes_end + 8 <= name_x,
        "the dashes end at {dashes_end}, the name starts at {name_x}"
    );
}

#[test]
fn the_current_kernel_gets_its_own_highlighted_curve() {
    let c = costs(64, 11, 32, 100, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Speedup);
    let current: Vec<u32> = chart
        .curves
        .iter()
        .filter(|c| c.current)
        .map(|c| c.key)
        .collect();
    assert_eq!(current, vec![11]);
    assert_eq!(chart.curves.len(), KERNELS.len() + 1);
    // Speed-up mode: 1/R, levelling out at Dk² = 121.
    assert_eq!(chart.asymptote, Fraction::new(121, 1));
    assert_eq!(chart.current_value, c.speedup());
    assert!(svg(&chart).contains("Dk² = 121"));
}

#[test]
fn kernels_that_do_not_fit_leave_gaps_not_errors() {
    // Valid padding on a 5x5 input: kernels above 5 have no output, so the R-against-Dk
    // curves stop at 5 and the Dk = 7 curve against N is left out.
    let c = costs(5, 3, 3, 8, Padding::Valid);
    let by_dk = RatioChart::new(&c, Unit::Macs, Sweep::Kernel, Measure::Ratio);
    for curve in &by_dk.curves {
        assert_eq!(curve.points.last().unwrap().0, 5.0);
    }
    let by_n = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Ratio);
    assert!(by_n.curves.iter().all(|c| c.key <= 5));
    assert!(!svg(&by_n).is_empty());
}

#[test]
fn the_read_out_is_exact() {
    let c = costs(14, 3, 512, 512, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Kernel, Measure::Ratio);
    assert_eq!(
        chart.value_at(&c.layer, 512, 3),
        Some(Fraction::new(521, 4608))
    );
    assert_eq!(chart.value_at(&c.layer, 8, 5), Some(Fraction::new(33, 200)));
}

#[test]
fn cost_bars_stack_on_a_linear_scale_and_stand_apart_on_a_log_scale() {
    let c = costs(14, 3, 512, 512, Padding::Same);
    let linear = bars(&c, Unit::Macs, false, Lang::En);
    assert_eq!(linear.len(), 2);
    assert_eq!(linear[0].total(), 462_422_016);
    assert_eq!(linear[1].total(), 52_283_392);
    assert!(linear[1].parts == vec![(903_168, Part::Depthwise), (51_380_224, Part::Pointwise)]);
    let log = bars(&c, Unit::Macs, true, Lang::En);
    let names: Vec<&str> = log.iter().map(|b| b.name).collect();
    assert_eq!(names, ["standard", "depthwise", "pointwise", "separable"]);

    for log in [false, true] {
        let mut out = String::new();
        {
            let root = Svg::new(&mut out, (600, 400)).into_drawing_area();
            draw_costs(
                &root,
                &c,
                Unit::Macs,
                log,
                &Theme::default(),
                Some("Multiplications"),
            )
            .unwrap();
        }
        for label in [
            "Multiplications",
            "462.4 M",
            "52.3 M",
            "standard",
            "separable",
        ] {
            assert!(
                out.contains(label),
                "log = {log}: the SVG should show {label}"
            );
        }
        assert_eq!(
            out.contains("903.2 k"),
            log,
            "depthwise alone is labelled on the log scale"
        );
    }
    // The same chart in Chinese: names, axis title and counts in 万 and 亿.
    let mut out = String::new();
    {
        let root = Svg::new(&mut out, (600, 400)).into_drawing_area();
        let theme = Theme {
            lang: Lang::Zh,
            ..Theme::default()
        };
        draw_costs(&root, &c, Unit::Macs, false, &theme, None).unwrap();
    }
    for label in ["标准", "可分离", "乘法次数", "4.6 亿", "5228.3 万"] {
        assert!(out.contains(label), "the Chinese SVG should show {label}");
    }
    assert!(!out.contains("standard") && !out.contains("multiplications"));
}

#[test]
fn counts_past_t_are_powers_of_ten_with_room_for_them_beside_the_axis() {
    // The largest layer a link accepts: 3.7 × 10²⁰ multiplications for the standard one.
    let c = costs(4096, 512, 8192, 8192, Padding::Explicit(512));
    for lang in [Lang::En, Lang::Zh] {
        let theme = Theme {
            lang,
            ..Theme::default()
        };
        let mut out = String::new();
        let (frame, widest) = {
            let root = Svg::new(&mut out, (600, 400)).into_drawing_area();
            let frame = draw_costs(&root, &c, Unit::Macs, false, &theme, None).unwrap();
            let label = theme.text(14.0, theme.muted);
            (
                frame,
                root.estimate_text_size("4.0 × 10²⁰", &label).unwrap().0,
            )
        };
        for label in ["3.7 × 10²⁰", "4.7 × 10¹⁶", "4.0 × 10²⁰"] {
            assert!(out.contains(label), "{lang:?}: the SVG should show {label}");
        }
        assert!(!out.contains(" E<") && !out.contains("万亿"), "{lang:?}");
        // Left of the plot: the chart's margin, the widest tick label, and a line of 14 px
        // type for the axis' name, which the labels must not run into.
        let room = frame.x_pixels.start - 10 - widest as i32;
        assert!(room >= 18, "{lang:?}: {room} px for the axis' name");
    }
}

#[test]
fn a_grouped_layer_levels_out_at_g_over_dk2_beside_the_closed_form() {
    let layer = Layer {
        groups: 4,
        ..costs(14, 3, 512, 512, Padding::Same).layer
    };
    let c = Costs::of(&layer).unwrap();
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Ratio);
    assert_eq!(chart.asymptote, Fraction::new(4, 9));
    assert_eq!(
        chart.current_value,
        Fraction::new(4, 512) + Fraction::new(4, 9)
    );
    // The article's 1/N + 1/Dk² is drawn beside it, since the two differ.
    let closed = chart.closed_form.as_ref().expect("drawn where they differ");
    let (x, y) = *closed.last().unwrap();
    assert_eq!(x, 4096.0);
    assert!((y - (1.0 / 4096.0 + 1.0 / 9.0)).abs() < 1e-12);
    // FLOPs with bias: R → g(2M + 1)/(2·Dk²·M + g) against N, and g/N against Dk.
    let biased = Costs::of(&Layer {
        groups: 1,
        bias: true,
        ..layer
    })
    .unwrap();
    let chart = RatioChart::new(&biased, Unit::Flops, Sweep::Filters, Measure::Ratio);
    assert_eq!(chart.asymptote, Fraction::new(1025, 9217));
    assert_eq!(chart.current_value, biased.ratio_in(Unit::Flops));
    assert!(chart.closed_form.is_some());
    let by_dk = RatioChart::new(&biased, Unit::Flops, Sweep::Kernel, Measure::Ratio);
    assert_eq!(by_dk.asymptote, Fraction::new(1, 512));
    // A plain layer in multiply-adds: no second curve, the article's levels.
    let plain = costs(14, 3, 512, 512, Padding::Same);
    let chart = RatioChart::new(&plain, Unit::Flops, Sweep::Filters, Measure::Ratio);
    assert!(chart.closed_form.is_none());
    assert_eq!(chart.asymptote, Fraction::new(1, 9));
}

#[test]
fn the_bars_count_in_the_unit_the_page_counts_in() {
    let c = Costs::of(&Layer {
        bias: true,
        ..costs(14, 3, 512, 512, Padding::Same).layer
    })
    .unwrap();
    let flops = bars(&c, Unit::Flops, false, Lang::En);
    assert_eq!(flops[0].total(), 2 * 462_422_016 + 512 * 196);
    assert_eq!(
        flops[1].total(),
        c.count(sepconv::cost::Part::Separable, Unit::Flops)
    );
    let mut out = String::new();
    {
        let root = Svg::new(&mut out, (600, 400)).into_drawing_area();
        draw_costs(&root, &c, Unit::Flops, false, &Theme::default(), None).unwrap();
    }
    assert!(out.contains("FLOPs") && !out.contains("multiplications"));
}

#[test]
fn the_log_axis_reaches_down_to_a_labelled_decade() {
    // Dk = 7's curve ends near 1/49 + 1/4096 ≈ 0.0207: the axis goes on to 0.01, labelled.
    let c = costs(112, 3, 64, 128, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Ratio);
    let text = svg(&chart);
    for tick in [">1<", ">0.1<", ">0.01<"] {
        assert!(text.contains(tick), "the y axis should label {tick}");
    }
}

#[test]
fn a_clear_theme_leaves_the_background_unpainted() {
    let c = costs(112, 3, 64, 128, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Ratio);
    let draw = |clear: bool| {
        let mut out = String::new();
        {
            let root = Svg::new(&mut out, (800, 480)).into_drawing_area();
            let theme = Theme {
                clear,
                ..Theme::default()
            };
            draw_ratio(&root, &chart, &theme, None).unwrap();
        }
        out
    };
    let full = r##"<rect x="0" y="0" width="800" height="480" fill="#FFFFFF""##;
    assert!(
        draw(false).contains(full),
        "the panel's white behind the chart"
    );
    assert!(!draw(true).contains(full), "nothing behind a clear chart");
}

#[test]
fn the_svg_backend_writes_a_whole_document_with_escaped_words_and_exact_opacities() {
    let mut out = String::new();
    {
        let root = Svg::new(&mut out, (200, 100)).into_drawing_area();
        let words = ("sans-serif", 14.5).into_font().color(&RED.mix(0.25));
        root.draw(&Text::new("R & <N>", (10, 20), words)).unwrap();
        root.draw(&Rectangle::new([(0, 0), (5, 5)], BLUE.mix(0.5).filled()))
            .unwrap();
    }
    assert!(out.starts_with(
        r#"<svg width="200" height="100" viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg">"#
    ));
    assert!(out.trim_end().ends_with("</svg>"), "closed when dropped");
    assert_eq!(out.matches("</svg>").count(), 1);
    assert!(out.contains(">R &amp; &lt;N&gt;</text>"), "{out}");
    assert!(out.contains(r#"font-size="14.5""#), "{out}");
    assert!(
        out.contains(r##"fill="#FF0000" fill-opacity="0.25""##),
        "{out}"
    );
    assert!(
        out.contains(r##"fill="#0000FF" fill-opacity="0.5""##),
        "{out}"
    );
}

/// The default layer's chart of R against N, as the page rendered at build time draws it.
fn stand_in_of(lang: Lang) -> String {
    let c = costs(8, 3, 3, 8, Padding::Same);
    let chart = RatioChart::new(&c, Unit::Macs, Sweep::Filters, Measure::Ratio);
    stand_in(
        (830, 320),
        lang,
        "chart-svg wide",
        "first-chart-x-wide",
        |root, theme| {
            draw_ratio(root, &chart, theme, None).unwrap();
        },
    )
}

#[test]
fn a_charts_picture_for_the_built_page_is_in_the_palettes_classes_with_its_words_apart() {
    let [english, chinese] = [Lang::En, Lang::Zh].map(stand_in_of);
    for svg in [&english, &chinese] {
        assert!(svg.starts_with(
            r#"<svg class="chart-svg wide" viewBox="0 0 830 320" aria-hidden="true">"#
        ));
        // Every colour is a class of the page's palette, so that it follows the reader's.
        assert!(
            !svg.contains("fill=\"#") && !svg.contains("stroke=\"#"),
            "{svg}"
        );
        let classes: Vec<&str> = ["class=\"cf-", "class=\"cs-"]
            .iter()
            .flat_map(|open| svg.split(open).skip(1))
            .filter_map(|c| c.split('"').next())
            .collect();
        assert!(classes.len() > 20);
        for name in classes {
            assert!(
                CSS_VARIABLES.contains(&format!("--{name}").as_str()),
                "{name}"
            );
        }
        assert_eq!(
            svg.matches("class=\"c").count(),
            svg.matches("class=\"cf-").count() + svg.matches("class=\"cs-").count() + 3,
            "no class but the palette's, the picture's and its two groups'"
        );
        // The halo is the stylesheet's: no copies of the words in the panel's colour.
        assert!(!svg.contains(r#"class="cf-panel">"#), "{svg}");
    }
    // The shapes and the words alike in both languages are one group, the same in both.
    let group = |svg: &str| {
        svg.split("<g id=\"first-chart-x-wide\" class=\"chart-shapes\">")
            .nth(1)
            .unwrap()
            .split("</g>")
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(group(&english), group(&chinese));
    for alike in [">Dk=3<", ">1/Dk² = 0.111<", ">0.01<", ">1000<"] {
        assert!(
            group(&english).contains(alike),
            "{alike} in the shared group"
        );
    }
    // Each language's own words follow, in a group of their own.
    assert!(
        english.contains("<g id=\"first-chart-x-wide-en\" class=\"chart-shapes\">")
            && english.contains(">R (log scale)<")
    );
    assert!(
        chinese.contains("<g id=\"first-chart-x-wide-zh\" class=\"chart-shapes\">")
            && chinese.contains(">R（对数坐标）<")
    );
    assert!(!group(&english).contains("R (log scale)"));
}

#[test]
fn the_stylesheet_gives_every_colour_class_of_a_charts_picture_the_palettes_colour() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/style.css")).unwrap();
    for variable in CSS_VARIABLES {
        let name = variable.trim_start_matches("--");
        for rule in [
            format!(".cf-{name} {{ fill: var({variable}); }}"),
            format!(".cs-{name} {{ stroke: var({variable}); }}"),
        ] {
            assert!(css.contains(&rule), "{rule}");
        }
    }
}

/// The points of a line the SVG backend writes as a path: its first point, then each
/// step from one point to the next ("M88 159l6 0 5 1").
fn path_points(d: &str) -> Vec<(i32, i32)> {
    let numbers: Vec<i32> = d
        .replace(['M', 'l'], " ")
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let mut at = (0, 0);
    numbers
        .chunks(2)
        .map(|step| {
            at = (at.0 + step[0], at.1 + step[1]);
            at
        })
        .collect()
}

/// A box in pixels: x, y, width, height.
type Area = [f64; 4];

/// The boxes of an SVG's level words (from their top left, or from their bottom right) and
/// of its dots.
fn boxes(svg: &str) -> (Vec<(String, Area)>, Vec<Area>) {
    let attr = |element: &str, name: &str| -> f64 {
        let from = element.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        element[from..].split('"').next().unwrap().parse().unwrap()
    };
    let (mut words, mut dots) = (Vec::new(), Vec::new());
    for element in svg.split('<').skip(1) {
        if element.starts_with("circle ") {
            let r = attr(element, "r");
            dots.push([
                attr(element, "cx") - r,
                attr(element, "cy") - r,
                2.0 * r,
                2.0 * r,
            ]);
        } else if element.starts_with("text ") && !element.contains("rotate") {
            let text = element.split('>').nth(1).unwrap().to_string();
            let size = attr(element, "font-size");
            let w = sepconv::anim::text_width(&text, size);
            let (x, y) = (attr(element, "x"), attr(element, "y"));
            let x = match element.contains("text-anchor=\"end\"") {
                true => x - w,
                false => x,
            };
            let y = match element.contains("dy=\"0.8em\"") {
                true => y,
                false => y - size,
            };
            words.push((text, [x, y, w, size]));
        }
    }
    (words, dots)
}

/// What the names of `roofline` drawn at `size` cover that they must not: a dot, the peak's
/// words or another name.
fn covered_by_names(size: (u32, u32), roofline: &Roofline) -> Vec<String> {
    let mut out = String::new();
    {
        let root = Svg::new(&mut out, size).into_drawing_area();
        draw_roofline(&root, roofline, &Theme::default()).unwrap();
    }
    let (words, dots) = boxes(&out);
    // Each name is drawn last, after its halo.
    let names: Vec<_> = ["standard ", "depthwise ", "pointwise "]
        .iter()
        .filter_map(|k| words.iter().rev().find(|(t, _)| t.starts_with(k)))
        .collect();
    assert_eq!(names.len(), 3, "{words:?}");
    let peak = words.iter().filter(|(t, _)| t.starts_with("peak "));
    let overlap = |a: &Area, b: &Area| {
        a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
    };
    let mut covered = Vec::new();
    for (text, at) in &names {
        let others = names
            .iter()
            .copied()
            .chain(peak.clone())
            .filter(|(t, _)| t != text);
        for other in dots.iter().chain(others.map(|(_, b)| b)) {
            if overlap(at, other) {
                covered.push(format!("\"{text}\" at {at:?} covers {other:?}"));
            }
        }
    }
    covered
}

#[test]
fn the_roofline_s_names_keep_clear_of_every_dot_and_of_each_other_on_a_phone() {
    // Machines from slow to fast, kernels from far under their roof to on it (the share of
    // it each reaches), at the roofline's sizes on a phone and on a laptop.
    let shares: &[f64] = &[0.05, 0.2, 0.5, 0.9];
    let mut cases = 0;
    for size in [(330, 260), (358, 300), (640, 360)] {
        for peak in [8.0, 25.0, 60.0, 150.0] {
            for bandwidth in [None, Some(4.0), Some(15.0), Some(40.0)] {
                let roof = Roofline {
                    peak,
                    bandwidth,
                    points: Vec::new(),
                };
                let point = |kind, name: &str, intensity: f64, share: f64| Point {
                    name: name.into(),
                    kind,
                    intensity,
                    gflops: roof.roof(intensity) * share,
                };
                let triples = shares.iter().flat_map(|&a| {
                    shares
                        .iter()
                        .flat_map(move |&b| shares.iter().map(move |&c| (a, b, c)))
                });
                for (standard, depthwise, pointwise) in triples {
                    let roofline = Roofline {
                        points: vec![
                            point(RooflineKernel::Standard, "standard", 240.0, standard),
                            point(RooflineKernel::Depthwise, "depthwise", 2.2, depthwise),
                            point(RooflineKernel::Pointwise, "pointwise", 31.0, pointwise),
                        ],
                        ..roof.clone()
                    };
                    let covered = covered_by_names(size, &roofline);
                    assert!(
                        covered.is_empty(),
                        "{size:?}, peak {peak}, bandwidth {bandwidth:?}, shares {standard} {depthwise} {pointwise}: {covered:?}"
                    );
                    cases += 1;
                }
            }
        }
    }
    assert_eq!(cases, 3 * 4 * 4 * 4 * 4 * 4);
}

//! The 3D scene as a model, with no browser: the projection, what is lit and how much of
//! it stays in view, the lens at real layer sizes, finished work staying filled, and a
//! drawing that stays bounded whatever the layer, the look, the camera or the canvas.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepconv::anim::{
    inside, line_width, paint_name, scene, sin_degrees, svg, unoccluded, Anchor, Camera, Face,
    LitReport, Look, Mode, Paint, Phase, Rect, Scene, Shape, Timeline, View, HALO_WIDTH, LEFT_OUT,
    LENS_PX, PAINTS,
};
use sepconv::cost::{Costs, Layer, Padding};
use sepconv::i18n::Lang;

mod common;
use common::costs;

const WIDE: View = View {
    width: 1200.0,
    height: 540.0,
    look: Look::Volume,
    camera: Camera { yaw: 35, pitch: 25 },
};
const TALL: View = View {
    width: 390.0,
    height: 700.0,
    ..WIDE
};

fn filled(scene: &Scene, paint: Paint) -> usize {
    scene
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Quad { fill: Some(p), .. } if *p == paint))
        .count()
}

/// The boxes round the quads whose fill and stroke `keep` takes.
fn quad_boxes(s: &Scene, keep: impl Fn(Option<Paint>, Option<Paint>) -> bool) -> Vec<Rect> {
    s.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Quad {
                corners,
                fill,
                stroke,
            } if keep(*fill, *stroke) => Some(Rect::around(*corners)),
            _ => None,
        })
        .collect()
}

/// The step that shows output position (row, col) of channel or filter `group` in `phase`.
fn step_at(t: &Timeline, phase: Phase, group: u32, row: u32, col: u32) -> u64 {
    let dp = u64::from(t.costs.dp);
    let before = if phase == Phase::Pointwise {
        t.phase_ends()[0]
    } else {
        0
    };
    before + u64::from(group) * dp * dp + u64::from(row) * dp + u64::from(col) + 1
}

#[test]
fn the_default_camera_sees_the_front_the_top_and_the_side() {
    let rot = Camera::default().rotation();
    // Farther channels appear up and to the right, and farther away.
    let (x, y, depth) = rot.apply((0.0, 0.0, 1.0));
    assert!(x > 0.3 && y > 0.2 && depth > 0.5, "{x} {y} {depth}");
    // The camera turns without stretching: unit vectors stay unit length.
    for camera in [
        Camera::default(),
        Camera {
            yaw: -150,
            pitch: -70,
        },
    ] {
        for v in [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)] {
            let (a, b, c) = camera.rotation().apply(v);
            assert!(((a * a + b * b + c * c) - 1.0).abs() < 1e-12);
        }
    }
    // Head on, depth is straight into the screen.
    let (x, y, _) = Camera { yaw: 0, pitch: 0 }
        .rotation()
        .apply((0.0, 0.0, 1.0));
    assert!(x.abs() < 1e-12 && y.abs() < 1e-12);
}

#[test]
fn whole_degrees_have_exact_enough_sines() {
    for d in -720..=720 {
        let want = f64::from(d).to_radians().sin();
        assert!((sin_degrees(d) - want).abs() < 1e-11, "{d}");
    }
    assert_eq!(sin_degrees(0), 0.0);
    assert!((sin_degrees(90) - 1.0).abs() < 1e-11);
}

#[test]
fn the_camera_orbits_round_and_stops_short_of_the_poles() {
    let c = Camera::default();
    assert_eq!(c.orbit(150, 0).yaw, -175);
    assert_eq!(c.orbit(-215, 0).yaw, -180);
    assert_eq!(c.orbit(-214, 0).yaw, -179);
    assert_eq!(c.orbit(0, 100).pitch, 80);
    assert_eq!(c.orbit(0, -200).pitch, -80);
    assert_eq!(Camera::new(181, 0), None);
    assert_eq!(Camera::new(0, -81), None);
}

#[test]
fn occlusion_counts_what_is_painted_after_a_face() {
    let face = Face {
        cell: (0, 0, 0),
        corners: [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)],
        painted_at: 0,
    };
    let cover = |right: f64| Shape::Quad {
        corners: [(-1.0, -1.0), (right, -1.0), (right, 11.0), (-1.0, 11.0)],
        fill: Some(Paint::Read),
        stroke: None,
    };
    // Painted at or before it (index 0 is the face itself): nothing hides it.
    assert_eq!(unoccluded(&face, &[cover(11.0)]), 1.0);
    let shapes = vec![cover(0.0), cover(6.0)];
    // The second quad covers the left three of five sample columns.
    assert!((unoccluded(&face, &shapes) - 0.4).abs() < 1e-9);
    // An outline hides nothing.
    let outline = vec![cover(0.0), Shape::outline(face.corners, Paint::Ink)];
    assert_eq!(unoccluded(&face, &outline), 1.0);
    assert!(inside(&face.corners, (5.0, 5.0)));
    assert!(!inside(&face.corners, (10.5, 5.0)));
}

fn faces_lit(scene: &Scene) -> usize {
    filled(scene, Paint::Read)
}

#[test]
fn a_step_lights_the_window_through_its_channels_the_channel_or_the_column() {
    let c = costs(8, 3, 3, 8);
    let st = Timeline::new(c, Mode::Standard);
    let scene_of = |t: &Timeline, step| scene(t, &t.frame(step), &WIDE, Lang::En);
    assert_eq!(
        faces_lit(&scene_of(&st, 10)),
        9 * 3,
        "3x3 on each of 3 channels"
    );
    let sep = Timeline::new(c, Mode::Separable);
    assert_eq!(faces_lit(&scene_of(&sep, 70)), 9, "3x3 on channel 2 only");
    let pw = sep.phase_ends()[0] + 5;
    assert_eq!(
        faces_lit(&scene_of(&sep, pw)),
        3,
        "1x1 through each of 3 channels"
    );
}

#[test]
fn a_grouped_filter_reads_only_its_group_of_channels() {
    let c = Costs::of(&Layer {
        df: 6,
        dk: 3,
        m: 4,
        n: 4,
        padding: Padding::Same,
        groups: 2,
        ..Layer::default()
    })
    .unwrap();
    let st = Timeline::new(c, Mode::Standard);
    let shown = |step| scene(&st, &st.frame(step), &WIDE, Lang::En);
    assert_eq!(
        faces_lit(&shown(10)),
        9 * 2,
        "filter 1 reads channels 1 and 2"
    );
    assert_eq!(st.frame(100).group, 2);
    assert_eq!(st.lit(&st.frame(100)).channels, (2, 3));
    assert_eq!(faces_lit(&shown(100)), 9 * 2);
}

#[test]
fn what_is_lit_stays_in_view_at_inner_positions_for_every_layer_and_look() {
    for (df, m) in [
        (6, 1),
        (6, 3),
        (8, 4),
        (14, 512),
        (112, 3),
        (224, 32),
        (4096, 512),
    ] {
        let c = costs(df, 3, m, 8);
        let middle = c.dp / 2;
        for (mode, phase) in [
            (Mode::Standard, Phase::Standard),
            (Mode::Separable, Phase::Pointwise),
            (Mode::Separable, Phase::Depthwise),
        ] {
            let t = Timeline::new(c, mode);
            let frame = t.frame(step_at(&t, phase, 1.min(m - 1), middle, middle));
            for view in [
                WIDE,
                TALL,
                View {
                    look: Look::Slices,
                    ..WIDE
                },
            ] {
                let s = scene(&t, &frame, &view, Lang::En);
                assert!(
                    s.lit.visible >= 0.5,
                    "Df {df}, M {m}, {phase:?}, {:?}: {} in view",
                    view.look,
                    s.lit.visible
                );
            }
        }
    }
}

#[test]
fn a_lens_keeps_cells_legible_at_real_sizes() {
    for (df, m) in [(112, 32), (224, 3), (4096, 512)] {
        let c = costs(df, 3, m, 16);
        let t = Timeline::new(c, Mode::Separable);
        let frame = t.frame(step_at(&t, Phase::Depthwise, 0, c.dp / 3, c.dp / 2));
        for view in [WIDE, TALL] {
            let s = scene(&t, &frame, &view, Lang::En);
            assert!(s.lit.lens, "Df {df}: a lens");
            assert!(
                s.lit.cell_px >= LENS_PX,
                "Df {df} on {view:?}: {} px",
                s.lit.cell_px
            );
            let words = texts(&s).join(" | ");
            assert!(words.contains("lens ×"), "{words}");
            // The overview says its grid is a stand-in, in short where it is narrow.
            assert!(
                words.contains("a line every") || words.contains("lines: 1 in"),
                "{words}"
            );
        }
    }
    // A small layer is drawn as it is, cell by cell, without a lens.
    let c = costs(6, 3, 3, 8);
    let t = Timeline::new(c, Mode::Standard);
    let s = scene(&t, &t.frame(10), &WIDE, Lang::En);
    assert!(!s.lit.lens);
    assert!(s.lit.cell_px >= 16.0, "{}", s.lit.cell_px);
    assert!(!texts(&s).join(" ").contains("a line every"));
}

fn texts(s: &Scene) -> Vec<String> {
    s.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_stand_in_says_how_many_channels_it_draws() {
    let c = costs(14, 3, 512, 512);
    let t = Timeline::new(c, Mode::Separable);
    let s = scene(&t, &t.frame(5000), &WIDE, Lang::En);
    assert!(texts(&s)
        .iter()
        .any(|w| w.contains("of 512 channels drawn")));
    let zh = scene(&t, &t.frame(5000), &WIDE, Lang::Zh);
    assert!(texts(&zh).iter().any(|w| w.contains("/512 个通道")));
}

#[test]
fn the_filter_says_which_channel_it_is_on_in_both_languages() {
    let t = Timeline::new(costs(8, 3, 3, 8), Mode::Separable);
    let frame = t.frame(step_at(&t, Phase::Depthwise, 1, 0, 0));
    let en = texts(&scene(&t, &frame, &WIDE, Lang::En));
    assert!(en.iter().any(|w| w == "channel 2 of 3"), "{en:?}");
    // As the caption under the picture says it, not "第 2/3 个通道".
    let zh = texts(&scene(&t, &frame, &WIDE, Lang::Zh));
    assert!(zh.iter().any(|w| w == "第 2 个通道（共 3 个）"), "{zh:?}");
}

#[test]
fn a_note_too_long_for_its_column_is_said_shorter_not_cut() {
    // MobileNet's layer in a phone's column and the race in a blog's: every word whole,
    // the notes long or short.
    let c = costs(14, 3, 512, 512);
    let column = |width: f64, height: f64| View {
        width,
        height,
        ..WIDE
    };
    let cases = [
        (Mode::Separable, column(350.0, 900.0)),
        (Mode::Standard, column(350.0, 900.0)),
        (Mode::Race, column(670.0, 560.0)),
        (Mode::Race, column(1250.0, 600.0)),
    ];
    for (mode, view) in cases {
        let t = Timeline::new(c, mode);
        for lang in [Lang::En, Lang::Zh] {
            let words = texts(&scene(&t, &t.frame(3000), &view, lang));
            assert!(
                words.iter().all(|w| !w.contains('…')),
                "{mode:?} {lang:?}: {words:?}"
            );
            let drawn = ["3 of 512 channels drawn", "3/512 drawn", "画出 3/512"];
            assert!(
                words.iter().any(|w| drawn.iter().any(|d| w.contains(d))),
                "{mode:?} {lang:?}: {words:?}"
            );
        }
    }
}

/// The box a line of words takes, at the sans faces' widest: CJK 1 em, × 0.84, a digit
/// 0.64, anything else 0.56.
fn words_box(at: (f64, f64), text: &str, size: f64, anchor: Anchor) -> Rect {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '\u{2E80}'.. => 1.0,
            '×' => 0.84,
            '0'..='9' => 0.64,
            _ => 0.56,
        })
        .sum();
    let w = em * size;
    let x = match anchor {
        Anchor::Start => at.0,
        Anchor::Middle => at.0 - w / 2.0,
        Anchor::End => at.0 - w,
    };
    Rect {
        x,
        y: at.1 - size * 0.8,
        w,
        h: size,
    }
}

/// The scene's lines of words that `keep` keeps, given each one's text and anchor, with
/// their boxes.
fn words_of(s: &Scene, keep: impl Fn(&str, Anchor) -> bool) -> Vec<(String, Rect)> {
    s.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text {
                at,
                text,
                size,
                anchor,
                ..
            } if keep(text, *anchor) => Some((text.clone(), words_box(*at, text, *size, *anchor))),
            _ => None,
        })
        .collect()
}

#[test]
fn a_phones_race_says_every_name_and_size_whole_and_apart() {
    // Five volumes side by side in a phone's 332 px: at 512 channels "14×14×512" four
    // times over is wider than the canvas, and the words were cut ("depthwi…", "14×14…").
    // They now take turns on two rows where they must; none is cut, none meets another,
    // and each volume's name and size are there.
    let phone = View {
        width: 332.0,
        height: 573.0,
        ..WIDE
    };
    for (df, m, n) in [(14, 512, 512), (8, 3, 8), (112, 32, 64), (7, 1024, 1024)] {
        let c = costs(df, 3, m, n);
        let t = Timeline::new(c, Mode::Race);
        for lang in [Lang::En, Lang::Zh] {
            for step in [1, t.total_steps() / 3, t.total_steps() - 1] {
                let s = scene(&t, &t.frame(step), &phone, lang);
                // The words under the volumes: not the channels' numbers, the arrows or
                // the marks of channels left out.
                let words = words_of(&s, |text, anchor| {
                    anchor == Anchor::Middle
                        && !text
                            .chars()
                            .all(|c| c.is_ascii_digit() || "→↓⋯".contains(c))
                });
                let all: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                let case = format!("{df}x{m}x{n} {lang:?} step {step}: {all:?}");
                assert!(all.iter().all(|w| !w.contains('…')), "{case}");
                for dims in [
                    format!("{df}×{df}×{m}"),
                    format!("1×1×{m}"),
                    "3×3×1".to_owned(),
                ] {
                    assert!(all.contains(&dims.as_str()), "{dims} missing: {case}");
                }
                for (i, (a, ra)) in words.iter().enumerate() {
                    assert!(ra.x >= 0.0 && ra.x + ra.w <= phone.width, "{a} off: {case}");
                    for (b, rb) in &words[i + 1..] {
                        assert!(!ra.overlaps(rb), "{a} on {b}: {case}");
                    }
                }
                // Words on a second row (below another's) have a line up to their
                // picture, past the first row's words.
                for (a, ra) in &words {
                    let middle = ra.x + ra.w / 2.0;
                    // Another picture's words (not centred where these are) just above.
                    let above = words.iter().any(|(_, rb)| {
                        (ra.y - 4.0 * ra.h..ra.y - rb.h).contains(&rb.y)
                            && rb.x < ra.x + ra.w
                            && ra.x < rb.x + rb.w
                            && (rb.x + rb.w / 2.0 - middle).abs() > 1.0
                    });
                    let tied = s.shapes.iter().any(|shape| match shape {
                        Shape::Lines { segments, .. } => segments.iter().any(|&[p, q]| {
                            p.0 == q.0
                                && (p.0 - middle).abs() < ra.w / 2.0
                                && q.1 <= ra.y
                                && p.1 < ra.y - 3.0 * ra.h
                        }),
                        _ => false,
                    });
                    assert!(!above || tied, "{a} has no line to its picture: {case}");
                }
            }
        }
    }
}

#[test]
fn the_channels_numbers_stay_on_the_canvas() {
    // Written beside the sheets' top right corners: the rightmost volume's must not run
    // off the canvas's right edge, at a laptop's width, a blog's and in the race.
    for (df, m, n) in [(14, 512, 512), (8, 3, 8), (56, 128, 8192)] {
        let c = costs(df, 3, m, n);
        for mode in Mode::ALL {
            let t = Timeline::new(c, mode);
            for width in [1250.0, 670.0] {
                let view = View {
                    width,
                    height: 600.0,
                    ..WIDE
                };
                let s = scene(&t, &t.frame(t.total_steps() / 3), &view, Lang::En);
                for shape in &s.shapes {
                    if let Shape::Text {
                        at,
                        text,
                        size,
                        anchor: Anchor::Start,
                        ..
                    } = shape
                    {
                        if text.chars().all(|c| c.is_ascii_digit()) {
                            let right = at.0 + text.len() as f64 * size * 0.56;
                            assert!(
                                right <= s.width,
                                "{df}x{m}x{n} {mode:?} at {width}: {text} ends at {right}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_lens_on_slices_marks_its_cells_on_each_slice() {
    // MobileNet's layer as slices side by side, with a lens: what it magnifies is marked
    // on each slice drawn, not by one box running through them all and the gaps between.
    let c = costs(14, 3, 512, 512);
    let t = Timeline::new(c, Mode::Separable);
    let view = View {
        look: Look::Slices,
        ..WIDE
    };
    let s = scene(&t, &t.frame(40), &view, Lang::En);
    assert!(s.lit.lens);
    let width = |corners: &[(f64, f64); 4]| {
        let xs = corners.iter().map(|p| p.0);
        xs.clone().fold(f64::MIN, f64::max) - xs.fold(f64::MAX, f64::min)
    };
    let lens = s.shapes.iter().find_map(|shape| match shape {
        Shape::Quad {
            corners,
            fill: Some(Paint::Panel),
            stroke: Some(Paint::Ink),
        } => Some(width(corners)),
        _ => None,
    });
    let marks: Vec<f64> = s
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Quad {
                corners,
                fill: None,
                stroke: Some(Paint::Ink),
            } => Some(width(corners)),
            _ => None,
        })
        .collect();
    let lens = lens.expect("a lens frame");
    assert!(marks.len() >= 3, "{marks:?}");
    assert!(
        marks.iter().all(|&w| w < lens / 4.0),
        "marks {marks:?} against a lens {lens} wide"
    );
}

#[test]
fn finished_work_stays_filled() {
    let c = costs(6, 3, 3, 4);
    let sep = Timeline::new(c, Mode::Separable);
    let ends = sep.phase_ends();
    // Mid-depthwise on channel 3: channels 1 and 2 of its output are filled whole.
    let mid = sep.frame(step_at(&sep, Phase::Depthwise, 2, 2, 2));
    let s = scene(&sep, &mid, &WIDE, Lang::En);
    assert!(
        filled(&s, Paint::Done) >= 2 + 2,
        "two whole sheets and channel 3's rows"
    );
    assert_eq!(filled(&s, Paint::Write), 1);
    // The pointwise phase reads from a filled depthwise output: its 3 sheets.
    let pw = sep.frame(ends[0] + 1);
    assert!(filled(&scene(&sep, &pw, &WIDE, Lang::En), Paint::Done) >= 3);
    // At the end every sheet of both outputs is filled: 3 + 4.
    let end = sep.frame(ends[1]);
    assert_eq!(
        filled(&scene(&sep, &end, &WIDE, Lang::En), Paint::Done),
        3 + 4
    );
    // Standard: output channels fill as filters finish.
    let st = Timeline::new(c, Mode::Standard);
    let third = st.frame(step_at(&st, Phase::Standard, 2, 0, 0));
    assert!(filled(&scene(&st, &third, &WIDE, Lang::En), Paint::Done) >= 2);
}

/// How many grid lines cross the outlined sheet drawn above the words `dims`.
fn grid_lines_above(s: &Scene, dims: &str) -> usize {
    let (x, y) = s
        .shapes
        .iter()
        .find_map(|shape| match shape {
            Shape::Text { at, text, .. } if text == dims => Some(*at),
            _ => None,
        })
        .expect("the sheet's words");
    let outlines: Vec<&[(f64, f64); 4]> = s
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Quad {
                corners,
                fill: None,
                stroke: Some(Paint::Line),
            } if corners.iter().all(|c| (c.0 - x).abs() < 120.0 && c.1 < y) => Some(corners),
            _ => None,
        })
        .collect();
    assert_eq!(outlines.len(), 1, "one sheet above {dims}");
    s.shapes
        .iter()
        .flat_map(|shape| match shape {
            Shape::Lines {
                segments,
                paint: Paint::Line,
            } => segments.as_slice(),
            _ => &[],
        })
        .filter(|[a, b]| inside_quad(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0), outlines[0]))
        .count()
}

#[test]
fn the_depthwise_filter_keeps_its_cells_while_the_pointwise_step_runs() {
    for (dk, look) in [(3, Look::Volume), (5, Look::Slices)] {
        let sep = Timeline::new(costs(8, dk, 3, 8), Mode::Separable);
        let view = View { look, ..WIDE };
        let dims = format!("{dk}×{dk}×1");
        let lines =
            |step: u64| grid_lines_above(&scene(&sep, &sep.frame(step), &view, Lang::En), &dims);
        // At work, filled; at rest, outlined: a grid of Dk × Dk cells either way, not a
        // blank card that says nothing of what it is.
        let cuts = 2 * (dk as usize - 1);
        assert_eq!(lines(1), cuts, "at work, Dk = {dk}");
        assert_eq!(lines(sep.phase_ends()[0] + 1), cuts, "at rest, Dk = {dk}");
    }
}

#[test]
fn among_slices_the_channels_left_out_are_marked_where_their_slice_would_be() {
    // 32 channels drawn as 4 slices: in a row (1, 2, 3, ⋯, 32) or in a grid (1, 2 / 3, ⋯
    // / 32), the mark stands in a slice's place, as far from its neighbours as a slice's
    // middle is: not beside the slot, on the next slice or past the grid's edge.
    let t = Timeline::new(costs(14, 3, 32, 64), Mode::Separable);
    for view in [WIDE, TALL] {
        let view = View {
            look: Look::Slices,
            ..view
        };
        for step in [300, t.phase_ends()[0] + 300] {
            let s = scene(&t, &t.frame(step), &view, Lang::Zh);
            let slices = quad_boxes(&s, |fill, stroke| {
                fill.is_none() && stroke == Some(Paint::Line)
            });
            let marks: Vec<(f64, f64)> = s
                .shapes
                .iter()
                .filter_map(|shape| match shape {
                    Shape::Text { at, text, size, .. } if text == LEFT_OUT => {
                        Some((at.0, at.1 - 0.3 * size))
                    }
                    _ => None,
                })
                .collect();
            assert!(marks.len() >= 3, "{} marks at step {step}", marks.len());
            for (x, y) in marks {
                let away = |r: &Rect| {
                    let dx = (r.x - x).max(x - (r.x + r.w)).max(0.0);
                    let dy = (r.y - y).max(y - (r.y + r.h)).max(0.0);
                    (dx * dx + dy * dy).sqrt()
                };
                let nearest = slices
                    .iter()
                    .min_by(|a, b| away(a).total_cmp(&away(b)))
                    .expect("slices");
                let d = away(nearest);
                let size = nearest.w.min(nearest.h);
                assert!(
                    d >= 0.4 * size && d <= 1.2 * size,
                    "⋯ at ({x:.0}, {y:.0}) is {d:.0} px from a slice {size:.0} px wide ({}x{}, step {step})",
                    view.width,
                    view.height
                );
            }
        }
    }
}

#[test]
fn the_slices_look_shows_each_channel_apart() {
    let c = costs(8, 3, 4, 8);
    let t = Timeline::new(c, Mode::Standard);
    let view = View {
        look: Look::Slices,
        ..WIDE
    };
    let s = scene(
        &t,
        &t.frame(step_at(&t, Phase::Standard, 0, 4, 4)),
        &view,
        Lang::En,
    );
    assert_eq!(s.lit.visible, 1.0);
    assert_eq!(faces_lit(&s), 9 * 4);
    // Each slice is labelled with its channel's number.
    let words = texts(&s);
    for ch in ["1", "2", "3", "4"] {
        assert!(words.iter().any(|w| w == ch), "{words:?}");
    }
}

/// `v` with a comma between groups of three digits, as the page writes counts.
fn group(v: u128) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[test]
fn the_race_draws_both_sides_and_where_the_separable_side_finishes() {
    let c = costs(8, 3, 3, 8);
    let t = Timeline::new(c, Mode::Race);
    // 10 standard steps of 27 spend 270: 30 depthwise steps of 9 on the other side.
    let s = scene(&t, &t.frame(10), &WIDE, Lang::En);
    let words = texts(&s).join(" | ");
    // Both sides have done 270 so far, each of its own whole: in a wide row, in a column
    // beside the pictures, which the row's height limits.
    let (standard, separable) = (group(c.standard()), group(c.separable()));
    assert!(
        words.contains(&format!("standard | 270 of {standard} | multiply-adds"))
            && words.contains(&format!("separable | 270 of {separable} | multiply-adds")),
        "{words}"
    );
    // In a blog's column, where the pictures have the height, on a line above them.
    let column = View {
        width: 700.0,
        height: 600.0,
        ..WIDE
    };
    let line = texts(&scene(&t, &t.frame(10), &column, Lang::En)).join(" | ");
    assert!(
        line.contains(&format!("standard: 270 of {standard} multiply-adds"))
            && line.contains(&format!("separable: 270 of {separable} multiply-adds")),
        "{line}"
    );
    assert!(
        words.contains(&format!("R = {}", c.ratio().significant(3))),
        "{words}"
    );
    // Both pipelines: the standard side's 3x3x3 window and the separable side's 3x3
    // (each drawn twice where the half-height picture needs a lens that magnifies).
    let lit = faces_lit(&s);
    let (standard, separable) = ([27, 2 * 27], [9, 2 * 9]);
    assert!(
        standard
            .iter()
            .any(|a| separable.iter().any(|b| lit == a + b)),
        "{lit}"
    );
    let end = scene(&t, &t.frame(t.total_steps()), &WIDE, Lang::Zh);
    assert!(texts(&end).iter().any(|w| w.contains("完成")));
}

#[test]
fn a_race_in_short_rows_draws_no_lens_that_would_not_magnify() {
    // A lecture's stop at 720p in the projector's colours: a canvas of 1208 × 379 px laid
    // out for one 1.46 times smaller (the stop's type, and the projector's), each side's
    // row about 90 px high. The lens was as short as the volume beside it, and showed the
    // window at 1.2 times its size, titled "×2".
    let c = costs(8, 3, 3, 8);
    let t = Timeline::new(c, Mode::Race);
    let short = View {
        width: 826.0,
        height: 259.0,
        ..WIDE
    };
    for lang in [Lang::En, Lang::Zh] {
        let s = scene(&t, &t.frame(77), &short, lang);
        let words = texts(&s).join(" | ");
        assert!(
            !s.lit.lens && !words.contains("lens") && !words.contains("放大镜"),
            "{words}"
        );
        // Each side's window drawn once, in its volume, and at this size as a block on
        // each sheet it reads: the standard side's 3x3 on 3 sheets, and the separable
        // side's 1x1 column, past its 1,728 depthwise multiplications, on 3.
        assert_eq!(faces_lit(&s), 3 + 3);
    }
    // Where the rows are tall enough for a lens to magnify, it is still drawn.
    let c = costs(56, 3, 3, 8);
    let t = Timeline::new(c, Mode::Race);
    let s = scene(&t, &t.frame(77), &WIDE, Lang::En);
    assert!(s.lit.lens && s.lit.cell_px >= LENS_PX, "{}", s.lit.cell_px);
}

#[test]
fn a_race_that_the_separable_side_loses_ends_with_both_sides_done() {
    // 1 x 1 kernels: the depthwise step adds M·Dp² and saves nothing, so R = 9/8 and the
    // separable side finishes last. The end shows both done, and R's words stay on the
    // canvas, at the end of the track where it now marks the separable side's finish.
    let c = costs(8, 1, 3, 8);
    assert!(c.separable() > c.standard());
    let t = Timeline::new(c, Mode::Race);
    let end = scene(&t, &t.frame(t.total_steps()), &WIDE, Lang::En);
    let words = texts(&end).join(" | ");
    for side in [c.standard(), c.separable()] {
        assert!(
            words.contains(&format!("done, {} | multiply-adds ✓", group(side))),
            "{words}"
        );
    }
    let marks = words_of(&end, |text, _| text.starts_with("R = 1.13"));
    assert_eq!(marks.len(), 1, "{words}");
    let (_, mark) = &marks[0];
    assert!(mark.x >= 0.0 && mark.x + mark.w <= end.width, "{mark:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn the_drawing_stays_bounded_and_its_report_sane(
        df in 1u32..=4096, dk in 1u32..=16, m in 1u32..=8192, n in 1u32..=8192,
        mode in 0usize..3, at in 0.0f64..=1.0, slices in any::<bool>(),
        yaw in -180i32..=180, pitch in -80i32..=80,
        width in 200.0f64..2400.0, height in 200.0f64..1400.0,
    ) {
        let layer = Layer { df, dk, m, n, padding: Padding::Same, ..Layer::default() };
        prop_assume!(layer.check().is_ok());
        let c = Costs::of(&layer).unwrap();
        let t = Timeline::new(c, Mode::ALL[mode]);
        let f = t.frame((t.total_steps() as f64 * at) as u64);
        let look = if slices { Look::Slices } else { Look::Volume };
        let view = View { width, height, look, camera: Camera { yaw, pitch } };
        let s = scene(&t, &f, &view, Lang::En);
        prop_assert!(s.shapes.len() < 1200, "{} shapes", s.shapes.len());
        prop_assert!((0.0..=1.0).contains(&s.lit.visible));
        prop_assert!(s.lit.cell_px.is_finite() && s.lit.cell_px >= 0.0);
        for shape in &s.shapes {
            if let Shape::Quad { corners, .. } = shape {
                prop_assert!(corners.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
            }
        }
    }
}

#[test]
fn no_channel_number_falls_on_the_cells_of_the_step() {
    // In some turns of a volume a sheet's number falls on its top right cells: drawn over
    // them it hid the cell being written, drawn under them "512" read "51". It is left
    // out there, and every number drawn is clear of the cells read and written.
    for (df, m, n) in [(14, 512, 512), (8, 3, 8)] {
        let c = costs(df, 3, m, n);
        for mode in [Mode::Separable, Mode::Standard] {
            let t = Timeline::new(c, mode);
            for width in [1250.0, 640.0] {
                let view = View { width, ..WIDE };
                for step in (1..t.total_steps().min(400)).step_by(3) {
                    let s = scene(&t, &t.frame(step), &view, Lang::En);
                    let cells = quad_boxes(&s, |fill, _| {
                        matches!(fill, Some(Paint::Write | Paint::Read))
                    });
                    for shape in &s.shapes {
                        let Shape::Text {
                            at,
                            text,
                            size,
                            anchor: Anchor::Start,
                            ..
                        } = shape
                        else {
                            continue;
                        };
                        if !text.chars().all(|c| c.is_ascii_digit()) {
                            continue;
                        }
                        let words = Rect {
                            x: at.0,
                            y: at.1 - size * 0.75,
                            w: text.len() as f64 * size * 0.6,
                            h: size * 0.75,
                        };
                        let over = cells.iter().any(|cell| cell.overlaps(&words));
                        assert!(!over, "{df}x{m}x{n} {mode:?} at {width}, step {step}: {text} on a cell of the step");
                    }
                }
            }
        }
    }
}

#[test]
fn no_two_channel_numbers_fall_on_one_another() {
    // A thin volume's first and last sheets sit close: on a phone's race "1" was written
    // over "512". Where two numbers would meet, the last sheet's, which says how many
    // channels there are, is the one kept.
    for (df, m, n) in [(14, 512, 512), (8, 3, 8), (56, 32, 64), (112, 64, 128)] {
        let c = costs(df, 3, m, n);
        for mode in Mode::ALL {
            let t = Timeline::new(c, mode);
            for view in [
                WIDE,
                TALL,
                View {
                    width: 332.0,
                    height: 573.0,
                    ..WIDE
                },
                View {
                    width: 640.0,
                    ..WIDE
                },
            ] {
                for step in [1, t.total_steps() / 3, t.total_steps() - 1] {
                    let s = scene(&t, &t.frame(step), &view, Lang::En);
                    let numbers = words_of(&s, |text, _| text.chars().all(|c| c.is_ascii_digit()));
                    for (i, (a, ra)) in numbers.iter().enumerate() {
                        for (b, rb) in &numbers[i + 1..] {
                            assert!(
                                !ra.overlaps(rb),
                                "{df}x{m}x{n} {mode:?} at {}x{}, step {step}: {a} on {b}",
                                view.width,
                                view.height
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Whether `p` is inside the convex four-cornered `quad`, on either winding.
fn inside_quad(p: (f64, f64), quad: &[(f64, f64); 4]) -> bool {
    let side = |a: (f64, f64), b: (f64, f64)| (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
    let sides: Vec<f64> = (0..4).map(|i| side(quad[i], quad[(i + 1) % 4])).collect();
    sides.iter().all(|&s| s > 0.0) || sides.iter().all(|&s| s < 0.0)
}

#[test]
fn a_channels_number_lies_on_no_sheet() {
    // Beside a middle sheet's top right corner, its number lay on the sheet behind: on a
    // lecture's slide "the same on channel 2", the "2" sat on finished channel 1. Beside
    // the corner across the stack, no sheet is there, at any size, for any camera.
    let phone = View {
        width: 332.0,
        height: 573.0,
        ..WIDE
    };
    // Laid side by side, a second row's numbers stand in the room above it: in a race on
    // a stop at 1080p (a canvas of 1830 × 560 laid out for one 2.19 times smaller), the
    // small slices' "3" lay on slice 1 above it.
    let stop = View {
        width: 836.0,
        height: 256.0,
        ..WIDE
    };
    let cameras = [(35, 25), (-40, 30), (60, -20), (-25, -35)];
    let slices = [WIDE, TALL, stop].map(|v| (Look::Slices, v, (35, 25)));
    for (df, m, n) in [(8, 3, 8), (14, 512, 512), (56, 32, 64)] {
        let c = costs(df, 3, m, n);
        for mode in Mode::ALL {
            let t = Timeline::new(c, mode);
            for (look, view, (yaw, pitch)) in [WIDE, TALL, phone]
                .into_iter()
                .flat_map(|v| cameras.map(|cam| (Look::Volume, v, cam)))
                .chain(slices)
            {
                let view = View {
                    look,
                    camera: Camera { yaw, pitch },
                    ..view
                };
                for step in [1, t.total_steps() / 2] {
                    let s = scene(&t, &t.frame(step), &view, Lang::En);
                    let sheets: Vec<&[(f64, f64); 4]> = s
                        .shapes
                        .iter()
                        .filter_map(|shape| match shape {
                            Shape::Quad {
                                corners,
                                fill: Some(fill),
                                ..
                            } if *fill != Paint::Panel => Some(corners),
                            _ => None,
                        })
                        .collect();
                    let numbers = words_of(&s, |text, _| text.chars().all(|c| c.is_ascii_digit()));
                    for (number, r) in numbers {
                        // Its middle, a little in from each corner: a glyph's ink.
                        let (x0, x1, y0, y1) =
                            (r.x + 2.0, r.x + r.w - 2.0, r.y + 3.0, r.y + r.h - 2.0);
                        for p in [
                            (x0, y0),
                            (x1, y0),
                            (x0, y1),
                            (x1, y1),
                            ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
                        ] {
                            assert!(
                                !sheets.iter().any(|q| inside_quad(p, q)),
                                "{df}x{m}x{n} {mode:?} {look:?} at {}x{}, camera {yaw}/{pitch}, step {step}: {number} on a sheet",
                                view.width,
                                view.height
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn as_svg_a_scene_is_every_shape_in_order_coloured_by_the_class_of_its_paint_then_its_words() {
    // The default layer's first frame, and a step of MobileNet's layer with its lens and
    // channels left out, as the page rendered at build time shows them.
    for (layer, step) in [(costs(8, 3, 3, 8), 0), (costs(14, 3, 512, 512), 40)] {
        let t = Timeline::new(layer, Mode::Separable);
        let drawn = scene(&t, &t.frame(step), &WIDE, Lang::En);
        let markup = svg(&drawn, "scene-svg wide", "shapes-wide", "words-wide");
        assert!(markup.starts_with(
            "<svg class=\"scene-svg wide\" viewBox=\"0 0 1200 540\" \
             preserveAspectRatio=\"xMidYMin meet\" aria-hidden=\"true\">\
             <g id=\"shapes-wide\" class=\"scene-shapes\">"
        ));
        assert!(markup.ends_with("</svg>"));
        assert!(
            !markup.contains("style="),
            "the page's CSP allows no style attribute"
        );
        let (shapes, words) = markup.split_once("</g>").expect("the group of shapes");
        assert!(words.starts_with("<g id=\"words-wide\" class=\"scene-words\">"));
        assert!(words.ends_with("</g></svg>"));
        // The shapes in the group, in painting order, each with its paint's class...
        let paths: Vec<&str> = shapes.split("<path ").skip(1).collect();
        let quads_and_lines: Vec<&Shape> = drawn
            .shapes
            .iter()
            .filter(|s| !matches!(s, Shape::Text { .. }))
            .collect();
        assert_eq!(paths.len(), quads_and_lines.len());
        for (path, shape) in paths.iter().zip(quads_and_lines) {
            match shape {
                Shape::Quad { fill, stroke, .. } => {
                    for (kind, paint) in [("f", fill), ("s", stroke)] {
                        if let Some(paint) = paint {
                            let class = format!("{kind}-{}", paint_name(*paint));
                            assert!(path.contains(&class), "{path} lacks {class}");
                        }
                    }
                    let d = path.split("d=\"").nth(1).expect("its path");
                    assert_eq!(d.matches('l').count(), 3, "four corners: {path}");
                }
                Shape::Lines { segments, paint } => {
                    assert!(path.contains(&format!("class=\"s-{}\"", paint_name(*paint))));
                    assert_eq!(path.matches('M').count(), segments.len(), "{path}");
                }
                Shape::Text { .. } => unreachable!(),
            }
        }
        // ...then every word, in order, over them.
        let texts: Vec<&str> = words.split("<text ").skip(1).collect();
        let labels: Vec<&Shape> = drawn
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Text { .. }))
            .collect();
        assert_eq!(texts.len(), labels.len());
        for (element, label) in texts.iter().zip(labels) {
            let Shape::Text {
                text,
                paint,
                anchor,
                ..
            } = label
            else {
                unreachable!()
            };
            assert!(element.contains(&format!("f-{}", paint_name(*paint))));
            assert_eq!(element.contains("bare"), text == LEFT_OUT, "{element}");
            assert_eq!(
                element.contains("text-anchor=\"middle\""),
                *anchor == Anchor::Middle
            );
            assert_eq!(
                element.contains("text-anchor=\"end\""),
                *anchor == Anchor::End
            );
            let shown = element.split_once('>').expect("a text's content").1;
            let shown = shown.split_once("</text>").expect("its end").0;
            assert_eq!(
                shown
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
                *text
            );
        }
    }
}

#[test]
fn as_svg_words_are_escaped_and_numbers_kept_to_a_tenth() {
    let drawn = Scene {
        width: 100.25,
        height: 50.0,
        shapes: vec![
            Shape::text((10.04, -0.01), "a < b & c", Paint::Ink, 12.4),
            Shape::fill(
                [(0.0, 0.0), (1.25, 0.0), (1.25, 1.0), (0.0, 1.0)],
                Paint::Read,
            ),
        ],
        lit: LitReport {
            visible: 1.0,
            cell_px: 1.0,
            lens: false,
        },
    };
    assert_eq!(
        svg(&drawn, "s", "g", "w"),
        "<svg class=\"s\" viewBox=\"0 0 100.3 50\" preserveAspectRatio=\"xMidYMin meet\" aria-hidden=\"true\">\
         <g id=\"g\" class=\"scene-shapes\"><path class=\"f-read\" d=\"M0 0l1.3 0l0 1l-1.3 0Z\"/></g>\
         <g id=\"w\" class=\"scene-words\"><text class=\"f-ink\" x=\"10\" y=\"0\" font-size=\"12\" \
         text-anchor=\"middle\">a &lt; b &amp; c</text></g></svg>"
    );
}

#[test]
fn the_stylesheet_colours_and_widths_the_svg_as_the_painter_does_the_canvas() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/style.css"))
        .expect("the stylesheet");
    for (paint, variable) in PAINTS {
        let name = paint_name(paint);
        for rule in [
            format!(".f-{name} {{ fill: var({variable}); }}"),
            format!(".s-{name} {{ stroke: var({variable}); }}"),
        ] {
            assert!(css.contains(&rule), "the stylesheet lacks {rule}");
        }
    }
    let wide: Vec<String> = PAINTS
        .iter()
        .filter(|&&(paint, _)| line_width(paint) != 1.0)
        .map(|&(paint, _)| format!(".scene-shapes .s-{}", paint_name(paint)))
        .collect();
    assert!(css.contains(&format!("{} {{ stroke-width: 1.6; }}", wide.join(", "))));
    assert!(PAINTS
        .iter()
        .all(|&(paint, _)| [1.0, 1.6].contains(&line_width(paint))));
    assert!(css.contains(":where(.scene-shapes) path { fill: none; stroke-width: 1;"));
    assert!(css.contains(&format!(
        "stroke: var(--anim-halo); stroke-width: {HALO_WIDTH};"
    )));
}

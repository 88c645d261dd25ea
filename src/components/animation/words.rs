//! The animation's words: its caption, its counters and the banner at the end of a
//! phase, in either language. The counters say what they count: multiply-adds, which
//! is what one step of a filter does once per weight.

use super::recorder::Progress;
use crate::anim::{Frame, Lit, Mode, Phase, Timeline};
use crate::cost::{Costs, Fraction, Unit};
use crate::format::{decimal, thousands};
use crate::i18n::Lang;
use yew::prelude::*;

/// The phase's name at the start of a sentence: "Depthwise", "深度卷积".
pub fn phase_name(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::Standard => lang.tr(phase.name(), "标准卷积"),
        Phase::Depthwise => lang.tr(phase.name(), "深度卷积"),
        Phase::Pointwise => lang.tr(phase.name(), "逐点卷积"),
    }
}

/// "Depthwise: channel 3 of 32, position (4, 7): 9 multiplications, 1,152 so far"
pub fn caption(timeline: &Timeline, frame: &Frame, race: Option<&Frame>, lang: Lang) -> String {
    if let Some(other) = race {
        let (a, b) = (thousands(frame.mults_total), thousands(other.mults_total));
        return match lang {
            Lang::En => format!(
                "Race at the same multiplications a second: standard {a}, separable {b} so far"
            ),
            Lang::Zh => format!("同样的每秒乘法次数下赛跑：标准卷积已做 {a} 次，可分离卷积 {b} 次"),
        };
    }
    if frame.step == 0 {
        let first = phase_name(timeline.phases()[0], lang);
        return match lang {
            Lang::En => {
                format!("{first}: ready. Each step computes one output value; press Play or →.")
            }
            Lang::Zh => format!("{first}：准备就绪。每一步计算一个输出值；按“播放”或 →。"),
        };
    }
    let name = phase_name(frame.phase, lang);
    let (group, of) = (frame.group + 1, frame.groups);
    let (row, col) = (frame.row + 1, frame.col + 1);
    let (step, so_far) = (thousands(frame.mults_step), thousands(frame.mults_phase));
    match lang {
        Lang::En => format!(
            "{name}: {} {group} of {of}, position ({row}, {col}): {step} multiplications, {so_far} so far",
            frame.phase.group_name()
        ),
        Lang::Zh => {
            let unit = match frame.phase {
                Phase::Depthwise => "通道",
                Phase::Standard | Phase::Pointwise => "卷积核",
            };
            format!(
                "{name}：第 {group} 个{unit}（共 {of} 个），位置 ({row}, {col})：{step} 次乘法，累计 {so_far}"
            )
        }
    }
}

/// The formula of a phase, in the article's symbols; a grouped standard side sees M/g.
fn formula(phase: Phase, grouped: bool) -> &'static str {
    match phase {
        Phase::Standard if grouped => "N × Dp² × Dk² × M/g",
        Phase::Standard => "N × Dp² × Dk² × M",
        Phase::Depthwise => "M × Dk² × Dp²",
        Phase::Pointwise => "M × Dp² × N",
    }
}

fn per_step(phase: Phase, grouped: bool) -> &'static str {
    match phase {
        Phase::Standard if grouped => "Dk² × M/g",
        Phase::Standard => "Dk² × M",
        Phase::Depthwise => "Dk²",
        Phase::Pointwise => "M",
    }
}

fn number(id: &'static str, value: u128) -> Html {
    html! { <strong {id} data-value={value.to_string()}>{ thousands(value) }</strong> }
}

/// The counters (this step, this phase, in all; in a race, the separable side too), the
/// unit they count in, and the banner when a phase ends on its formula.
pub fn counters(
    timeline: &Timeline,
    frame: &Frame,
    race: Option<(&Timeline, &Frame)>,
    unit: Unit,
    lang: Lang,
) -> Html {
    let phase_total = timeline.phase_formula(frame.phase);
    let grouped = timeline.costs.layer.groups > 1;
    let of = lang.tr(" of ", " / ");
    let unit_note = match unit {
        Unit::Macs => lang.tr(
            "Counted in multiply-adds (multiplications), as the cards are.",
            "以乘加次数（乘法次数）计，与上方卡片一致。",
        ),
        Unit::Flops => lang.tr(
            "These counters count multiply-adds; the cards above count FLOPs (2 per multiply-add, plus the bias).",
            "这里的计数是乘加次数；上方卡片按 FLOPs 计（每次乘加 2 个，另加偏置）。",
        ),
    };
    let separable = race.map(|(t, f)| {
        html! {
            <div>
                <dt>{ lang.tr("separable so far", "可分离卷积累计") }</dt>
                <dd>{ number("race-separable-mults", f.mults_total) }{ of }
                    { number("race-separable-formula", t.total_formula()) }</dd>
            </div>
        }
    });
    let done = banner(timeline, frame, race, lang);
    let so_far = match (lang, race.is_some()) {
        (Lang::En, true) => format!("standard so far ({})", formula(frame.phase, grouped)),
        (Lang::Zh, true) => format!("标准卷积累计（{}）", formula(frame.phase, grouped)),
        (Lang::En, false) => format!(
            "{} so far ({})",
            frame.phase.lower_name(),
            formula(frame.phase, grouped)
        ),
        (Lang::Zh, false) => format!(
            "{}累计（{}）",
            phase_name(frame.phase, lang),
            formula(frame.phase, grouped)
        ),
    };
    // The largest number shown is a side's total: a step does at least one multiplication,
    // and a phase is part of its side.
    let largest = timeline
        .total_formula()
        .max(race.map_or(0, |(t, _)| t.total_formula()));
    html! {
        <>
            <dl class={classes!("anim-counters", length_class(largest))}>
                <div>
                    <dt>{ lang.tr("step", "步数") }</dt>
                    <dd>{ number("anim-step", u128::from(frame.step)) }{ of }
                        { number("anim-steps-total", u128::from(timeline.total_steps())) }</dd>
                </div>
                <div>
                    <dt>{ format!("{} ({})", lang.tr("this step", "这一步"), per_step(frame.phase, grouped)) }</dt>
                    <dd>{ number("anim-mults-step", frame.mults_step) }</dd>
                </div>
                <div>
                    <dt>{ so_far }</dt>
                    <dd>{ number("anim-mults-phase", frame.mults_phase) }{ of }
                        { number("anim-phase-formula", phase_total) }</dd>
                </div>
                <div>
                    <dt>{ lang.tr("in all", "总计") }</dt>
                    <dd>{ number("anim-mults-total", frame.mults_total) }{ of }
                        { number("anim-total-formula", timeline.total_formula()) }</dd>
                </div>
                { for separable }
            </dl>
            <p class="anim-unit" id="anim-unit" data-unit={unit.key()}>{ unit_note }</p>
            <div role="status" class="anim-status">{ for done }</div>
        </>
    }
}

/// The counters' longest number as a class, for the lecture: four counters in a row only
/// while "123,456,789 of 123,456,789" fits a quarter of the stop, two up to 18 digits,
/// and each on a line of its own for the largest layers (27 digits).
fn length_class(largest: u128) -> Option<&'static str> {
    match largest {
        0..=999_999_999 => None,
        1_000_000_000..=999_999_999_999_999_999 => Some("long"),
        _ => Some("longest"),
    }
}

/// "✓ Depthwise done: 1,728 multiplications, exactly M × Dk² × Dp² = 1,728." In a race,
/// the separable side's finish, and how much of the standard's time it took: it finishes
/// first when R < 1, last when R > 1 (1 × 1 kernels), and the banner says the later news.
fn banner(
    timeline: &Timeline,
    frame: &Frame,
    race: Option<(&Timeline, &Frame)>,
    lang: Lang,
) -> Option<Html> {
    let grouped = timeline.costs.layer.groups > 1;
    let ratio = timeline.costs.ratio();
    let separable_last = ratio.num() > ratio.den();
    let separable_done = race.is_some_and(|(s, other)| other.mults_total == s.total_formula());
    let text = match race {
        Some((_, other)) if separable_done && (separable_last || !frame.phase_done) => {
            let (all, r, percent) = (
                thousands(other.mults_total),
                ratio.significant(3),
                Fraction::new(ratio.num().saturating_mul(100), ratio.den()).significant(3) + " %",
            );
            match lang {
                Lang::En => format!(
                    "✓ Separable done after {all} multiplications: R = {r}, so at the same speed it needs {percent} of the standard's time."
                ),
                Lang::Zh if separable_last => format!(
                    "✓ 可分离卷积完成，共 {all} 次乘法：R = {r}，同样速度下反而需要标准卷积 {percent} 的时间。"
                ),
                Lang::Zh => format!(
                    "✓ 可分离卷积完成，共 {all} 次乘法：R = {r}，同样速度下只需标准卷积 {percent} 的时间。"
                ),
            }
        }
        _ if frame.phase_done => {
            let total = timeline.phase_formula(frame.phase);
            let r = timeline.costs.ratio().significant(3);
            let after = match (race.is_some(), separable_done, lang) {
                (false, ..) => String::new(),
                (true, true, Lang::En) => {
                    format!(" The separable side was done at R = {r} of this.")
                }
                (true, true, Lang::Zh) => format!("可分离卷积在其 R = {r} 处就已完成。"),
                (true, false, Lang::En) => {
                    format!(" The separable side has R = {r} times as many to do: it goes on.")
                }
                (true, false, Lang::Zh) => format!("可分离卷积要做的是它的 R = {r} 倍，还在继续。"),
            };
            let text = match lang {
                Lang::En => format!(
                    "✓ {} done: {} multiplications, exactly {} = {}.",
                    frame.phase.name(),
                    thousands(frame.mults_phase),
                    formula(frame.phase, grouped),
                    thousands(total),
                ),
                Lang::Zh => format!(
                    "✓ {}完成：{} 次乘法，恰好等于 {} = {}。",
                    phase_name(frame.phase, lang),
                    thousands(frame.mults_phase),
                    formula(frame.phase, grouped),
                    thousands(total),
                ),
            };
            text + &after
        }
        _ => return None,
    };
    Some(html! { <p class="anim-done" id="anim-done">{ text }</p> })
}

/// A range of cells as the held-out checks read it: "a-b", 1-based and inclusive.
pub fn range(r: Option<(u32, u32)>) -> String {
    r.map_or_else(
        || "none".to_owned(),
        |(a, b)| format!("{}-{}", a + 1, b + 1),
    )
}

/// The lit cells' attributes for `#anim-canvas`.
pub fn lit_attributes(lit: &Lit) -> [(&'static str, String); 3] {
    [
        ("data-lit-channels", range(Some(lit.channels))),
        ("data-lit-x", range(lit.cols)),
        ("data-lit-y", range(lit.rows)),
    ]
}

/// The mode's name on its button.
pub fn mode_name(mode: Mode, lang: Lang) -> &'static str {
    match mode {
        Mode::Separable => lang.tr("separable", "可分离"),
        Mode::Standard => lang.tr("standard", "标准"),
        Mode::Race => lang.tr("race", "赛跑"),
    }
}

/// The words written under a saved picture or video: what the layer is, where the step
/// is, and the counters against their formulas, so that it stands on its own in a post.
pub fn still_lines(
    costs: &Costs,
    timeline: &Timeline,
    frame: &Frame,
    race: Option<&Frame>,
    lang: Lang,
) -> Vec<String> {
    let l = costs.layer;
    let of = lang.tr(" of ", " / ");
    let (phase_done, phase_all) = (
        thousands(frame.mults_phase),
        thousands(timeline.phase_formula(frame.phase)),
    );
    let (done, all) = (
        thousands(frame.mults_total),
        thousands(timeline.total_formula()),
    );
    let phase = phase_name(frame.phase, lang);
    let layer = match lang {
        Lang::En => format!(
            "sepconv · input {0}×{0}×{1}, {2} filters of {3}×{3}×{1} · multiply-adds",
            l.df, l.m, l.n, l.dk
        ),
        Lang::Zh => format!(
            "sepconv · 输入 {0}×{0}×{1}，{2} 个 {3}×{3}×{1} 的卷积核 · 乘加次数",
            l.df, l.m, l.n, l.dk
        ),
    };
    let counts = match lang {
        Lang::En => format!(
            "step {}{of}{} · {phase} so far {phase_done}{of}{phase_all} · in all {done}{of}{all}",
            thousands(u128::from(frame.step)),
            thousands(u128::from(timeline.total_steps()))
        ),
        Lang::Zh => format!(
            "第 {} 步，共 {} 步 · {phase}累计 {phase_done}{of}{phase_all} · 总计 {done}{of}{all}",
            thousands(u128::from(frame.step)),
            thousands(u128::from(timeline.total_steps()))
        ),
    };
    vec![caption(timeline, frame, race, lang), counts, layer]
}

/// Where a recording stands, in words.
pub fn progress_text(progress: &Progress, lang: Lang) -> String {
    match (progress, lang) {
        (Progress::Drawing(done, all), Lang::En) => format!("Recording: frame {done} of {all}…"),
        (Progress::Drawing(done, all), Lang::Zh) => format!("正在录制：第 {done} / {all} 帧……"),
        (Progress::Saved { file, bytes, seconds }, Lang::En) => format!(
            "Saved {file}: {} KB, {} s.",
            thousands((*bytes / 1024.0).round() as u128),
            decimal(*seconds, 1)
        ),
        (Progress::Saved { file, bytes, seconds }, Lang::Zh) => format!(
            "已保存 {file}：{} KB，{} 秒。",
            thousands((*bytes / 1024.0).round() as u128),
            decimal(*seconds, 1)
        ),
        (Progress::Unsupported, _) => lang
            .tr(
                "This browser cannot record video (no MediaRecorder for WebM or MP4); the PNG still works.",
                "这个浏览器不能录制视频（没有支持 WebM 或 MP4 的 MediaRecorder）；仍可保存 PNG。",
            )
            .to_owned(),
        (Progress::Failed, _) => lang
            .tr("The recording failed; the page is unchanged.", "录制失败；页面没有变化。")
            .to_owned(),
    }
}

//! The animation: filters sliding channel by channel, then 1x1 across channels, with
//! counters that end exactly on the formulas. The frame shown is a pure function of
//! (layer, mode, step); this component only plays, pauses and paints it.

mod painter;
mod ticker;

use super::hooks::{use_lang, use_size};
use crate::anim::{scene, Frame, Layout, Mode, Phase, Playhead, Timeline};
use crate::cost::Costs;
use crate::format::thousands;
use crate::i18n::Lang;
use crate::state::Action;
use painter::{paint, Palette};
use ticker::Ticker;
use web_sys::{HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

/// The speed slider runs over 0..=SPEED_STOPS, for 10^(stop / 20) steps a second:
/// from 1 to 100,000, so that the largest layers still finish.
const SPEED_STOPS: u32 = 100;
const DEFAULT_SPEED_STOP: u32 = 12;

fn steps_per_second(stop: u32) -> f64 {
    10f64.powf(f64::from(stop) / 20.0)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
    pub playhead: Playhead,
    /// Dark colours (the theme chosen, or the system's).
    pub dark: bool,
    pub on_action: Callback<Action>,
}

/// What the running loop reads on each frame; refreshed on every render.
struct Clock {
    position: f64,
    last: Option<f64>,
    speed: f64,
    total: u64,
}

#[function_component]
pub fn Animation(props: &Props) -> Html {
    let timeline = Timeline::new(props.costs, props.playhead.mode);
    let total = timeline.total_steps();
    let reduced_motion = use_memo((), |_| prefers_reduced_motion());
    let playing = use_state(|| !*reduced_motion && props.playhead.step == 0);
    let speed = use_state(|| DEFAULT_SPEED_STOP);
    let live = use_state(|| None::<u64>);
    let clock = use_mut_ref(|| Clock {
        position: props.playhead.step as f64,
        last: None,
        speed: 0.0,
        total,
    });
    {
        let mut c = clock.borrow_mut();
        c.speed = steps_per_second(*speed);
        c.total = total;
    }
    let shown = match (*playing, *live) {
        (true, Some(step)) => step.min(total),
        _ => props.playhead.step,
    };
    let frame = timeline.frame(shown);

    // One loop while playing; dropping the ticker (pause, unmount) cancels it.
    {
        let (clock, live, start) = (clock.clone(), live.clone(), props.playhead.step);
        use_effect_with(*playing, move |&playing| {
            let ticker = playing.then(|| {
                {
                    let mut c = clock.borrow_mut();
                    c.position = start as f64;
                    c.last = None;
                }
                Ticker::start(move |time| {
                    let mut c = clock.borrow_mut();
                    let dt = c
                        .last
                        .map_or(0.0, |last| ((time - last) / 1000.0).clamp(0.0, 0.25));
                    c.last = Some(time);
                    c.position = (c.position + c.speed * dt).min(c.total as f64);
                    live.set(Some(c.position as u64));
                })
            });
            move || drop(ticker)
        });
    }
    let stop_at = {
        let (playing, live, on_action) = (playing.clone(), live.clone(), props.on_action.clone());
        Callback::from(move |step: u64| {
            playing.set(false);
            live.set(None);
            on_action.emit(Action::SetStep(step));
        })
    };
    {
        // Reaching the end stops the loop there; the end is then in the URL.
        let (stop_at, running) = (stop_at.clone(), *playing);
        use_effect_with((*live, total), move |&(live, total)| {
            if running && live.is_some_and(|step| step >= total) {
                stop_at.emit(total);
            }
        });
    }

    let canvas = use_node_ref();
    let size = use_size(canvas.clone());
    let dark = props.dark;
    let lang = use_lang();
    let palette = use_memo(dark, |_| Palette::read());
    {
        let (canvas, palette) = (canvas.clone(), palette.clone());
        use_effect_with(
            (timeline, shown, size, dark, lang),
            move |(timeline, shown, size, _, lang)| {
                if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                    // The stylesheet makes the canvas tall on a phone; the scene follows.
                    let layout = if size.1 > size.0 {
                        Layout::TALL
                    } else {
                        Layout::WIDE
                    };
                    let scene = scene(timeline, &timeline.frame(*shown), layout, *lang);
                    paint(&element, &scene, &palette, *size);
                    // For tests and the benchmark: how many frames this canvas painted.
                    let draws = element.get_attribute("data-draws");
                    let draws = draws.and_then(|d| d.parse::<u64>().ok()).unwrap_or(0);
                    let _ = element.set_attribute("data-draws", &(draws + 1).to_string());
                }
            },
        );
    }

    let toggle = {
        let (playing, stop_at) = (playing.clone(), stop_at.clone());
        Callback::from(move |_: ()| {
            if *playing {
                stop_at.emit(shown);
            } else {
                // Playing from the end starts again from the beginning.
                if shown >= total {
                    stop_at.emit(0);
                }
                playing.set(true);
            }
        })
    };
    let go = |target: fn(&Timeline, u64) -> u64| {
        let stop_at = stop_at.clone();
        Callback::from(move |_: MouseEvent| stop_at.emit(target(&timeline, shown)))
    };
    let on_key = {
        let (toggle, stop_at) = (toggle.clone(), stop_at.clone());
        Callback::from(move |e: KeyboardEvent| {
            let target = match (e.key().as_str(), e.shift_key()) {
                (" ", _) => {
                    e.prevent_default();
                    toggle.emit(());
                    return;
                }
                ("ArrowRight", false) => (shown + 1).min(total),
                ("ArrowLeft", false) => shown.saturating_sub(1),
                ("ArrowRight", true) => timeline.next_group_end(shown),
                ("ArrowLeft", true) => timeline.previous_group_end(shown),
                ("PageDown", _) => timeline.next_phase_end(shown),
                ("Home", _) => 0,
                ("End", _) => total,
                _ => return,
            };
            e.prevent_default();
            stop_at.emit(target);
        })
    };
    let on_scrub = {
        let stop_at = stop_at.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            // An integer parse: parsing f64 would ship float parsing's tables (17 KB).
            if let Ok(step) = value.parse::<u64>() {
                stop_at.emit(step.min(total));
            }
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(stop) = value.parse::<u32>() {
                speed.set(stop.min(SPEED_STOPS));
            }
        })
    };
    let modes = [Mode::Separable, Mode::Standard].map(|mode| {
        let label = match mode {
            Mode::Separable => lang.tr("separable", "可分离"),
            Mode::Standard => lang.tr("standard", "标准"),
        };
        let (on_action, playing) = (props.on_action.clone(), playing.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            playing.set(false);
            on_action.emit(Action::SetMode(mode));
        });
        let pressed = mode == props.playhead.mode;
        html! {
            <button type="button" class="seg" id={format!("anim-mode-{}", mode.name())}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    });

    let per_second = steps_per_second(*speed);
    html! {
        <section class="panel anim" aria-labelledby="anim-title" onkeydown={on_key}>
            <div class="anim-head">
                <h2 id="anim-title">{ lang.tr("Where every multiplication comes from", "每一次乘法从哪里来") }</h2>
                <div class="seg-group" role="group" aria-label={lang.tr("Convolution", "卷积方式")}>{ for modes }</div>
            </div>
            <canvas ref={canvas} id="anim-canvas" class="anim-canvas" tabindex="0" role="img"
                aria-label={lang.tr("The tensors, the filter and the output value being computed; \
                    Space plays and pauses, the arrow keys step",
                    "输入张量、卷积核和正在计算的输出值；空格键播放或暂停，方向键单步")}
                aria-describedby="anim-caption"></canvas>
            // Read out each step when stepping; while playing, sixty a second would drown
            // everything else a screen reader has to say.
            <p id="anim-caption" class="anim-caption"
                aria-live={if *playing { "off" } else { "polite" }}>{ caption(&timeline, &frame, lang) }</p>
            { counters(&timeline, &frame, lang) }
            <div class="anim-controls">
                <button type="button" class="tool" aria-label={lang.tr("Back to the start (Home)", "回到开头（Home）")}
                    onclick={go(|_, _| 0)}>{ "«" }</button>
                <button type="button" class="tool" aria-label={lang.tr("Previous channel or filter (Shift+←)", "上一个通道或卷积核（Shift+←）")}
                    onclick={go(Timeline::previous_group_end)}>{ "⇤" }</button>
                <button type="button" class="tool" aria-label={lang.tr("Step back (←)", "后退一步（←）")}
                    onclick={go(|_, s| s.saturating_sub(1))}>{ "◀" }</button>
                <button type="button" class="play" id="anim-play"
                    aria-label={if *playing { lang.tr("Pause (Space)", "暂停（空格）") } else { lang.tr("Play (Space)", "播放（空格）") }}
                    onclick={toggle.reform(|_: MouseEvent| ())}>
                    { if *playing { lang.tr("❚❚ Pause", "❚❚ 暂停") } else { lang.tr("▶ Play", "▶ 播放") } }
                </button>
                <button type="button" class="tool" aria-label={lang.tr("Step forward (→)", "前进一步（→）")}
                    onclick={go(|t, s| (s + 1).min(t.total_steps()))}>{ "▶" }</button>
                <button type="button" class="tool" aria-label={lang.tr("Next channel or filter (Shift+→)", "下一个通道或卷积核（Shift+→）")}
                    onclick={go(Timeline::next_group_end)}>{ "⇥" }</button>
                <button type="button" class="tool" aria-label={lang.tr("To the end of this phase (Page Down)", "跳到这一阶段末尾（Page Down）")}
                    onclick={go(Timeline::next_phase_end)}>{ "»" }</button>
                <input id="anim-scrubber" class="anim-scrubber" type="range" min="0"
                    max={total.to_string()} step="1" value={shown.to_string()}
                    aria-label={lang.tr("Timeline", "时间轴")} aria-valuetext={match lang {
                        Lang::En => format!("step {shown} of {total}"),
                        Lang::Zh => format!("第 {shown} 步，共 {total} 步"),
                    }}
                    oninput={on_scrub} />
                <label class="anim-speed">
                    <span>{ lang.tr("speed", "速度") }</span>
                    <input id="anim-speed" type="range" min="0" max={SPEED_STOPS.to_string()}
                        value={speed.to_string()} aria-valuetext={speed_text(per_second, lang)}
                        oninput={on_speed} />
                    <span class="anim-speed-value">{ speed_text(per_second, lang) }</span>
                </label>
            </div>
        </section>
    }
}

/// The phase's name at the start of a sentence: "Depthwise", "深度卷积".
fn phase_name(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::Standard => lang.tr(phase.name(), "标准卷积"),
        Phase::Depthwise => lang.tr(phase.name(), "深度卷积"),
        Phase::Pointwise => lang.tr(phase.name(), "逐点卷积"),
    }
}

/// "Depthwise: channel 3 of 32, position (4, 7): 9 multiplications, 1,152 so far"
fn caption(timeline: &Timeline, frame: &Frame, lang: Lang) -> String {
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

fn counters(timeline: &Timeline, frame: &Frame, lang: Lang) -> Html {
    let number = |id: &'static str, value: u128| {
        html! { <strong {id} data-value={value.to_string()}>{ thousands(value) }</strong> }
    };
    let phase_total = timeline.phase_formula(frame.phase);
    let grouped = timeline.costs.layer.groups > 1;
    let of = lang.tr(" of ", " / ");
    let done = frame.phase_done.then(|| {
        html! {
            <p class="anim-done" id="anim-done">
                { match lang {
                    Lang::En => format!(
                        "✓ {} done: {} multiplications, exactly {} = {}.",
                        frame.phase.name(),
                        thousands(frame.mults_phase),
                        formula(frame.phase, grouped),
                        thousands(phase_total),
                    ),
                    Lang::Zh => format!(
                        "✓ {}完成：{} 次乘法，恰好等于 {} = {}。",
                        phase_name(frame.phase, lang),
                        thousands(frame.mults_phase),
                        formula(frame.phase, grouped),
                        thousands(phase_total),
                    ),
                } }
            </p>
        }
    });
    html! {
        <>
            <dl class="anim-counters">
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
                    <dt>{ match lang {
                        Lang::En => format!("{} so far ({})", frame.phase.lower_name(), formula(frame.phase, grouped)),
                        Lang::Zh => format!("{}累计（{}）", phase_name(frame.phase, lang), formula(frame.phase, grouped)),
                    } }</dt>
                    <dd>{ number("anim-mults-phase", frame.mults_phase) }{ of }
                        { number("anim-phase-formula", phase_total) }</dd>
                </div>
                <div>
                    <dt>{ lang.tr("in all", "总计") }</dt>
                    <dd>{ number("anim-mults-total", frame.mults_total) }{ of }
                        { number("anim-total-formula", timeline.total_formula()) }</dd>
                </div>
            </dl>
            <div role="status" class="anim-status">{ for done }</div>
        </>
    }
}

fn speed_text(per_second: f64, lang: Lang) -> String {
    let rounded = thousands((per_second.round() as u128).max(1));
    match lang {
        Lang::En => format!("{rounded} steps/s"),
        Lang::Zh => format!("每秒 {rounded} 步"),
    }
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|q| q.matches())
}

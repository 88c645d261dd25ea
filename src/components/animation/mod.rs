//! The animation: filters sliding channel by channel, then 1x1 across channels, with
//! counters that end exactly on the formulas. The frame shown is a pure function of
//! (layer, mode, step); this component only plays, pauses and paints it.

mod painter;
mod ticker;

use super::hooks::use_size;
use crate::anim::{scene, Frame, Layout, Mode, Phase, Playhead, Timeline};
use crate::cost::Costs;
use crate::format::thousands;
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
    let palette = use_memo(dark, |_| Palette::read());
    {
        let (canvas, palette) = (canvas.clone(), palette.clone());
        use_effect_with(
            (timeline, shown, size, dark),
            move |(timeline, shown, size, _)| {
                if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                    // The stylesheet makes the canvas tall on a phone; the scene follows.
                    let layout = if size.1 > size.0 {
                        Layout::TALL
                    } else {
                        Layout::WIDE
                    };
                    let scene = scene(timeline, &timeline.frame(*shown), layout);
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
        let (on_action, playing) = (props.on_action.clone(), playing.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            playing.set(false);
            on_action.emit(Action::SetMode(mode));
        });
        let pressed = mode == props.playhead.mode;
        html! {
            <button type="button" class="seg" id={format!("anim-mode-{}", mode.name())}
                aria-pressed={pressed.to_string()} {onclick}>{ mode.name() }</button>
        }
    });

    let per_second = steps_per_second(*speed);
    html! {
        <section class="panel anim" aria-labelledby="anim-title" onkeydown={on_key}>
            <div class="anim-head">
                <h2 id="anim-title">{ "Where every multiplication comes from" }</h2>
                <div class="seg-group" role="group" aria-label="Convolution">{ for modes }</div>
            </div>
            <canvas ref={canvas} id="anim-canvas" class="anim-canvas" tabindex="0" role="img"
                aria-label="The tensors, the filter and the output value being computed; \
                    Space plays and pauses, the arrow keys step"
                aria-describedby="anim-caption"></canvas>
            // Read out each step when stepping; while playing, sixty a second would drown
            // everything else a screen reader has to say.
            <p id="anim-caption" class="anim-caption"
                aria-live={if *playing { "off" } else { "polite" }}>{ caption(&timeline, &frame) }</p>
            { counters(&timeline, &frame) }
            <div class="anim-controls">
                <button type="button" class="tool" aria-label="Back to the start (Home)"
                    onclick={go(|_, _| 0)}>{ "«" }</button>
                <button type="button" class="tool" aria-label="Previous channel or filter (Shift+←)"
                    onclick={go(Timeline::previous_group_end)}>{ "⇤" }</button>
                <button type="button" class="tool" aria-label="Step back (←)"
                    onclick={go(|_, s| s.saturating_sub(1))}>{ "◀" }</button>
                <button type="button" class="play" id="anim-play"
                    aria-label={if *playing { "Pause (Space)" } else { "Play (Space)" }}
                    onclick={toggle.reform(|_: MouseEvent| ())}>
                    { if *playing { "❚❚ Pause" } else { "▶ Play" } }
                </button>
                <button type="button" class="tool" aria-label="Step forward (→)"
                    onclick={go(|t, s| (s + 1).min(t.total_steps()))}>{ "▶" }</button>
                <button type="button" class="tool" aria-label="Next channel or filter (Shift+→)"
                    onclick={go(Timeline::next_group_end)}>{ "⇥" }</button>
                <button type="button" class="tool" aria-label="To the end of this phase (Page Down)"
                    onclick={go(Timeline::next_phase_end)}>{ "»" }</button>
                <input id="anim-scrubber" class="anim-scrubber" type="range" min="0"
                    max={total.to_string()} step="1" value={shown.to_string()}
                    aria-label="Timeline" aria-valuetext={format!("step {shown} of {total}")}
                    oninput={on_scrub} />
                <label class="anim-speed">
                    <span>{ "speed" }</span>
                    <input id="anim-speed" type="range" min="0" max={SPEED_STOPS.to_string()}
                        value={speed.to_string()} aria-valuetext={speed_text(per_second)}
                        oninput={on_speed} />
                    <span class="anim-speed-value">{ speed_text(per_second) }</span>
                </label>
            </div>
        </section>
    }
}

/// "Depthwise: channel 3 of 32, position (4, 7): 9 multiplications, 1,152 so far"
fn caption(timeline: &Timeline, frame: &Frame) -> String {
    if frame.step == 0 {
        let first = timeline.phases()[0];
        return format!(
            "{}: ready. Each step computes one output value; press Play or →.",
            first.name()
        );
    }
    format!(
        "{}: {} {} of {}, position ({}, {}): {} multiplications, {} so far",
        frame.phase.name(),
        frame.phase.group_name(),
        frame.group + 1,
        frame.groups,
        frame.row + 1,
        frame.col + 1,
        thousands(frame.mults_step),
        thousands(frame.mults_phase),
    )
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

fn counters(timeline: &Timeline, frame: &Frame) -> Html {
    let number = |id: &'static str, value: u128| {
        html! { <strong {id} data-value={value.to_string()}>{ thousands(value) }</strong> }
    };
    let phase_total = timeline.phase_formula(frame.phase);
    let grouped = timeline.costs.layer.groups > 1;
    let done = frame.phase_done.then(|| {
        html! {
            <p class="anim-done" id="anim-done">
                { format!(
                    "✓ {} done: {} multiplications, exactly {} = {}.",
                    frame.phase.name(),
                    thousands(frame.mults_phase),
                    formula(frame.phase, grouped),
                    thousands(phase_total),
                ) }
            </p>
        }
    });
    html! {
        <>
            <dl class="anim-counters">
                <div>
                    <dt>{ "step" }</dt>
                    <dd>{ number("anim-step", u128::from(frame.step)) }{ " of " }
                        { number("anim-steps-total", u128::from(timeline.total_steps())) }</dd>
                </div>
                <div>
                    <dt>{ format!("this step ({})", per_step(frame.phase, grouped)) }</dt>
                    <dd>{ number("anim-mults-step", frame.mults_step) }</dd>
                </div>
                <div>
                    <dt>{ format!("{} so far ({})", frame.phase.lower_name(), formula(frame.phase, grouped)) }</dt>
                    <dd>{ number("anim-mults-phase", frame.mults_phase) }{ " of " }
                        { number("anim-phase-formula", phase_total) }</dd>
                </div>
                <div>
                    <dt>{ "in all" }</dt>
                    <dd>{ number("anim-mults-total", frame.mults_total) }{ " of " }
                        { number("anim-total-formula", timeline.total_formula()) }</dd>
                </div>
            </dl>
            <div role="status" class="anim-status">{ for done }</div>
        </>
    }
}

fn speed_text(per_second: f64) -> String {
    let rounded = per_second.round() as u128;
    format!("{} steps/s", thousands(rounded.max(1)))
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

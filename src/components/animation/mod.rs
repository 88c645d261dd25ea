//! The animation: filters sliding channel by channel, then 1x1 across channels, in a 3D
//! scene the reader can orbit, with counters that end exactly on the formulas. The
//! frame shown is a pure function of (layer, mode, step, look, camera, canvas size);
//! this component only plays, pauses, orbits and paints it.

mod painter;
mod recorder;
mod ticker;
mod words;

use super::hooks::{use_frame_painter, use_lang, use_size};
use crate::anim::{recording_steps, scene, Camera, Look, Mode, Playhead, Timeline, View};
use crate::components::dom;
use crate::cost::{Costs, Unit};
use crate::format::{decimal, thousands};
use crate::i18n::Lang;
use crate::state::{Action, Scheme};
use painter::{paint, Palette};
use recorder::{record, save_png, Progress, Recording, Still, MOST_FRAMES};
use std::cell::OnceCell;
use ticker::Ticker;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlInputElement};
use words::{caption, counters, lit_attributes, mode_name, progress_text, still_lines};
use yew::prelude::*;

/// The speed slider runs over 0..=SPEED_STOPS, for 10^(stop / 20) steps a second:
/// from 1 to 100,000, so that the largest layers still finish.
const SPEED_STOPS: u32 = 100;
const DEFAULT_SPEED_STOP: u32 = 12;
/// Degrees the camera turns for a key press, and for a pixel dragged.
const ORBIT_KEY_DEGREES: i32 = 10;
const ORBIT_DRAG_DEGREES: f64 = 0.5;

fn steps_per_second(stop: u32) -> f64 {
    10f64.powf(f64::from(stop) / 20.0)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
    pub playhead: Playhead,
    pub unit: Unit,
    /// The palette on screen (the theme chosen, or the system's).
    pub scheme: Scheme,
    pub on_action: Callback<Action>,
}

/// What the running loop reads on each frame; refreshed on every render.
struct Clock {
    position: f64,
    last: Option<f64>,
    speed: f64,
    total: u64,
}

/// A drag in progress: where the pointer went down, and the camera then.
#[derive(Clone, Copy)]
struct Drag {
    x: i32,
    y: i32,
    camera: Camera,
}

#[function_component]
pub fn Animation(props: &Props) -> Html {
    let mode = props.playhead.mode;
    let timeline = Timeline::new(props.costs, mode);
    let total = timeline.total_steps();
    let reduced_motion = use_memo((), |_| prefers_reduced_motion());
    // The first frame drawn into the page at build time stands still: its button offers
    // to play. In a browser the animation plays from the first step, unless motion is
    // reduced.
    let playing =
        use_state(|| dom::window().is_some() && !*reduced_motion && props.playhead.step == 0);
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
    // In a race, the separable side at the same number of multiplications.
    let separable = Timeline::new(props.costs, Mode::Separable);
    let race_frame = (mode == Mode::Race).then(|| timeline.race_frame(shown));

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

    // The camera: the URL's, or the one a drag in progress has reached.
    let dragging = use_state(|| None::<Camera>);
    let drag = use_mut_ref(|| None::<Drag>);
    let camera = dragging.unwrap_or(props.playhead.camera);
    let look = props.playhead.look;

    let canvas = use_node_ref();
    let size = use_size(canvas.clone());
    let scheme = props.scheme;
    let lang = use_lang();
    // Read when the scene is first painted after the scheme changes, not in a render
    // (see `chart::read_style`).
    let palette = use_memo(scheme, |_| OnceCell::new());
    // In a lecture the words and cells grow with the type; read when the canvas resizes,
    // which it does whenever the lecture's type changes.
    let zoom = *use_memo((size, scheme), |(_, scheme)| {
        dom::type_zoom() * scheme.zoom()
    });
    {
        let (canvas, palette) = (canvas.clone(), palette.clone());
        use_frame_painter(
            canvas.clone(),
            size,
            (timeline, shown, scheme, lang, look, camera),
            move |on_screen, size| {
                if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                    // Laid out for a canvas `zoom` times smaller, and painted to fill this
                    // one: every word, line and cell `zoom` times larger.
                    let view = View {
                        width: f64::from(size.0) / zoom,
                        height: f64::from(size.1) / zoom,
                        look,
                        camera,
                    };
                    let frame = timeline.frame(shown);
                    // The scene is cheap and its report is read off screen too; painting
                    // it waits until the canvas shows.
                    let scene = scene(&timeline, &frame, &view, lang);
                    let mut attributes = lit_attributes(&timeline.lit(&frame)).to_vec();
                    if on_screen {
                        paint(&element, &scene, palette.get_or_init(Palette::read), size);
                        let draws = element.get_attribute("data-draws");
                        let draws = draws.and_then(|d| d.parse::<u64>().ok()).unwrap_or(0);
                        attributes.push(("data-draws", (draws + 1).to_string()));
                    }
                    // What held-out checks and the tests read: what is lit, how much of it
                    // shows, and how large its cells are drawn.
                    attributes.push(("data-lit-visible", decimal(scene.lit.visible, 3)));
                    attributes.push(("data-cell-px", decimal(scene.lit.cell_px * zoom, 1)));
                    attributes.push(("data-lens", scene.lit.lens.to_string()));
                    // The smallest words drawn, in CSS pixels: 12 at least, in a blog's column.
                    let canvas_size = (f64::from(size.0), f64::from(size.1));
                    if let Some(px) = scene.smallest_text(canvas_size) {
                        attributes.push(("data-min-text-px", decimal(px, 1)));
                    }
                    for (name, value) in attributes {
                        let _ = element.set_attribute(name, &value);
                    }
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
    let set_camera = {
        let on_action = props.on_action.clone();
        Callback::from(move |c: Camera| on_action.emit(Action::SetCamera(c)))
    };
    let go = |target: fn(&Timeline, u64) -> u64| {
        let stop_at = stop_at.clone();
        Callback::from(move |_: MouseEvent| stop_at.emit(target(&timeline, shown)))
    };
    let on_key = {
        let (toggle, stop_at, set_camera) = (toggle.clone(), stop_at.clone(), set_camera.clone());
        let camera = props.playhead.camera;
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            // Sliders keep their own keys: the speed slider's arrows change the speed,
            // the timeline's move along it. Space has no use there, so it plays.
            if key != " " && target_tag(&e) == "input" {
                return;
            }
            let orbit = |d_yaw, d_pitch| Some(camera.orbit(d_yaw, d_pitch));
            let turned = match key.as_str() {
                "a" | "A" => orbit(-ORBIT_KEY_DEGREES, 0),
                "d" | "D" => orbit(ORBIT_KEY_DEGREES, 0),
                "w" | "W" => orbit(0, ORBIT_KEY_DEGREES),
                "s" | "S" => orbit(0, -ORBIT_KEY_DEGREES),
                "r" | "R" => Some(Camera::default()),
                _ => None,
            };
            if let Some(turned) = turned {
                e.prevent_default();
                set_camera.emit(turned);
                return;
            }
            let target = match (key.as_str(), e.shift_key()) {
                (" ", _) => {
                    e.prevent_default();
                    toggle.emit(());
                    return;
                }
                ("ArrowRight", false) => (shown + 1).min(total),
                ("ArrowLeft", false) => shown.saturating_sub(1),
                ("ArrowRight", true) => timeline.next_group_start(shown),
                ("ArrowLeft", true) => timeline.previous_group_start(shown),
                ("PageDown", _) => timeline.next_phase_end(shown),
                ("Home", _) => 0,
                ("End", _) => total,
                _ => return,
            };
            e.prevent_default();
            stop_at.emit(target);
        })
    };
    // Space on a focused button would also click it: the keydown above already played.
    let on_key_up = Callback::from(|e: KeyboardEvent| {
        if e.key() == " " && target_tag(&e) == "button" {
            e.prevent_default();
        }
    });

    let on_pointer_down = {
        let (drag, camera) = (drag.clone(), props.playhead.camera);
        Callback::from(move |e: PointerEvent| {
            if let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            *drag.borrow_mut() = Some(Drag {
                x: e.client_x(),
                y: e.client_y(),
                camera,
            });
        })
    };
    let on_pointer_move = {
        let (drag, dragging) = (drag.clone(), dragging.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(d) = *drag.borrow() else { return };
            let turn = |delta: i32| (f64::from(delta) * ORBIT_DRAG_DEGREES).round() as i32;
            let to = d
                .camera
                .orbit(-turn(e.client_x() - d.x), turn(e.client_y() - d.y));
            if Some(to) != *dragging {
                dragging.set(Some(to));
            }
        })
    };
    let on_pointer_up = {
        let (drag, dragging, set_camera) = (drag.clone(), dragging.clone(), set_camera.clone());
        Callback::from(move |_: PointerEvent| {
            if drag.borrow_mut().take().is_some() {
                if let Some(to) = *dragging {
                    set_camera.emit(to);
                }
                dragging.set(None);
            }
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
    let modes = Mode::ALL.map(|m| {
        let (on_action, playing) = (props.on_action.clone(), playing.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            playing.set(false);
            on_action.emit(Action::SetMode(m));
        });
        html! {
            <button type="button" class="seg" id={format!("anim-mode-{}", m.name())}
                aria-pressed={(m == mode).to_string()} {onclick}>{ mode_name(m, lang) }</button>
        }
    });
    let looks = Look::ALL.map(|l| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::SetLook(l)));
        let label = match l {
            Look::Volume => lang.tr("volume", "立体"),
            Look::Slices => lang.tr("slices", "切片"),
        };
        html! {
            <button type="button" class="seg" id={format!("anim-scene-{}", l.name())}
                aria-pressed={(l == look).to_string()} {onclick}>{ label }</button>
        }
    });
    let reset = set_camera.reform(|_: MouseEvent| Camera::default());

    // Saving: the frame on screen as PNG, or a range of steps as a video, each with the
    // counters written under the picture.
    let range = use_state(|| None::<(u64, u64)>);
    let (from, to) = range.unwrap_or((shown, timeline.next_phase_end(shown)));
    let progress = use_state(|| None::<Progress>);
    let recording = use_mut_ref(|| None::<Recording>);
    let still = {
        let costs = props.costs;
        move |step: u64| {
            let frame = timeline.frame(step);
            let race = (mode == Mode::Race).then(|| timeline.race_frame(step));
            let view = View {
                width: f64::from(size.0) / zoom,
                height: f64::from(size.1) / zoom,
                look,
                camera,
            };
            Still {
                scene: scene(&timeline, &frame, &view, lang),
                lines: still_lines(&costs, &timeline, &frame, race.as_ref(), lang),
            }
        }
    };
    let name = {
        let l = props.costs.layer;
        format!(
            "sepconv-df{}-dk{}-m{}-n{}-{}",
            l.df,
            l.dk,
            l.m,
            l.n,
            mode.name()
        )
    };
    let on_png = {
        let (palette, name) = (palette.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            save_png(
                &still(shown),
                palette.get_or_init(Palette::read),
                size,
                &format!("{name}-step-{shown}.png"),
            );
        })
    };
    let on_record = {
        let (palette, progress, recording) = (palette.clone(), progress.clone(), recording.clone());
        Callback::from(move |_: MouseEvent| {
            // A second press stops the recording under way, without saving it.
            if recording.borrow_mut().take().is_some() {
                progress.set(None);
                return;
            }
            let steps = recording_steps(from.min(total), to.min(total), MOST_FRAMES);
            let file = format!("{name}-steps-{}-{}", from.min(to), to.max(from));
            let (done, report) = (recording.clone(), progress.clone());
            let palette = palette.get_or_init(Palette::read).clone();
            let session = record(still, steps, palette, size, file, move |p| {
                if matches!(p, Progress::Saved { .. } | Progress::Failed) {
                    done.borrow_mut().take();
                }
                report.set(Some(p));
            });
            *recording.borrow_mut() = session;
        })
    };
    // Each step box as typed, while it holds what is not a step (text, a decimal, past
    // the last step): said wrong beside the boxes, the video keeps its last range, and
    // the box shows the kept step again once left.
    let range_typed = use_state(|| [None::<String>, None]);
    let step_of = move |text: &str| text.trim().parse::<u64>().ok().filter(|&s| s <= total);
    let on_range = |end: usize| {
        let (range, typed) = (range.clone(), range_typed.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut now = (*typed).clone();
            match step_of(&value) {
                Some(step) => {
                    let mut both = [from, to];
                    both[end] = step;
                    range.set(Some((both[0], both[1])));
                    now[end] = None;
                }
                None => now[end] = Some(value),
            }
            typed.set(now);
        })
    };
    let on_range_leave = {
        let typed = range_typed.clone();
        Callback::from(move |_: FocusEvent| typed.set([None, None]))
    };
    let range_wrong = [range_typed[0].is_some(), range_typed[1].is_some()];
    // Boxes wide enough for the last step's every digit (up to 12 at the largest layer):
    // "1374389" of 137,438,953,472 read as a million.
    let wide = (total >= 10_000_000).then_some("wide");
    let range_words = range_wrong.contains(&true).then(|| {
        format!(
            "{}{total}{}{}–{}{}",
            lang.tr("Steps 0 to ", "步数为 0 到 "),
            lang.tr("; the video keeps ", "；视频保持第 "),
            from.min(to),
            to.max(from),
            lang.tr(".", " 步。")
        )
    });
    let busy = recording.borrow().is_some();

    let per_second = steps_per_second(*speed);
    let race = race_frame.as_ref().map(|f| (&separable, f));
    html! {
        <section class="panel anim" aria-labelledby="anim-title" tabindex="-1"
            onkeydown={on_key} onkeyup={on_key_up}>
            <div class="anim-head">
                <h2 id="anim-title">{ lang.tr("Where every multiplication comes from", "每一次乘法从哪里来") }</h2>
                <div class="anim-switches">
                    <div class="seg-group" role="group" aria-label={lang.tr("Convolution", "卷积方式")}>{ for modes }</div>
                    <div class="seg-group" role="group" aria-label={lang.tr("Look", "视图")}>{ for looks }</div>
                    <button type="button" class="tool" id="anim-camera-reset" onclick={reset}
                        aria-label={lang.tr("Reset the view (R); drag the picture or press A, D, W, S to turn it",
                            "重置视角（R）；拖动图片或按 A、D、W、S 旋转")}>
                        { lang.tr("⟲ view", "⟲ 视角") }</button>
                </div>
            </div>
            { super::waiting(html! {
                <canvas ref={canvas} id="anim-canvas" tabindex="0" role="img"
                    // A race draws two pipelines, one above the other: it needs the height.
                    class={classes!("anim-canvas", (mode == Mode::Race).then_some("race"))}
                    data-scene={look.name()} data-mode={mode.name()}
                    data-yaw={camera.yaw.to_string()} data-pitch={camera.pitch.to_string()}
                    aria-label={lang.tr("The tensors as volumes of channels, the filter and the output value being computed; \
                        Space plays and pauses, the arrow keys step, drag or A, D, W, S turn the view",
                        "以通道组成的立体表示的张量、卷积核和正在计算的输出值；空格键播放或暂停，方向键单步，拖动或 A、D、W、S 旋转视角")}
                    aria-describedby="anim-caption"
                    onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                    onpointerup={on_pointer_up.clone()} onpointercancel={on_pointer_up}></canvas>
            }, lang.tr("Loading the picture…", "正在加载图示…"), first_frame(&timeline, shown, look, camera, lang)) }
            <div class="anim-controls">
                <button type="button" class="tool" aria-label={lang.tr("Back to the start (Home)", "回到开头（Home）")}
                    onclick={go(|_, _| 0)}>{ "«" }</button>
                <button type="button" class="tool" id="anim-prev-group" aria-label={lang.tr("Previous channel or filter (Shift+←)", "上一个通道或卷积核（Shift+←）")}
                    onclick={go(Timeline::previous_group_start)}>{ "⇤" }</button>
                <button type="button" class="tool" aria-label={lang.tr("Step back (←)", "后退一步（←）")}
                    onclick={go(|_, s| s.saturating_sub(1))}>{ "◀" }</button>
                <button type="button" class="play" id="anim-play"
                    aria-label={if *playing { lang.tr("Pause (Space)", "暂停（空格）") } else { lang.tr("Play (Space)", "播放（空格）") }}
                    onclick={toggle.reform(|_: MouseEvent| ())}>
                    { if *playing { lang.tr("❚❚ Pause", "❚❚ 暂停") } else { lang.tr("▶ Play", "▶ 播放") } }
                </button>
                <button type="button" class="tool" aria-label={lang.tr("Step forward (→)", "前进一步（→）")}
                    onclick={go(|t, s| (s + 1).min(t.total_steps()))}>{ "▶" }</button>
                <button type="button" class="tool" id="anim-next-group" aria-label={lang.tr("Next channel or filter (Shift+→)", "下一个通道或卷积核（Shift+→）")}
                    onclick={go(Timeline::next_group_start)}>{ "⇥" }</button>
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
            <div class="anim-save" role="group" aria-label={lang.tr("Save", "保存")}>
                <button type="button" class="tool" id="anim-png" onclick={on_png}>
                    { lang.tr("⤓ PNG of this step", "⤓ 保存这一步为 PNG") }</button>
                <label class="record-range">
                    <span>{ lang.tr("video of steps", "录制第") }</span>
                    <input id="record-from" class={wide} type="number" inputmode="numeric" min="0"
                        max={total.to_string()} oninput={on_range(0)} onblur={on_range_leave.clone()}
                        value={range_typed[0].clone().unwrap_or_else(|| from.to_string())}
                        aria-invalid={range_wrong[0].to_string()} aria-describedby="record-range-error"
                        aria-label={lang.tr("first step of the video", "视频的第一步")} />
                    <span>{ "–" }</span>
                    <input id="record-to" class={wide} type="number" inputmode="numeric" min="0"
                        max={total.to_string()} oninput={on_range(1)} onblur={on_range_leave}
                        value={range_typed[1].clone().unwrap_or_else(|| to.to_string())}
                        aria-invalid={range_wrong[1].to_string()} aria-describedby="record-range-error"
                        aria-label={lang.tr("last step of the video", "视频的最后一步")} />
                    <span>{ lang.tr("", "步") }</span>
                </label>
                <span id="record-range-error" class="param-error" aria-live="polite">{ range_words }</span>
                <button type="button" class="tool" id="anim-record" onclick={on_record}
                    aria-pressed={busy.to_string()}>
                    { if busy { lang.tr("■ Stop", "■ 停止") } else { lang.tr("● Record video", "● 录制视频") } }</button>
                <span class="record-status" id="record-status" role="status">
                    { (*progress).as_ref().map(|p| progress_text(p, lang)).unwrap_or_default() }</span>
            </div>
            // Read out each step when stepping; while playing, sixty a second would drown
            // everything else a screen reader has to say.
            <p id="anim-caption" class="anim-caption"
                aria-live={if *playing { "off" } else { "polite" }}>{ caption(&timeline, &frame, race_frame.as_ref(), lang) }</p>
            { counters(&timeline, &frame, race, props.unit, lang) }
        </section>
    }
}

fn speed_text(per_second: f64, lang: Lang) -> String {
    let rounded = thousands((per_second.round() as u128).max(1));
    match lang {
        Lang::En => format!("{rounded} steps/s"),
        Lang::Zh => format!("每秒 {rounded} 步"),
    }
}

/// The tag of the element a key went to, in lower case.
fn target_tag(e: &KeyboardEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default()
}

fn prefers_reduced_motion() -> bool {
    dom::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|q| q.matches())
}

/// The canvas's CSS size in a laptop's window (1280 px wide) and on a phone (390 px): the
/// page rendered at build time lays out the first frame for these, and scales it to others.
#[cfg(not(target_arch = "wasm32"))]
const FIRST_FRAME_SIZES: [(f64, f64, &str); 2] = [(830.0, 377.0, "wide"), (332.0, 573.0, "tall")];

/// The frame at `step` as the page rendered at build time shows it before the app draws
/// it: as SVG, laid out for a laptop's canvas and for a phone's (the stylesheet shows the
/// one for the screen), in the page's colours.
#[cfg(not(target_arch = "wasm32"))]
fn first_frame(timeline: &Timeline, step: u64, look: Look, camera: Camera, lang: Lang) -> Html {
    let frame = timeline.frame(step);
    let pictures: String = FIRST_FRAME_SIZES
        .iter()
        .map(|&(width, height, class)| {
            let view = View {
                width,
                height,
                look,
                camera,
            };
            crate::anim::svg(
                &scene(timeline, &frame, &view, lang),
                &format!("scene-svg {class}"),
                &format!("{}-{class}", crate::prerender::FIRST_FRAME),
                &format!("{}-{class}-{}", crate::prerender::FIRST_FRAME, lang.key()),
            )
        })
        .collect();
    Html::from_html_unchecked(pictures.into())
}

/// In the browser the app draws the frame itself.
#[cfg(target_arch = "wasm32")]
fn first_frame(_: &Timeline, _: u64, _: Look, _: Camera, _: Lang) -> Html {
    Html::default()
}

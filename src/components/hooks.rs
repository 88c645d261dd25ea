//! Hooks shared by components.

use crate::components::dom;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{HtmlInputElement, MediaQueryList};
use yew::prelude::*;

fn dark_query() -> Option<MediaQueryList> {
    dom::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the system asks for dark colours, following changes while the page is open.
#[hook]
pub fn use_dark_scheme() -> bool {
    let dark = use_state(|| dark_query().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let listening = dark_query().map(|query| {
                let watched = query.clone();
                let on_change = Closure::<dyn Fn()>::new(move || dark.set(watched.matches()));
                let _ = query
                    .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                (query, on_change)
            });
            move || {
                if let Some((query, on_change)) = listening {
                    let _ = query.remove_event_listener_with_callback(
                        "change",
                        on_change.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *dark
}

/// The CSS size of the element behind `node`, kept up to date by a ResizeObserver that
/// is disconnected when the component goes away. (0, 0) until the first measurement.
#[hook]
pub fn use_size(node: NodeRef) -> (u32, u32) {
    let size = use_state(|| (0u32, 0u32));
    {
        let (size, first) = (size.clone(), size.clone());
        use_effect_with(node, move |node| {
            let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
                let rect = entry.content_rect();
                size.set((rect.width().round() as u32, rect.height().round() as u32));
            });
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let Some(element) = node.cast::<web_sys::Element>() {
                // Measure now rather than wait a frame for the observer's first report,
                // so that the first drawing comes with the first render.
                let (width, height) = (element.client_width(), element.client_height());
                if width > 0 && height > 0 {
                    first.set((width as u32, height as u32));
                }
                if let Some(observer) = &observer {
                    observer.observe(&element);
                }
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    *size
}

/// Sets CSS properties of the element behind `node` through the CSSOM, whenever
/// `properties` change. (A `style` attribute would be refused by a strict
/// Content-Security-Policy without 'unsafe-inline'; the CSSOM is not.)
#[hook]
pub fn use_css(node: NodeRef, properties: Vec<(&'static str, String)>) {
    use_effect_with(properties, move |properties| {
        if let Some(element) = node.cast::<web_sys::HtmlElement>() {
            let style = element.style();
            for (name, value) in properties {
                let _ = style.set_property(name, value);
            }
        }
    });
}

/// While `enabled` (an embedded panel), tells the page around the iframe how tall this
/// document is, as `{type: "sepconv:resize", id, height}`, whenever that changes: `id`
/// is the link's, so that a host page with several frames knows whose height it is. A
/// host whose script came late asks again with `{type: "sepconv:report"}`.
#[hook]
pub fn use_resize_reporter(enabled: bool, id: Option<String>) {
    use_effect_with((enabled, id), move |(enabled, id)| {
        let (enabled, id) = (*enabled, id.clone());
        let window = dom::window();
        let root = window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        let parent = window.as_ref().and_then(|w| w.parent().ok().flatten());
        let report = {
            let root = root.clone();
            move || {
                let (Some(root), Some(parent)) = (&root, &parent) else {
                    return;
                };
                let message = js_sys::Object::new();
                let set = |key: &str, value: JsValue| {
                    let _ = js_sys::Reflect::set(&message, &key.into(), &value);
                };
                set("type", "sepconv:resize".into());
                set("height", root.scroll_height().into());
                if let Some(id) = &id {
                    set("id", id.into());
                }
                let _ = parent.post_message(&message, "*");
            }
        };
        let on_resize = {
            let report = report.clone();
            Closure::<dyn Fn(js_sys::Array)>::new(move |_: js_sys::Array| report())
        };
        let on_ask = {
            let report = report.clone();
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let kind = js_sys::Reflect::get(&e.data(), &"type".into()).ok();
                if kind.and_then(|k| k.as_string()).as_deref() == Some("sepconv:report") {
                    report();
                }
            })
        };
        let observer = enabled
            .then(|| web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok())
            .flatten();
        if let (Some(observer), Some(root)) = (&observer, root) {
            observer.observe(&root);
            // At once as well: a frame below the fold of its post is not rendered, so its
            // observer says nothing until the reader scrolls to it, and it would stay at
            // the host's first height until then.
            report();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("message", on_ask.as_ref().unchecked_ref());
            }
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback(
                    "message",
                    on_ask.as_ref().unchecked_ref(),
                );
            }
            drop(on_resize);
            drop(on_ask);
        }
    });
}

/// The page's language, which the app provides to every component.
#[hook]
pub fn use_lang() -> crate::i18n::Lang {
    use_context::<crate::i18n::Lang>().unwrap_or_default()
}

/// Calls `on_key` for every key pressed anywhere in the window while the component is
/// mounted. The listener is made once: `on_key` reads what changes through cells.
#[hook]
pub fn use_window_keydown<F>(on_key: F)
where
    F: Fn(web_sys::KeyboardEvent) + 'static,
{
    use_window_key("keydown", false, on_key);
}

/// Calls `on_key` for every `event` ("keydown", "keyup") in the window, before any
/// element sees it when `capture` is set, so that it can keep the key from them.
#[hook]
pub fn use_window_key<F>(event: &'static str, capture: bool, on_key: F)
where
    F: Fn(web_sys::KeyboardEvent) + 'static,
{
    let on_key = use_mut_ref(|| Some(on_key)).borrow_mut().take();
    use_effect_with((), move |_| {
        let listener = on_key.map(|f| Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(f));
        let window = dom::window();
        if let (Some(w), Some(l)) = (&window, &listener) {
            let _ = w.add_event_listener_with_callback_and_bool(
                event,
                l.as_ref().unchecked_ref(),
                capture,
            );
        }
        move || {
            if let (Some(w), Some(l)) = (window, listener) {
                let _ = w.remove_event_listener_with_callback_and_bool(
                    event,
                    l.as_ref().unchecked_ref(),
                    capture,
                );
            }
        }
    });
}

/// While a pointer holds any slider of the page (the layer's, the groups', the
/// animation's timeline and speed), the address bar waits for the drag to end
/// ([`dom::hold_url`]): pressed on a range input, then let go, cancelled or changed, or
/// the window left (the focus leaving another control, as pressing a slider makes it
/// do, is no end).
#[hook]
pub fn use_drags_hold_url() {
    const EVENTS: [&str; 5] = [
        "pointerdown",
        "pointerup",
        "pointercancel",
        "change",
        "blur",
    ];
    use_effect_with((), |_| {
        // One listener for the five: each kind of closure weighs on the wasm.
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
            let target = e.target();
            match e.type_().as_str() {
                "pointerdown" => {
                    let input = target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
                    if input.is_some_and(|input| input.type_() == "range") {
                        dom::hold_url(true);
                    }
                }
                "blur" if !target.is_some_and(|t| t.is_instance_of::<web_sys::Window>()) => {}
                _ => dom::hold_url(false),
            }
        });
        let window = dom::window();
        if let Some(w) = &window {
            for event in EVENTS {
                let _ = w.add_event_listener_with_callback_and_bool(
                    event,
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
        move || {
            if let Some(w) = window {
                for event in EVENTS {
                    let _ = w.remove_event_listener_with_callback_and_bool(
                        event,
                        listener.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
        }
    });
}

/// What a painter does for its canvas, told whether the canvas is on screen and its CSS
/// size.
type Job = Rc<dyn Fn(bool, (u32, u32))>;

/// The one frame a component's canvas is waiting for, and what to do in it.
struct Painter {
    /// The latest render's job; kept after it runs, to paint again when the canvas comes
    /// into view.
    job: Option<Job>,
    /// Whether the latest job ran while the canvas was off screen, and so did not paint.
    unpainted: bool,
    /// The frame to run it in; made once the canvas is there, dropped with it.
    frame: Option<NextFrame>,
    /// Whether the canvas is on screen.
    visible: bool,
    /// The canvas's size as its component last measured it, or as the first job did.
    size: (u32, u32),
    /// The size the last job ran at; `None` until a job has run.
    drawn_at: Option<(u32, u32)>,
    /// The animation frame (its time) the last job ran in, if it ran in one.
    ran_in: Option<f64>,
}

impl Painter {
    /// Asks for the next frame, unless one is asked already.
    fn schedule(&mut self) {
        if let Some(frame) = &mut self.frame {
            frame.request();
        }
    }

    /// The job to run now, whether the canvas is on screen for it, and its size: the
    /// frame asked for, if any, is no longer needed.
    fn take_turn(&mut self) -> Option<(Job, bool, (u32, u32))> {
        if let Some(frame) = self.frame.as_mut() {
            frame.cancel();
        }
        self.unpainted = !self.visible;
        self.drawn_at = Some(self.size);
        Some((self.job.clone()?, self.visible, self.size))
    }

    /// The first job, at once rather than in the next frame, so that the canvas is drawn
    /// in the first frame that shows it (the app's first frame waits for it: see
    /// `curtain`), at the size it has now, which its component learns only after this
    /// first render. `None`, and the next frame asked for, while the canvas has no size.
    fn first_turn(&mut self, canvas: &NodeRef) -> Option<(Job, bool, (u32, u32))> {
        if let (0, _) | (_, 0) = self.size {
            if let Some(element) = canvas.cast::<web_sys::Element>() {
                let (width, height) = (element.client_width(), element.client_height());
                self.size = (width.max(0) as u32, height.max(0) as u32);
            }
        }
        if let (0, _) | (_, 0) = self.size {
            self.schedule();
            return None;
        }
        self.take_turn()
    }
}

/// Runs `job` for the canvas behind `node` at most once per animation frame: every time
/// `deps` or the canvas's `size` change, the latest render's job runs in the next frame,
/// replacing one not yet run. A change of `deps` that is itself an animation frame's work
/// (a slow panel's update, an animation's step: see [`during_frame`]) runs it at once
/// instead, unless it has run in that frame already. An input thus updates the numbers in
/// its own task, and the pictures follow in the frame that brings the slow panels the
/// input, however many inputs came. The job is told whether the canvas is on screen: off
/// screen it keeps what the page reports up to date but need not paint, and it runs again,
/// to paint, when the canvas comes into view. The first job runs at once (see
/// [`Painter::first_turn`]).
#[hook]
pub fn use_frame_painter<D, F>(node: NodeRef, size: (u32, u32), deps: D, job: F)
where
    D: PartialEq + 'static,
    F: Fn(bool, (u32, u32)) + 'static,
{
    let painter = use_painter(node.clone(), size);
    // Each render's job holds that render's values (a lecture's type zoom, say), whether
    // or not it is to run.
    painter.borrow_mut().job = Some(Rc::new(job));
    use_effect_with(deps, move |_| {
        let mut p = painter.borrow_mut();
        let turn = match (p.drawn_at, this_frame()) {
            (None, _) => p.first_turn(&node),
            // Inside an animation frame's work, a job run now shows in that frame: asking
            // for the next would show it a frame later than it could. Once a frame, though:
            // a second change in the same frame (the animation's step, then a slider's
            // layer) waits for the next.
            (Some(_), Some(frame)) if p.ran_in != Some(frame) => {
                p.ran_in = Some(frame);
                p.take_turn()
            }
            _ => {
                p.schedule();
                return;
            }
        };
        drop(p);
        if let Some((job, visible, size)) = turn {
            job(visible, size);
        }
    });
}

/// The painter of [`use_frame_painter`], apart from its job: the part that is the same
/// for every canvas, compiled once.
#[hook]
fn use_painter(node: NodeRef, size: (u32, u32)) -> Rc<RefCell<Painter>> {
    let painter = use_mut_ref(|| Painter {
        job: None,
        unpainted: false,
        frame: None,
        visible: true,
        size: (0, 0),
        drawn_at: None,
        ran_in: None,
    });
    {
        let painter = painter.clone();
        use_effect_with(node, move |node| {
            let runs = Rc::downgrade(&painter);
            painter.borrow_mut().frame = Some(NextFrame::new(move |time| {
                let Some(painter) = runs.upgrade() else {
                    return;
                };
                let turn = {
                    let mut p = painter.borrow_mut();
                    if let Some(frame) = p.frame.as_mut() {
                        frame.ran();
                    }
                    p.ran_in = Some(time);
                    p.take_turn()
                };
                if let Some((job, visible, size)) = turn {
                    job(visible, size);
                }
            }));
            let watches = Rc::downgrade(&painter);
            let on_view = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let Some(painter) = watches.upgrade() else {
                    return;
                };
                // The last report is the current one.
                let last = entries.length().saturating_sub(1);
                let entry: web_sys::IntersectionObserverEntry = entries.get(last).unchecked_into();
                let mut p = painter.borrow_mut();
                p.visible = entry.is_intersecting();
                if p.visible && p.unpainted {
                    p.schedule();
                }
            });
            let observer =
                web_sys::IntersectionObserver::new(on_view.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, node.cast::<web_sys::Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_view);
                // The job stays: the render that comes with a new node has stored its own.
                painter.borrow_mut().frame = None;
            }
        });
    }
    // The component's first measurement is usually the size the first job measured for
    // itself: nothing to redraw then. A canvas without a size has nothing to redraw.
    {
        let painter = painter.clone();
        use_effect_with(size, move |&size| {
            let mut p = painter.borrow_mut();
            p.size = size;
            if size.0 > 0 && size.1 > 0 && p.drawn_at != Some(size) {
                p.schedule();
            }
        });
    }
    painter
}

/// `value` as a slow panel should show it. A change that `wait(shown, value)` picks
/// reaches the panel in the next animation frame, so that the controls and the counts,
/// rendered now, are on the page before it renders; any other change passes straight
/// through. However many changes come before that frame, it shows the latest.
#[hook]
pub fn use_next_frame<T>(value: T, wait: fn(&T, &T) -> bool) -> T
where
    T: Clone + PartialEq + 'static,
{
    let shown = use_mut_ref(|| value.clone());
    let latest = use_mut_ref(|| value.clone());
    let next = use_mut_ref(|| None::<NextFrame>);
    let redraw = use_force_update();
    *latest.borrow_mut() = value.clone();
    let waiting = wait(&shown.borrow(), &value);
    if !waiting {
        *shown.borrow_mut() = value;
    }
    {
        let (shown, next) = (shown.clone(), next.clone());
        use_effect(move || {
            if waiting {
                let pending = Rc::downgrade(&next);
                // Made here, once, not during render: render also runs at build time,
                // where there is no JavaScript to make a callback in.
                let mut frame = next.borrow_mut();
                let frame = frame.get_or_insert_with(|| {
                    NextFrame::new(move |time| {
                        if let Some(next) = pending.upgrade() {
                            if let Some(frame) = next.borrow_mut().as_mut() {
                                frame.ran();
                            }
                        }
                        *shown.borrow_mut() = latest.borrow().clone();
                        during_frame(time, || redraw.force_update());
                    })
                });
                frame.request();
            }
        });
    }
    // Dropping the frame cancels it, should the panel go before it comes.
    use_effect_with((), move |_| move || drop(next.borrow_mut().take()));
    let shown = shown.borrow().clone();
    shown
}

thread_local! {
    /// The animation frame (its time, which every callback in it is given) whose work is
    /// under way, from a callback until the microtasks it started (Yew's renders and their
    /// effects) have run.
    static IN_FRAME: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
    /// Ends a frame's work, queued as a microtask after those.
    static END_FRAME: Closure<dyn Fn()> = Closure::new(|| IN_FRAME.set(None));
}

/// The animation frame whose work runs now, if any (see [`during_frame`]): what it draws
/// shows in that frame.
fn this_frame() -> Option<f64> {
    IN_FRAME.get()
}

/// Runs `work`, called in the callback of the animation frame at `time`, marking it and the
/// renders it starts as that frame's work: a painter whose canvas they change draws in this
/// frame. Yew renders in a microtask queued by `work`; the mark ends in one queued after
/// it. Should Yew put part of its work off to a later task (it does after 16 ms), that part
/// is not the frame's, and its painters ask for the next frame.
pub fn during_frame(time: f64, work: impl FnOnce()) {
    IN_FRAME.set(Some(time));
    work();
    let queued = END_FRAME
        .with(|end| dom::window().map(|w| w.queue_microtask(end.as_ref().unchecked_ref())));
    if queued.is_none() {
        IN_FRAME.set(None);
    }
}

/// At most one animation frame asked for, and the callback the browser runs in it. Dropped,
/// it cancels the frame it asked for.
struct NextFrame {
    id: Option<i32>,
    callback: Closure<dyn FnMut(f64)>,
}

impl NextFrame {
    /// `callback` is given the frame's time.
    fn new(callback: impl FnMut(f64) + 'static) -> NextFrame {
        NextFrame {
            id: None,
            callback: Closure::new(callback),
        }
    }

    /// Asks for the next animation frame, unless one is asked for already.
    fn request(&mut self) {
        if self.id.is_none() {
            self.id = dom::window().and_then(|w| {
                w.request_animation_frame(self.callback.as_ref().unchecked_ref())
                    .ok()
            });
        }
    }

    /// Called from the callback: the frame asked for has come.
    fn ran(&mut self) {
        self.id = None;
    }

    /// The frame asked for, if any, is not needed after all.
    fn cancel(&mut self) {
        if let (Some(id), Some(w)) = (self.id.take(), dom::window()) {
            let _ = w.cancel_animation_frame(id);
        }
    }
}

impl Drop for NextFrame {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Whether the element behind `node` is in view now: work that only matters there waits
/// for it, and stops when it goes.
#[hook]
pub fn use_in_view(node: NodeRef) -> bool {
    let seen = use_state(|| false);
    {
        let seen = seen.clone();
        use_effect_with(node, move |node| {
            let on_view = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                // The last report is the current one.
                let last = entries.length().saturating_sub(1);
                let entry: web_sys::IntersectionObserverEntry = entries.get(last).unchecked_into();
                seen.set(entry.is_intersecting());
            });
            let observer =
                web_sys::IntersectionObserver::new(on_view.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, node.cast::<web_sys::Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_view);
            }
        });
    }
    *seen
}

/// `value` once it has stayed the same for `ms` milliseconds, and until then the one
/// before: for work too heavy to redo at every step of a slider.
#[hook]
pub fn use_settled<T>(value: T, ms: i32) -> T
where
    T: Clone + PartialEq + 'static,
{
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let done = Closure::once(move || settled.set(value));
            let window = dom::window();
            let timer = window.as_ref().and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    done.as_ref().unchecked_ref(),
                    ms,
                )
                .ok()
            });
            move || {
                if let (Some(w), Some(timer)) = (window, timer) {
                    w.clear_timeout_with_handle(timer);
                }
                drop(done);
            }
        });
    }
    (*settled).clone()
}

/// Calls `on_message` with the data of every message posted to this window (from an
/// iframe) while the component is mounted. Made once, as `use_window_key`.
#[hook]
pub fn use_window_message<F>(on_message: F)
where
    F: Fn(wasm_bindgen::JsValue) + 'static,
{
    let on_message = use_mut_ref(|| Some(on_message)).borrow_mut().take();
    use_effect_with((), move |_| {
        let listener = on_message.map(|f| {
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                f(e.data())
            })
        });
        let window = dom::window();
        if let (Some(w), Some(l)) = (&window, &listener) {
            let _ = w.add_event_listener_with_callback("message", l.as_ref().unchecked_ref());
        }
        move || {
            if let (Some(w), Some(l)) = (window, listener) {
                let _ =
                    w.remove_event_listener_with_callback("message", l.as_ref().unchecked_ref());
            }
        }
    });
}

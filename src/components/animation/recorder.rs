//! The animation as a picture or a video, for the places an iframe cannot go (a
//! newsletter, a slide, a chat): the scene with its counters written under it, saved as
//! PNG, or a range of steps recorded with the browser's own MediaRecorder as WebM.

use super::painter::{paint, Palette};
use super::ticker::Ticker;
use crate::anim::{Paint, Scene};
use crate::components::dom;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Video frames a second, and the most frames a recording has (20 s).
pub const FPS: u32 = 30;
pub const MOST_FRAMES: u64 = 600;
/// How much before its time a step may go up: a quarter of a 60 Hz screen frame.
const EARLY_MS: f64 = 4.0;
/// Containers to ask the recorder for, best first: WebM where the browser has it.
const TYPES: [&str; 3] = ["video/webm;codecs=vp9", "video/webm", "video/mp4"];

/// One frame: the scene, and the lines of counters under it.
pub struct Still {
    pub scene: Scene,
    pub lines: Vec<String>,
}

/// The two canvases a picture is made on, kept out of the page.
struct Easel {
    scratch: HtmlCanvasElement,
    out: HtmlCanvasElement,
}

impl Easel {
    fn new() -> Option<Easel> {
        let document = dom::window()?.document()?;
        let canvas = || {
            document
                .create_element("canvas")
                .ok()?
                .dyn_into::<HtmlCanvasElement>()
                .ok()
        };
        Some(Easel {
            scratch: canvas()?,
            out: canvas()?,
        })
    }

    /// Draws `still` on the out canvas: the scene at `size` CSS pixels, its lines under it.
    /// `palette` is one for a picture of its own ([`Palette::on_panel`]).
    fn draw(&self, still: &Still, palette: &Palette, size: (u32, u32)) -> Option<()> {
        paint(&self.scratch, &still.scene, palette, size);
        let density = dom::density();
        let line = (22.0 * density).round();
        let (w, h) = (self.scratch.width(), self.scratch.height());
        let footer = (line * still.lines.len() as f64 + 12.0 * density) as u32;
        if self.out.width() != w {
            self.out.set_width(w);
        }
        if self.out.height() != h + footer {
            self.out.set_height(h + footer);
        }
        let ctx = self
            .out
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        ctx.set_fill_style_str(opaque(palette.of(Paint::Panel)));
        ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h + footer));
        ctx.draw_image_with_html_canvas_element(&self.scratch, 0.0, 0.0)
            .ok()?;
        ctx.set_font(&format!(
            "{}px {}",
            (15.0 * density).round() as u32,
            palette.font()
        ));
        ctx.set_fill_style_str(palette.of(Paint::Ink));
        for (i, text) in still.lines.iter().enumerate() {
            let y = f64::from(h) + line * (i as f64 + 1.0);
            ctx.fill_text(text, 12.0 * density, y).ok()?;
        }
        Some(())
    }
}

/// A video or a picture needs a background: a clear page (an embed over its host's) gets
/// white.
fn opaque(colour: &str) -> &str {
    if colour == "transparent" {
        "#ffffff"
    } else {
        colour
    }
}

/// Saves `still` as a PNG named `file`.
pub fn save_png(still: &Still, palette: &Palette, size: (u32, u32), file: &str) -> bool {
    let Some(easel) = Easel::new() else {
        return false;
    };
    if easel.draw(still, &palette.on_panel(), size).is_none() {
        return false;
    }
    match easel.out.to_data_url() {
        Ok(url) => {
            dom::download(&url, file);
            true
        }
        Err(_) => false,
    }
}

/// Where a recording stands, for the words under the buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// Frames drawn of all.
    Drawing(u64, u64),
    /// Saved: the file's name, its bytes and its length in seconds.
    Saved {
        file: String,
        bytes: f64,
        seconds: f64,
    },
    /// This browser has no recorder for any of the containers.
    Unsupported,
    Failed,
}

/// A recording under way; dropping it stops it without saving.
pub struct Recording {
    _ticker: Ticker,
    recorder: web_sys::MediaRecorder,
    _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
    _on_stop: Closure<dyn FnMut()>,
    saving: Rc<RefCell<bool>>,
}

impl Drop for Recording {
    fn drop(&mut self) {
        // A stop from here is a cancel: nothing is saved, and the recorder's handlers,
        // which go with this, are taken off before its stop event can call them.
        *self.saving.borrow_mut() = false;
        self.recorder.set_ondataavailable(None);
        self.recorder.set_onstop(None);
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            let _ = self.recorder.stop();
        }
        release(&self.recorder);
    }
}

/// Ends the capture of the recorder's canvas: its stream's tracks stop taking frames now,
/// not whenever the stream is collected.
fn release(recorder: &web_sys::MediaRecorder) {
    stop_tracks(&recorder.stream());
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks() {
        track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

/// Records the frames `still(step)` for each of `steps`, one video frame each, and saves
/// the video as `file` (its extension follows the container the browser has).
pub fn record(
    still: impl Fn(u64) -> Still + 'static,
    steps: Vec<u64>,
    palette: Palette,
    size: (u32, u32),
    file: String,
    on_progress: impl Fn(Progress) + 'static,
) -> Option<Recording> {
    let on_progress = Rc::new(on_progress);
    // The first frame goes up before the stream starts, so that the video has one size.
    let easel = Easel::new()?;
    let palette = palette.on_panel();
    easel.draw(&still(*steps.first()?), &palette, size)?;
    let Some((recorder, track, kind)) = recorder(&easel) else {
        on_progress(Progress::Unsupported);
        return None;
    };
    let file = match kind.starts_with("video/mp4") {
        true => format!("{file}.mp4"),
        false => format!("{file}.webm"),
    };
    let parts = js_sys::Array::new();
    let on_data = {
        let parts = parts.clone();
        Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |e: web_sys::BlobEvent| {
            if let Some(data) = e.data().filter(|d| d.size() > 0.0) {
                parts.push(&data);
            }
        })
    };
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    let saving = Rc::new(RefCell::new(true));
    let frames = steps.len() as u64;
    let on_stop = {
        let (saving, on_progress, file) = (saving.clone(), on_progress.clone(), file.clone());
        let (kind, stopped) = (kind.to_owned(), recorder.clone());
        Closure::<dyn FnMut()>::new(move || {
            release(&stopped);
            if !*saving.borrow() {
                return;
            }
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(&kind);
            let video = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options);
            match video.ok().and_then(|v| {
                Some((
                    web_sys::Url::create_object_url_with_blob(&v).ok()?,
                    v.size(),
                ))
            }) {
                Some((url, bytes)) => {
                    dom::download(&url, &file);
                    on_progress(Progress::Saved {
                        file: file.clone(),
                        bytes,
                        seconds: frames as f64 / f64::from(FPS),
                    });
                    // The download has its own reference by now.
                    let _ = web_sys::Url::revoke_object_url(&url);
                }
                None => on_progress(Progress::Failed),
            }
        })
    };
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    if recorder.start().is_err() {
        release(&recorder);
        on_progress(Progress::Failed);
        return None;
    }
    // Step k goes up in the first screen frame at most EARLY_MS before k / FPS seconds
    // after the first step, and the stream takes it then: at 60 Hz each step stays up
    // for two screen frames. Those come every 16.7 ms, a little early or late: waiting a
    // whole 1 / FPS since the last step would often wait three (a 1.5 s video lasted
    // 2 s), and a stream that samples at FPS by itself drops a step that comes a little
    // early. After a late frame, the steps due go up one a frame until they have caught up.
    let period = 1000.0 / f64::from(FPS);
    let (mut next, mut first) = (0usize, None::<f64>);
    let ticker = {
        let recorder = recorder.clone();
        Ticker::start(move |time| {
            let start = *first.get_or_insert(time);
            let due = time - start >= next as f64 * period - EARLY_MS;
            if !due || recorder.state() != web_sys::RecordingState::Recording {
                return;
            }
            match steps.get(next) {
                Some(&step) => {
                    if easel.draw(&still(step), &palette, size).is_none() {
                        on_progress(Progress::Failed);
                    }
                    if let Some(track) = &track {
                        track.request_frame();
                    }
                    next += 1;
                    on_progress(Progress::Drawing(next as u64, frames));
                }
                // The last frame has been up for a frame's time: the video is complete.
                None => {
                    let _ = recorder.stop();
                }
            }
        })
    };
    Some(Recording {
        _ticker: ticker,
        recorder,
        _on_data: on_data,
        _on_stop: on_stop,
        saving,
    })
}

/// A recorder on the easel's stream, the stream's track where it takes a frame when
/// asked, and the container it records in; `None` where the browser has no recorder for
/// any of [`TYPES`].
fn recorder(
    easel: &Easel,
) -> Option<(
    web_sys::MediaRecorder,
    Option<web_sys::CanvasCaptureMediaStreamTrack>,
    &'static str,
)> {
    let window = dom::window()?;
    let has_recorder = js_sys::Reflect::has(&window, &JsValue::from_str("MediaRecorder")).ok()?;
    if !has_recorder {
        return None;
    }
    let kind = TYPES
        .into_iter()
        .find(|t| web_sys::MediaRecorder::is_type_supported(t))?;
    let asked = easel.out.capture_stream_with_frame_request_rate(0.0).ok()?;
    let (stream, track) = match asked.get_video_tracks().get(0).dyn_into() {
        Ok(track) => (asked, Some(track)),
        // Without a track to ask, a stream that samples at FPS by itself; the first
        // capture stops.
        Err(_) => {
            stop_tracks(&asked);
            (
                easel
                    .out
                    .capture_stream_with_frame_request_rate(f64::from(FPS))
                    .ok()?,
                None,
            )
        }
    };
    let options = web_sys::MediaRecorderOptions::new();
    options.set_mime_type(kind);
    match web_sys::MediaRecorder::new_with_media_stream_and_media_recorder_options(
        &stream, &options,
    ) {
        Ok(recorder) => Some((recorder, track, kind)),
        Err(_) => {
            stop_tracks(&stream);
            None
        }
    }
}

//! A requestAnimationFrame loop that stops when its handle is dropped: one loop per
//! playing animation, cancelled with the component (no leaked frames or timers).

use crate::components::dom;
use crate::components::hooks::during_frame;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast};

type Callback = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

pub struct Ticker {
    id: Rc<Cell<i32>>,
    callback: Callback,
}

fn request(callback: &Closure<dyn FnMut(f64)>) -> i32 {
    dom::window()
        .and_then(|w| {
            w.request_animation_frame(callback.as_ref().unchecked_ref())
                .ok()
        })
        .unwrap_or(0)
}

impl Ticker {
    /// Calls `tick` with the frame's timestamp (ms) on every animation frame, as that frame's
    /// work: a canvas it changes draws in the same frame.
    pub fn start(mut tick: impl FnMut(f64) + 'static) -> Ticker {
        let id = Rc::new(Cell::new(0));
        let callback: Callback = Rc::new(RefCell::new(None));
        let (next_id, again) = (id.clone(), callback.clone());
        *callback.borrow_mut() = Some(Closure::new(move |time: f64| {
            during_frame(time, || tick(time));
            if let Some(callback) = again.borrow().as_ref() {
                next_id.set(request(callback));
            }
        }));
        if let Some(callback) = callback.borrow().as_ref() {
            id.set(request(callback));
        }
        Ticker { id, callback }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Some(window) = dom::window() {
            let _ = window.cancel_animation_frame(self.id.get());
        }
        // The closure holds the cell that holds it; taking it out breaks the cycle.
        self.callback.borrow_mut().take();
    }
}

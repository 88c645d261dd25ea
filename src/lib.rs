//! sepconv: why a depthwise separable convolution needs so many fewer multiplications.
//!
//! `cost` is the exact model and stands alone; `query` and `format` turn it into URLs
//! and text; `state` and `components` are the Yew front end.

/// The allocator of every wasm built from this crate (the app and the first-load island):
/// Talc, smaller than Rust's default for wasm and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod anim;
pub mod components;
pub mod cost;
pub mod few;
pub mod format;
pub mod i18n;
pub mod island;
pub mod lesson;
pub mod measure;
pub mod messages;
pub mod network;
pub mod panic;
pub mod plots;
pub mod prerender;
pub mod problem;
pub mod query;
pub mod readout;
pub mod slider;
pub mod state;

//! The animation, as plain data: the timeline of steps (`timeline`) and what to draw
//! at each (`scene`). No yew or web-sys: the component only paints the scene.

mod scene;
mod timeline;

pub use scene::{scene, Layout, Paint, Scene, Shape};
pub use timeline::{pad_before, Frame, Mode, Phase, Playhead, Timeline};

//! The animation, as plain data: the timeline of steps (`timeline`), the camera and the
//! two looks (`camera`), and what to draw at each step (`scene`, from `tensor`s), with
//! how much of what is lit stays in view (`occlusion`); and a scene as SVG (`svg`), for the
//! page rendered at build time. No yew or web-sys: the component only paints the scene.

mod camera;
mod occlusion;
mod scene;
mod shape;
mod svg;
mod tensor;
mod timeline;

pub use camera::{sin_degrees, Camera, Look, Rotation};
pub use occlusion::{inside, least_visible, unoccluded, Face};
pub use scene::{scene, text_width, View, LENS_PX};
pub use shape::{
    line_width, Anchor, LitReport, Paint, Point, Rect, Scene, Shape, HALO_WIDTH, LEFT_OUT, PAINTS,
};
pub use svg::{name as paint_name, svg};
pub use tensor::slots;
pub use timeline::{recording_steps, Frame, Lit, Mode, Phase, Playhead, Timeline};

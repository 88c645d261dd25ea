//! The charts: what they show (`model`, from the exact cost core) and how they are drawn
//! with plotters on any backend, the page's canvas or an SVG string for export.
//! No yew or web-sys here: the drawing is tested natively on the SVG backend.

mod cost_chart;
mod frame;
mod layout;
mod model;
mod ratio_chart;
mod roofline;
mod svg;
mod theme;

pub use cost_chart::{bars, draw as draw_costs, Bar, Part};
pub use frame::{Axis, Frame};
pub use model::{limit, Measure, RatioChart, Sweep, KERNELS};
pub use ratio_chart::draw as draw_ratio;
pub use roofline::{draw as draw_roofline, Kernel as RooflineKernel, Point, Roofline};
pub use svg::{quarter_turns, stand_in, Svg};
pub use theme::{parse_hex, Theme, CSS_VARIABLES};

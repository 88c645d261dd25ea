//! The exact cost model: how the output size Dp follows from the input, and how many
//! multiplications and parameters a standard and a depthwise separable convolution need.
//!
//! Plain Rust with no yew or web-sys import, so that it compiles and is tested natively.
//! Symbols follow the seed article: an input of Df x Df x M, N filters of Dk x Dk x M,
//! an output of Dp x Dp x N.

mod counts;
mod fraction;
mod geometry;
mod layer;
mod multiplier;

pub use counts::{Costs, Formula, Gap, Part, Term, Unit};
pub use fraction::Fraction;
pub use geometry::{output_size, GeometryError, Padding};
pub use layer::{InputError, Layer, LayerError, Limit, Param};
pub use multiplier::{Multiplier, MultiplierError, Scaled};

//! What can be wrong with a link: each value that could not be used, and so fell back to
//! its default. The URL's reader ([`crate::query`]) finds them, the state carries them in
//! its notice ([`crate::state`]), and [`crate::messages::problem`] says them in
//! words. Apart from the URL's reader, the state need not depend on it.

use crate::cost::{InputError, Layer, LayerError, MultiplierError, Param};

/// A value in a link that could not be used, and so fell back to its default.
/// [`crate::messages::problem`] says it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A number out of range or not a number: `df=abc`, `n=0`, `res=0`.
    Number {
        key: &'static str,
        param: Param,
        text: String,
        error: InputError,
        fallback: u32,
    },
    /// `pad=` neither valid, same nor a number of pixels.
    Padding { text: String, error: InputError },
    /// A word that is not one of its key's choices: `mode=sideways`, `theme=purple`.
    Choice { key: &'static str, text: String },
    /// `step=` not a whole number.
    Step { text: String },
    /// `step=` past the animation's end: the page shows its `last` step.
    StepPast { last: u64 },
    /// `alpha=` or `rho=` not a multiplier.
    Multiplier {
        key: &'static str,
        text: String,
        error: MultiplierError,
    },
    /// Each value fine alone, but together no output: the layer that replaced it.
    Layer { why: LayerError, fits: Layer },
    /// α or ρ leave nothing of the layer.
    Scaled { why: LayerError },
    /// A width multiplier the network is not counted at.
    NetworkAlpha { net: &'static str, text: String },
    /// A key the page does not read, `dff=16`, and the one it is a slip for, if any.
    UnknownKey {
        key: String,
        text: String,
        like: Option<&'static str>,
    },
    /// More keys the page does not read than are worth naming one by one.
    UnknownKeys { more: usize },
    /// A key given more than once: the page uses the last, `text`.
    Repeated { key: &'static str, text: String },
}

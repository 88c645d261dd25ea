//! How the output size Dp follows from Df, Dk, padding, stride and dilation: the part of
//! the derivation the seed article leaves out.

/// Padding of the input, as the frameworks spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Padding {
    /// No padding: the kernel only visits windows that lie wholly inside the input.
    Valid,
    /// As much padding as keeps Dp = ⌈Df / S⌉, TensorFlow's `SAME`, which MobileNet uses.
    Same,
    /// `P` zero pixels on every side.
    Explicit(u32),
}

/// A kernel that does not fit the (padded) input: there is no output at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeometryError {
    /// Pixels one kernel window covers: D·(Dk − 1) + 1.
    pub span: u64,
    /// Pixels of the padded input: Df + 2P.
    pub padded: u64,
    /// Whether a dilation above 1 stretched the kernel, to say so in the message.
    pub dilated: bool,
}

/// The output size Dp of a convolution over a Df x Df input.
///
/// Explicit and valid padding use the convolution-arithmetic rule
/// Dp = ⌊(Df + 2P − D·(Dk − 1) − 1) / S⌋ + 1
/// (Dumoulin & Visin, "A guide to convolution arithmetic for deep learning", 2016,
/// relationship 15). `Same` padding gives Dp = ⌈Df / S⌉ whatever the kernel, as in
/// TensorFlow's `tf.nn.conv2d` documentation; the padding grows to make it so.
///
/// Stride and dilation must be at least 1; a zero is treated as 1 rather than dividing
/// by it (the UI and the URL never pass one).
pub fn output_size(
    df: u32,
    dk: u32,
    padding: Padding,
    stride: u32,
    dilation: u32,
) -> Result<u32, GeometryError> {
    let stride = u64::from(stride.max(1));
    let dilation = u64::from(dilation.max(1));
    let df = u64::from(df);
    let span = dilation * u64::from(dk.saturating_sub(1)) + 1;
    let pad = match padding {
        Padding::Same => return Ok(narrow(df.div_ceil(stride))),
        Padding::Valid => 0,
        Padding::Explicit(p) => u64::from(p),
    };
    let padded = df + 2 * pad;
    if span > padded {
        return Err(GeometryError {
            span,
            padded,
            dilated: dilation > 1,
        });
    }
    Ok(narrow((padded - span) / stride + 1))
}

/// Dp never exceeds Df + 2P ≤ u32::MAX + 2·u32::MAX, but the inputs the app accepts
/// keep it far below u32::MAX; saturate instead of wrapping if a caller goes beyond.
fn narrow(dp: u64) -> u32 {
    u32::try_from(dp).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_examples() {
        // Dumoulin & Visin, figures 2.1, 2.3, 2.4 and 5.1.
        assert_eq!(output_size(4, 3, Padding::Valid, 1, 1), Ok(2));
        assert_eq!(output_size(5, 4, Padding::Explicit(2), 1, 1), Ok(6));
        assert_eq!(output_size(5, 3, Padding::Explicit(1), 1, 1), Ok(5));
        assert_eq!(output_size(7, 3, Padding::Valid, 1, 2), Ok(3));
        // Relationship 6: 5x5 input, 3x3 kernel, stride 2, padding 1 gives 3x3.
        assert_eq!(output_size(5, 3, Padding::Explicit(1), 2, 1), Ok(3));
    }

    #[test]
    fn same_padding_rounds_up() {
        assert_eq!(output_size(224, 3, Padding::Same, 2, 1), Ok(112));
        assert_eq!(output_size(7, 3, Padding::Same, 2, 1), Ok(4));
        assert_eq!(output_size(14, 512, Padding::Same, 1, 1), Ok(14));
    }

    #[test]
    fn a_kernel_wider_than_the_input_is_an_error() {
        let err = output_size(5, 7, Padding::Valid, 1, 1).unwrap_err();
        assert_eq!((err.span, err.padded, err.dilated), (7, 5, false));
        let err = output_size(5, 4, Padding::Explicit(2), 1, 4).unwrap_err();
        assert_eq!((err.span, err.padded, err.dilated), (13, 9, true));
    }
}

//! Colours, type, scale and language for a chart. The page's stylesheet is the one source of the
//! palette: the chart component reads its CSS variables, so light and dark follow the page.

use crate::i18n::Lang;
use plotters::style::{IntoFont, RGBColor, TextStyle};

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub standard: RGBColor,
    pub depthwise: RGBColor,
    pub pointwise: RGBColor,
    /// The current layer's curve and point.
    pub highlight: RGBColor,
    /// The other curves, told apart by colour and by a label at their end.
    pub series: [RGBColor; 4],
    /// Device pixels per CSS pixel: sizes below are in CSS pixels times this.
    pub scale: f64,
    pub font: String,
    /// The language of the axis titles and labels.
    pub lang: Lang,
    /// Leave the background clear instead of filling it: an embed over its host's page.
    pub clear: bool,
}

/// The CSS variables a theme is read from, in the order `from_css` takes them.
pub const CSS_VARIABLES: [&str; 12] = [
    "--panel",
    "--ink",
    "--muted",
    "--line",
    "--standard",
    "--depthwise",
    "--pointwise",
    "--highlight",
    "--series-1",
    "--series-2",
    "--series-3",
    "--series-4",
];

impl Default for Theme {
    /// The light palette, for exports and tests without a stylesheet.
    fn default() -> Self {
        Theme {
            background: RGBColor(0xff, 0xff, 0xff),
            ink: RGBColor(0x15, 0x19, 0x2b),
            muted: RGBColor(0x5a, 0x60, 0x72),
            grid: RGBColor(0xdc, 0xda, 0xd2),
            standard: RGBColor(0xd5, 0x5e, 0x00),
            depthwise: RGBColor(0x00, 0x9e, 0x73),
            pointwise: RGBColor(0x00, 0x72, 0xb2),
            highlight: RGBColor(0xd5, 0x5e, 0x00),
            series: [
                RGBColor(0xcc, 0x79, 0xa7),
                RGBColor(0x00, 0x72, 0xb2),
                RGBColor(0x00, 0x9e, 0x73),
                RGBColor(0xe6, 0x9f, 0x00),
            ],
            scale: 1.0,
            font: "sans-serif".to_owned(),
            clear: false,
            lang: Lang::En,
        }
    }
}

impl Theme {
    /// A theme from the values of [`CSS_VARIABLES`] (as `#rrggbb`); any that is missing
    /// or unreadable keeps its default.
    pub fn from_css(values: &[String], scale: f64, font: &str) -> Theme {
        let mut theme = Theme {
            scale,
            font: font.to_owned(),
            ..Theme::default()
        };
        let [s1, s2, s3, s4] = &mut theme.series;
        let slots = [
            &mut theme.background,
            &mut theme.ink,
            &mut theme.muted,
            &mut theme.grid,
            &mut theme.standard,
            &mut theme.depthwise,
            &mut theme.pointwise,
            &mut theme.highlight,
            s1,
            s2,
            s3,
            s4,
        ];
        for (slot, value) in slots.into_iter().zip(values) {
            if let Some(colour) = parse_hex(value) {
                *slot = colour;
            }
        }
        theme
    }

    /// CSS pixels to device pixels, never below one.
    pub fn px(&self, css: u32) -> u32 {
        ((f64::from(css) * self.scale).round() as u32).max(1)
    }

    /// Text in the chart's font, `css` pixels high, in `colour`.
    pub fn text(&self, css: f64, colour: RGBColor) -> TextStyle<'_> {
        (self.font.as_str(), css * self.scale)
            .into_font()
            .color(&colour)
    }
}

/// "#d55e00" or "#fff" (as a minifier may write it; spaces allowed) to a colour.
pub fn parse_hex(value: &str) -> Option<RGBColor> {
    let hex = value.trim().strip_prefix('#')?;
    if !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize, width: usize| {
        let v = u8::from_str_radix(hex.get(i * width..(i + 1) * width)?, 16).ok()?;
        Some(if width == 1 { v * 17 } else { v })
    };
    let width = match hex.len() {
        3 => 1,
        6 => 2,
        _ => return None,
    };
    Some(RGBColor(
        channel(0, width)?,
        channel(1, width)?,
        channel(2, width)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hex_colours() {
        assert_eq!(parse_hex(" #d55e00"), Some(RGBColor(0xd5, 0x5e, 0x00)));
        assert_eq!(parse_hex("#fff"), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_hex("#0a1"), Some(RGBColor(0x00, 0xaa, 0x11)));
        assert_eq!(parse_hex("red"), None);
        assert_eq!(parse_hex("#abcd"), None);
    }
}

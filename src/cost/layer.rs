//! One convolution layer as the user sets it, and the ranges the app accepts.

use super::geometry::{output_size, GeometryError, Padding};

/// An integer parameter of the layer that a slider, a number box or the URL sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Df,
    Dk,
    M,
    N,
    Stride,
    Dilation,
    /// Explicit padding P, used when the padding is neither valid nor same.
    Pad,
    /// Groups g of the standard side: each filter sees M/g channels (g = M: depthwise).
    Groups,
}

/// The inclusive range a parameter may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub min: u32,
    pub max: u32,
}

impl Limit {
    pub fn contains(self, value: u32) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

impl Param {
    pub const ALL: [Param; 8] = [
        Param::Df,
        Param::Dk,
        Param::M,
        Param::N,
        Param::Stride,
        Param::Dilation,
        Param::Pad,
        Param::Groups,
    ];

    /// The symbol, in the seed article's notation.
    pub fn symbol(self) -> &'static str {
        match self {
            Param::Df => "Df",
            Param::Dk => "Dk",
            Param::M => "M",
            Param::N => "N",
            Param::Stride => "S",
            Param::Dilation => "D",
            Param::Pad => "P",
            Param::Groups => "g",
        }
    }

    /// The key of this parameter in the page's URL query.
    pub fn url_key(self) -> &'static str {
        match self {
            Param::Df => "df",
            Param::Dk => "dk",
            Param::M => "m",
            Param::N => "n",
            Param::Stride => "stride",
            Param::Dilation => "dil",
            Param::Pad => "pad",
            Param::Groups => "g",
        }
    }

    /// What the controls and the URL accept. The largest product of these,
    /// N·Dp²·Dk²·M < 2^13 · (5120)² · 2^18 · 2^13 < 2^69, fits a u128 with room to spare.
    pub fn limit(self) -> Limit {
        let (min, max) = match self {
            Param::Df => (1, 4096),
            Param::Dk => (1, 512),
            Param::M | Param::N | Param::Groups => (1, 8192),
            Param::Stride | Param::Dilation => (1, 16),
            Param::Pad => (0, 512),
        };
        Limit { min, max }
    }
}

/// Why a layer cannot be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerError {
    OutOfRange {
        param: Param,
        value: u32,
    },
    NoOutput(GeometryError),
    /// g must divide both M and N: each group has M/g inputs and N/g filters.
    Groups {
        g: u32,
        m: u32,
        n: u32,
    },
    /// The width or resolution multiplier leaves nothing: ⌊α·M⌋ = 0, say.
    Vanishes {
        what: &'static str,
    },
}

/// Why typed text is not a value of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    /// "2.5": a decimal where a whole number goes.
    NotWhole,
    OutOfRange(i128),
    /// More digits than any limit: "99999999999999999999999".
    FarOutOfRange,
}

/// A convolution layer: an input of Df x Df x M and N filters of Dk x Dk (x M).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Layer {
    pub df: u32,
    pub dk: u32,
    pub m: u32,
    pub n: u32,
    pub padding: Padding,
    pub stride: u32,
    pub dilation: u32,
    /// Groups of the standard side: 1 is a standard convolution, M (with N = M) depthwise.
    pub groups: u32,
    /// Whether every convolution adds a bias per output channel.
    pub bias: bool,
}

impl Default for Layer {
    /// A small RGB-like input that reads at a glance and animates cell by cell.
    fn default() -> Self {
        Layer {
            df: 8,
            dk: 3,
            m: 3,
            n: 8,
            padding: Padding::Same,
            stride: 1,
            dilation: 1,
            groups: 1,
            bias: false,
        }
    }
}

impl Layer {
    /// How many cells of the input one window reaches across, dilation included.
    pub fn span(&self) -> u64 {
        u64::from(self.dilation.max(1)) * u64::from(self.dk.saturating_sub(1)) + 1
    }

    pub fn get(&self, param: Param) -> u32 {
        match param {
            Param::Df => self.df,
            Param::Dk => self.dk,
            Param::M => self.m,
            Param::N => self.n,
            Param::Stride => self.stride,
            Param::Dilation => self.dilation,
            Param::Groups => self.groups,
            Param::Pad => match self.padding {
                Padding::Explicit(p) => p,
                Padding::Valid | Padding::Same => 0,
            },
        }
    }

    /// This layer with one parameter changed; setting `Pad` makes the padding explicit.
    pub fn with(self, param: Param, value: u32) -> Layer {
        let mut layer = self;
        match param {
            Param::Df => layer.df = value,
            Param::Dk => layer.dk = value,
            Param::M => layer.m = value,
            Param::N => layer.n = value,
            Param::Stride => layer.stride = value,
            Param::Dilation => layer.dilation = value,
            Param::Groups => layer.groups = value,
            Param::Pad => layer.padding = Padding::Explicit(value),
        }
        layer
    }

    /// Checks every parameter against its limit, the groups, then that the kernel fits.
    pub fn check(&self) -> Result<u32, LayerError> {
        for param in Param::ALL {
            let value = self.get(param);
            if !param.limit().contains(value) {
                return Err(LayerError::OutOfRange { param, value });
            }
        }
        if !self.m.is_multiple_of(self.groups) || !self.n.is_multiple_of(self.groups) {
            return Err(LayerError::Groups {
                g: self.groups,
                m: self.m,
                n: self.n,
            });
        }
        output_size(self.df, self.dk, self.padding, self.stride, self.dilation)
            .map_err(LayerError::NoOutput)
    }
}

impl Param {
    /// Reads what someone typed into this parameter's box (or the URL): a whole number
    /// within the limit, or what is wrong with it.
    pub fn parse(self, text: &str) -> Result<u32, InputError> {
        let text = text.trim();
        let Limit { min, max } = self.limit();
        // "1,024", as the page itself writes its numbers, is 1024.
        let grouped: String;
        let text = match in_groups(text) {
            true => {
                grouped = text.split(',').collect();
                grouped.as_str()
            }
            false => text,
        };
        match text.parse::<i128>() {
            Ok(v) if (i128::from(min)..=i128::from(max)).contains(&v) => {
                u32::try_from(v).map_err(|_| InputError::OutOfRange(v))
            }
            Ok(v) => Err(InputError::OutOfRange(v)),
            Err(_) if text.is_empty() => Err(InputError::Empty),
            Err(_) if is_whole(text) => Err(InputError::FarOutOfRange),
            Err(_) if looks_like_a_decimal(text) => Err(InputError::NotWhole),
            Err(_) => Err(InputError::NotANumber),
        }
    }
}

/// A sign at most, then digits: a whole number, however long.
fn is_whole(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// "1,024", "-12,345,678": a whole number written in groups of three digits.
fn in_groups(text: &str) -> bool {
    let mut groups = text.strip_prefix(['-', '+']).unwrap_or(text).split(',');
    let first = groups.next().unwrap_or_default();
    let mut rest = groups.peekable();
    // A first group of "0" is a decimal comma: "0,750".
    rest.peek().is_some()
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && is_whole(first)
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// "2.5", "-0,75": digits with a decimal point or comma, which a whole-number box refuses
/// differently from text. (Checked by hand: parsing f64 would ship float parsing to wasm.)
fn looks_like_a_decimal(text: &str) -> bool {
    let body = text.trim_start_matches(['-', '+']);
    body.bytes().any(|b| b.is_ascii_digit())
        && body.bytes().filter(|&b| b == b'.' || b == b',').count() == 1
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

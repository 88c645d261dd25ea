//! English and Simplified Chinese: the page's language. The core reports what went wrong
//! as values ([`crate::cost::LayerError`], a link's [`crate::problem::Problem`]);
//! [`crate::messages`] words them in either language. The components keep their own short
//! phrases next to where they are shown, as `lang.tr("English", "中文")`.

/// The page's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The URL's `lang` value.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.key() == text.trim())
    }

    /// The document's `lang` attribute, so that fonts and screen readers follow.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// The language for a browser's preferred tags ("zh-CN", "en-GB,en"): Chinese for
    /// any Chinese first choice, else English.
    pub fn from_browser(tag: &str) -> Lang {
        let first = tag.split(',').next().unwrap_or("").trim();
        let primary = first.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// One of two phrases.
    pub fn tr(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// A count's short form: "462.4 M" in English, "4.6 亿" in Chinese, which groups
    /// by ten thousands (万) and hundred millions (亿); past T (or 万亿), "3.7 × 10²⁰".
    /// One decimal, rounded half up.
    pub fn short(self, value: u128) -> String {
        match self {
            Lang::En => crate::format::short(value),
            Lang::Zh => short_zh(value),
        }
    }
}

/// Chinese groups by ten thousands (万), hundred millions (亿) and 万亿; past 9999.9 万亿 a
/// count in 万亿 would be as long as the exact one, and the short form is a power of ten.
fn short_zh(value: u128) -> String {
    const UNITS: [(u128, &str); 3] = [
        (10_000, "万"),
        (100_000_000, "亿"),
        (1_000_000_000_000, "万亿"),
    ];
    crate::format::in_units(value, &UNITS, 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_browser() {
        assert_eq!(Lang::from_browser("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_browser("zh_TW,en"), Lang::Zh);
        assert_eq!(Lang::from_browser("en-GB,zh"), Lang::En);
        assert_eq!(Lang::from_browser(""), Lang::En);
    }

    #[test]
    fn chinese_short_forms() {
        let s = |v| Lang::Zh.short(v);
        assert_eq!(s(9_999), "9999");
        assert_eq!(s(10_000), "1.0 万");
        assert_eq!(s(462_422_016), "4.6 亿");
        assert_eq!(s(52_283_392), "5228.3 万");
        assert_eq!(s(999_995_000), "10.0 亿");
        assert_eq!(s(99_999_999), "1.0 亿");
        // The smallest unit that keeps it under 10000.0: the figure with the most digits.
        assert_eq!(s(99_950_000), "9995.0 万");
        assert_eq!(s(4_867_293_184), "48.7 亿");
        assert_eq!(s(1_425_585_611_997_184), "1425.6 万亿");
        assert_eq!(s(9_999_949_999_999_999), "9999.9 万亿");
        assert_eq!(s(9_999_950_000_000_000), "1.0 × 10¹⁶");
        assert_eq!(s(373_708_714_671_389_802_496), "3.7 × 10²⁰");
    }
}

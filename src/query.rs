//! The page's state in its URL query,
//! `?df=8&dk=3&m=3&n=8&pad=same&stride=1&dil=1&mode=separable&step=0`, so that a copied
//! link opens the same layer at the same frame of the animation, in the same language.
//! Groups, bias, the unit, α, ρ, the network view, "Your network"'s example network
//! (`example`), the animation's look (`scene`) and
//! camera (`yaw`, `pitch`), the theme, the lecture's stop (`slide`, 1 to 10) and an
//! embed's name and background (`id`, `bg`) are written only when they differ from their
//! defaults, so that older links stay as they were; `lang` always is,
//! so that a link reads the same whatever the reader's browser prefers. In the network
//! view `alpha` is the network's, and the layer's α and ρ are not in the link. Read as
//! a browser's form encoding (`+` a space, `%XX` a byte), by [`pairs`]; written by
//! [`to_query`], whose values are numbers and names that need no escaping (anything else
//! is escaped all the same).

use crate::anim::{Camera, Look, Mode, Playhead};
use crate::cost::{InputError, Layer, Multiplier, Padding, Param, Scaled, Unit};
use crate::i18n::Lang;
use crate::lesson::Stop;
use crate::network::by_id;
use crate::problem::Problem;
use crate::state::{Embed, Example, NetChoice, Notice, State, Theme, View};

/// What a URL query gave: a layer that has an output, and one [`Problem`] for each value
/// that could not be used (each of which fell back to its default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub layer: Layer,
    pub alpha: Multiplier,
    pub rho: Multiplier,
    pub unit: Unit,
    pub view: View,
    pub net: NetChoice,
    /// The animation's frame; a step past the end of the timeline is clamped later.
    pub playhead: Playhead,
    pub theme: Theme,
    pub embed: Embed,
    /// The language, if the link sets it; otherwise the browser's is used.
    pub lang: Option<Lang>,
    /// The lesson's stop, for a link to one slide of a lecture.
    pub slide: Option<Stop>,
    /// The iframe's name on its host page, for its resize messages.
    pub frame_id: Option<String>,
    /// No background of its own, for an embed over a host page's.
    pub transparent: bool,
    pub problems: Vec<Problem>,
}

/// Every key the page reads.
pub const KEYS: [&str; 27] = [
    "df", "dk", "m", "n", "pad", "stride", "dil", "g", "bias", "unit", "alpha", "rho", "mode",
    "step", "scene", "yaw", "pitch", "theme", "lang", "slide", "net", "view", "res", "embed", "id",
    "bg", "example",
];

/// How many keys the page does not read it names one by one, before saying how many more.
const NAMED_UNKNOWN: usize = 3;

/// Keys that sites and mail add to the links they pass on (campaigns, click ids): not the
/// reader's own, so not worth a word.
fn passed_on(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "igshid"
                | "mc_cid"
                | "mc_eid"
                | "_ga"
                | "ref"
        )
}

/// A problem for each key the page reads that the link gives more than once (the last is
/// used), and for each key it does not read: the first few by name, then how many more.
/// Without a set or a sort, whose code would ship to every phone for this.
fn strangers(pairs: &[(String, String)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for known in KEYS {
        let (mut given, mut last) = (0, "");
        for (key, text) in pairs {
            if key == known {
                (given, last) = (given + 1, text);
            }
        }
        if given > 1 {
            problems.push(Problem::Repeated {
                key: known,
                text: clip(last),
            });
        }
    }
    let (mut named, mut more) = (Vec::new(), 0);
    for (key, text) in pairs {
        // A pair with no key (`?=5`, `?&&`) has nothing to name.
        let nameless = key.trim().is_empty();
        if nameless || KEYS.contains(&key.as_str()) || passed_on(key) || named.contains(&key) {
            continue;
        }
        if named.len() == NAMED_UNKNOWN {
            more += 1;
            continue;
        }
        named.push(key);
        problems.push(Problem::UnknownKey {
            key: clip(key),
            text: clip(text),
            like: slip_for(key),
        });
    }
    if more > 0 {
        problems.push(Problem::UnknownKeys { more });
    }
    problems
}

/// The key the page reads that `key` is a slip for: the same but for case or one letter
/// (`dff`, `DK`, `strde`), or the start of a longer word (`dilation`, `padding`). None if
/// there is no such key, or more than one.
fn slip_for(key: &str) -> Option<&'static str> {
    let key = key.to_ascii_lowercase();
    if let Some(&known) = KEYS.iter().find(|&&known| known == key) {
        return Some(known);
    }
    let mut like = None;
    for known in KEYS {
        if one_edit_apart(&key, known) || (known.len() > 1 && key.starts_with(known)) {
            if like.is_some() {
                return None;
            }
            like = Some(known);
        }
    }
    like
}

/// Whether `a` becomes `b` by one letter changed, added or taken away.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let skip = usize::from(short.len() == long.len());
    short[(head + skip).min(short.len())..] == long[(head + 1).min(long.len())..]
}

/// Reads a query string (with or without its leading `?`). Never fails: a bad value
/// falls back to its default and is named in `problems`; every other value is kept.
pub fn parse(query: &str) -> Loaded {
    let query = query.strip_prefix('?').unwrap_or(query);
    // As pairs rather than a struct, so that a repeated key cannot fail the whole query.
    let pairs = pairs(query);
    let value_of = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let mut problems = Vec::new();
    // A key whose value is one of a few words: the parsed value, or a problem and None.
    let mut choice = |key: &'static str, read: &mut dyn FnMut(&str) -> Option<()>| {
        let text = value_of(key)?;
        let read = read(text);
        if read.is_none() {
            problems.push(Problem::Choice {
                key,
                text: clip(text),
            });
        }
        read
    };

    let defaults = Layer::default();
    let mut layer = defaults;
    let mut playhead = Playhead::default();
    let (mut theme, mut embed, mut unit, mut lang) = (Theme::System, Embed::Page, Unit::Macs, None);
    let (mut net_id, mut bias, mut slide, mut frame_id) = (None, None, None, None);
    let mut transparent = false;
    choice("mode", &mut |t| Mode::parse(t).map(|m| playhead.mode = m));
    choice("scene", &mut |t| Look::parse(t).map(|l| playhead.look = l));
    choice("theme", &mut |t| Theme::parse(t).map(|x| theme = x));
    choice("embed", &mut |t| Embed::parse(t).map(|e| embed = e));
    choice("unit", &mut |t| Unit::parse(t).map(|u| unit = u));
    choice("lang", &mut |t| Lang::parse(t).map(|l| lang = Some(l)));
    choice("slide", &mut |t| Stop::parse(t).map(|s| slide = Some(s)));
    choice("id", &mut |t| {
        frame_id = Some(frame_name(t)?.to_owned());
        Some(())
    });
    choice("bg", &mut |t| {
        (t.trim() == "transparent").then(|| transparent = true)
    });
    choice("bias", &mut |t| {
        bias = Some(match t.trim() {
            "0" => false,
            "1" => true,
            _ => return None,
        });
        Some(())
    });
    choice("net", &mut |t| {
        net_id = Some(by_id(t.trim())?.id);
        Some(())
    });
    let mut own_model = false;
    choice("view", &mut |t| {
        own_model = t.trim() == "model";
        own_model.then_some(())
    });
    // An example is "Your network"'s: naming one opens that view.
    let mut example = None;
    choice("example", &mut |t| {
        example = Some(Example::parse(t)?);
        own_model = true;
        Some(())
    });

    // The camera's two angles fall back together: half of a view is no view.
    let (yaw, pitch) = (value_of("yaw"), value_of("pitch"));
    if yaw.is_some() || pitch.is_some() {
        let default = Camera::default();
        let angle = |text: Option<&str>, fallback: i32| {
            text.map_or(Some(fallback), |t| t.trim().parse::<i32>().ok())
        };
        let (y, p) = (angle(yaw, default.yaw), angle(pitch, default.pitch));
        match (y, p) {
            (Some(y), Some(p)) if Camera::new(y, p).is_some() => {
                playhead.camera = Camera { yaw: y, pitch: p };
            }
            _ => {
                let bad_yaw = y.is_none_or(|y| Camera::new(y, 0).is_none());
                let (key, text) = if bad_yaw {
                    ("yaw", yaw.unwrap_or_default())
                } else {
                    ("pitch", pitch.unwrap_or_default())
                };
                problems.push(Problem::Choice {
                    key,
                    text: clip(text),
                });
            }
        }
    }
    // P is read with the padding below, which also takes `valid` and `same`.
    for param in Param::ALL.into_iter().filter(|&p| p != Param::Pad) {
        let Some(text) = value_of(param.url_key()) else {
            continue;
        };
        match param.parse(text) {
            Ok(value) => layer = layer.with(param, value),
            Err(error) => problems.push(Problem::Number {
                key: param.url_key(),
                param,
                text: clip(text),
                error,
                fallback: defaults.get(param),
            }),
        }
    }
    if let Some(text) = value_of("pad") {
        match parse_padding(text) {
            Ok(padding) => layer.padding = padding,
            Err(error) => problems.push(Problem::Padding {
                text: clip(text),
                error,
            }),
        }
    }
    if let Some(b) = bias {
        layer.bias = b;
    }
    if let Some(text) = value_of("step") {
        let digits = text.trim();
        match digits.parse::<u64>() {
            Ok(step) => playhead.step = step,
            // More digits than a u64 holds: past the end of any animation.
            Err(_) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                playhead.step = u64::MAX;
            }
            Err(_) => problems.push(Problem::Step { text: clip(text) }),
        }
    }
    let mut multiplier = |key: &'static str| {
        let text = value_of(key)?;
        Multiplier::parse(text)
            .map_err(|error| {
                problems.push(Problem::Multiplier {
                    key,
                    text: clip(text),
                    error,
                })
            })
            .ok()
    };
    let alpha = multiplier("alpha").unwrap_or_default();
    let rho = multiplier("rho").unwrap_or_default();
    problems.extend(strangers(&pairs));

    // `net` opens the network view, where `alpha` is the network's width multiplier.
    let mut net = NetChoice::default();
    let mut view = View::Layer;
    if let Some(id) = net_id {
        view = View::Network;
        let counted =
            by_id(id).is_some_and(|n| n.any_alpha || n.alphas.contains(&&*alpha.to_string()));
        if !counted {
            problems.push(Problem::NetworkAlpha {
                net: id,
                text: clip(value_of("alpha").unwrap_or_default()),
            });
        }
        let alpha = if counted { alpha } else { Multiplier::ONE };
        net = NetChoice { id, alpha, ..net };
    }
    if let Some(text) = value_of("res") {
        match Param::Df.parse(text) {
            Ok(res) => net.res = res,
            Err(error) => problems.push(Problem::Number {
                key: "res",
                param: Param::Df,
                text: clip(text),
                error,
                fallback: net.res,
            }),
        }
    }
    if embed == Embed::Network {
        view = View::Network;
    }
    if own_model && embed == Embed::Page {
        view = View::Model(example);
    }
    let (alpha, rho) = match view {
        View::Layer | View::Model(_) => (alpha, rho),
        View::Network => (Multiplier::ONE, Multiplier::ONE),
    };

    // Each value may be fine alone while the layer still has no output, or groups that do
    // not divide it. Fall back one setting more at a time, smallest change first, keeping
    // the earlier ones; the default layer fits.
    if let Err(why) = layer.check() {
        let steps: [fn(Layer, &Layer) -> Layer; 4] = [
            |l, _| l.with(Param::Groups, 1),
            |l, d| l.with(Param::Dk, d.dk),
            |l, d| Layer {
                padding: d.padding,
                ..l
            },
            |l, d| Layer {
                dilation: d.dilation,
                ..l
            },
        ];
        let fits = steps
            .iter()
            .scan(layer, |l, step| {
                *l = step(*l, &defaults);
                Some(*l)
            })
            .find(|candidate| candidate.check().is_ok())
            .unwrap_or(defaults);
        problems.push(Problem::Layer { why, fits });
        layer = fits;
    }
    let (alpha, rho) = match (Scaled {
        base: layer,
        alpha,
        rho,
    })
    .layer()
    {
        Ok(_) => (alpha, rho),
        Err(why) => {
            problems.push(Problem::Scaled { why });
            (Multiplier::ONE, Multiplier::ONE)
        }
    };
    Loaded {
        layer,
        alpha,
        rho,
        unit,
        view,
        net,
        playhead,
        theme,
        embed,
        lang,
        slide,
        frame_id,
        transparent,
        problems,
    }
}

/// An iframe's name as a link may give it: 1 to 64 ASCII letters, digits, `-` or `_`, so
/// that a host page can use it as an element id as it is.
fn frame_name(text: &str) -> Option<&str> {
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    (1..=64)
        .contains(&text.len())
        .then_some(text)
        .filter(|t| t.chars().all(ok))
}

impl Loaded {
    /// The page's state for what the link gave.
    pub fn into_state(self) -> State {
        let scaled = Scaled {
            base: self.layer,
            alpha: self.alpha,
            rho: self.rho,
        };
        let asked = self.playhead.step;
        let mut state = State {
            lang: self.lang.unwrap_or_default(),
            unit: self.unit,
            view: self.view,
            net: self.net,
            theme: self.theme,
            embed: self.embed,
            frame_id: self.frame_id,
            transparent: self.transparent,
            ..State::scaled(scaled, self.playhead, self.problems)
        };
        // A step past the animation's end shows its last, and says so; unless a lecture's
        // stop shows a step of its own instead.
        let last = state.playhead.step;
        let own = self.slide.and_then(|stop| stop.playhead(state.costs));
        if last < asked && own.is_none() {
            let past = Problem::StepPast { last };
            match &mut state.notice {
                Some(Notice::Link(problems)) => problems.push(past),
                _ => state.notice = Some(Notice::Link(vec![past])),
            }
        }
        state.at_slide(self.slide)
    }
}

/// The query that [`parse`] reads back as `state`: its layer and animation frame always;
/// groups, bias, unit, α, ρ, the network, the animation's look and camera, the theme and
/// the embed and the lesson's stop only where they are not their defaults.
pub fn to_query(state: &State) -> String {
    let (layer, playhead, theme) = (&state.scaled.base, state.playhead, state.theme);
    let pad = match layer.padding {
        Padding::Explicit(p) => p.to_string(),
        other => padding_name(other).to_owned(),
    };
    let network = state.view == View::Network;
    let example = match state.view {
        View::Model(example) => example,
        _ => None,
    };
    let alpha = if network {
        state.net.alpha
    } else {
        state.scaled.alpha
    };
    let unless_one = |m: Multiplier| (!m.is_one()).then(|| m.to_string());
    let defaults = NetChoice::default();
    let camera = (!playhead.camera.is_default()).then_some(playhead.camera);
    let pairs: [(&str, Option<String>); 27] = [
        ("df", Some(layer.df.to_string())),
        ("dk", Some(layer.dk.to_string())),
        ("m", Some(layer.m.to_string())),
        ("n", Some(layer.n.to_string())),
        ("pad", Some(pad)),
        ("stride", Some(layer.stride.to_string())),
        ("dil", Some(layer.dilation.to_string())),
        ("g", (layer.groups != 1).then(|| layer.groups.to_string())),
        ("bias", layer.bias.then(|| "1".to_owned())),
        (
            "unit",
            (state.unit != Unit::Macs).then(|| state.unit.key().to_owned()),
        ),
        ("net", network.then(|| state.net.id.to_owned())),
        (
            "view",
            matches!(state.view, View::Model(_)).then(|| "model".to_owned()),
        ),
        ("example", example.map(|e| e.key().to_owned())),
        ("alpha", unless_one(alpha)),
        (
            "rho",
            if network {
                None
            } else {
                unless_one(state.scaled.rho)
            },
        ),
        (
            "res",
            (network && state.net.res != defaults.res).then(|| state.net.res.to_string()),
        ),
        ("mode", Some(playhead.mode.name().to_owned())),
        ("step", Some(playhead.step.to_string())),
        (
            "scene",
            (playhead.look != Look::default()).then(|| playhead.look.name().to_owned()),
        ),
        ("yaw", camera.map(|c| c.yaw.to_string())),
        ("pitch", camera.map(|c| c.pitch.to_string())),
        ("lang", Some(state.lang.key().to_owned())),
        (
            "theme",
            (theme != Theme::System).then(|| theme.name().to_owned()),
        ),
        ("embed", state.embed.key().map(str::to_owned)),
        ("slide", state.slide.map(|s| s.number().to_string())),
        ("id", state.frame_id.clone()),
        ("bg", state.transparent.then(|| "transparent".to_owned())),
    ];
    let written: Vec<String> = pairs
        .into_iter()
        .filter_map(|(key, value)| Some(format!("{key}={}", escaped(&value?))))
        .collect();
    written.join("&")
}

/// The `key=value` pairs of a query, each decoded as a form field is: `+` a space,
/// `%XX` the byte XX, what is not UTF-8 as U+FFFD. A pair without `=` has an empty value.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decoded(key), decoded(value))
        })
        .collect()
}

fn decoded(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        let hex = |at: usize| tail.get(at).and_then(|&b| char::from(b).to_digit(16));
        match (byte, hex(0), hex(1)) {
            (b'%', Some(high), Some(low)) => {
                bytes.push((high * 16 + low) as u8);
                rest = &tail[2..];
                continue;
            }
            (b'+', ..) => bytes.push(b' '),
            _ => bytes.push(byte),
        }
        rest = tail;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `value` with every byte but letters, digits, `-`, `.` and `_` as `%XX`.
fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `valid`, `same`, or an explicit number of pixels P.
pub fn parse_padding(text: &str) -> Result<Padding, InputError> {
    match text.trim() {
        "valid" => Ok(Padding::Valid),
        "same" => Ok(Padding::Same),
        number => Param::Pad.parse(number).map(Padding::Explicit),
    }
}

/// The padding's name as the page and the URL spell it ("explicit" for a number).
pub fn padding_name(padding: Padding) -> &'static str {
    match padding {
        Padding::Valid => "valid",
        Padding::Same => "same",
        Padding::Explicit(_) => "explicit",
    }
}

/// At most 16 characters of a hand-edited value, so a notice stays one line.
fn clip(text: &str) -> String {
    match text.char_indices().nth(16) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

//! The page's state in its URL query,
//! `?df=8&dk=3&m=3&n=8&pad=same&stride=1&dil=1&mode=separable&step=0`, so that a copied
//! link opens the same layer at the same frame of the animation. Groups, bias, the unit,
//! α, ρ and the network view are written only when they differ from their defaults, so
//! that older links stay as they were. Read and written with serde.

use crate::anim::{Mode, Playhead};
use crate::cost::{Layer, Multiplier, Padding, Param, Scaled, Unit};
use crate::network::NETWORKS;
use crate::state::{Embed, NetChoice, State, Theme, View};
use serde::Serialize;

/// What a URL query gave: a layer that has an output, and one sentence for each value
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
    pub problems: Vec<String>,
}

/// Reads a query string (with or without its leading `?`). Never fails: a bad value
/// falls back to its default and is named in `problems`; every other value is kept.
pub fn parse(query: &str) -> Loaded {
    let query = query.strip_prefix('?').unwrap_or(query);
    // As pairs rather than a struct, so that a repeated key cannot fail the whole query.
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    let value_of = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };

    let defaults = Layer::default();
    let mut layer = defaults;
    let mut problems = Vec::new();
    // P is read with the padding below, which also takes `valid` and `same`.
    for param in Param::ALL.into_iter().filter(|&p| p != Param::Pad) {
        let Some(text) = value_of(param.url_key()) else {
            continue;
        };
        match param.parse(text) {
            Ok(value) => layer = layer.with(param, value),
            Err(why) => problems.push(format!(
                "Ignored {}={} in the link ({why}); using {} = {}.",
                param.url_key(),
                clip(text),
                param.symbol(),
                defaults.get(param)
            )),
        }
    }
    if let Some(text) = value_of("pad") {
        match parse_padding(text) {
            Ok(padding) => layer.padding = padding,
            Err(why) => problems.push(format!(
                "Ignored pad={} in the link ({why}); using {} padding.",
                clip(text),
                padding_name(defaults.padding)
            )),
        }
    }

    let mut playhead = Playhead::default();
    if let Some(text) = value_of("mode") {
        match Mode::parse(text) {
            Some(mode) => playhead.mode = mode,
            None => problems.push(format!(
                "Ignored mode={} in the link (it is standard or separable); using {}.",
                clip(text),
                playhead.mode.name()
            )),
        }
    }
    if let Some(text) = value_of("step") {
        match text.trim().parse::<u64>() {
            Ok(step) => playhead.step = step,
            Err(_) => problems.push(format!(
                "Ignored step={} in the link (it is a whole number of steps); starting at 0.",
                clip(text)
            )),
        }
    }

    let mut theme = Theme::System;
    if let Some(text) = value_of("theme") {
        match Theme::parse(text) {
            Some(t) => theme = t,
            None => problems.push(format!(
                "Ignored theme={} in the link (it is light, dark or system); following the system.",
                clip(text)
            )),
        }
    }

    let mut embed = Embed::Page;
    if let Some(text) = value_of("embed") {
        match Embed::parse(text) {
            Some(e) => embed = e,
            None => problems.push(format!(
                "Ignored embed={} in the link (it is cost, plots, anim or network); showing the whole page.",
                clip(text)
            )),
        }
    }

    if let Some(text) = value_of("bias") {
        match text.trim() {
            "0" => layer.bias = false,
            "1" => layer.bias = true,
            _ => problems.push(format!(
                "Ignored bias={} in the link (it is 0 or 1); without bias.",
                clip(text)
            )),
        }
    }
    let mut unit = Unit::Macs;
    if let Some(text) = value_of("unit") {
        match Unit::parse(text) {
            Some(u) => unit = u,
            None => problems.push(format!(
                "Ignored unit={} in the link (it is macs or flops); counting multiply-adds.",
                clip(text)
            )),
        }
    }
    let multiplier = |key: &str, symbol: &str, problems: &mut Vec<String>| {
        let text = value_of(key)?;
        Multiplier::parse(symbol, text)
            .map_err(|why| {
                problems.push(format!(
                    "Ignored {key}={} in the link ({why}); using {symbol} = 1.",
                    clip(text)
                ))
            })
            .ok()
    };
    let alpha = multiplier("alpha", "α", &mut problems).unwrap_or_default();
    let rho = multiplier("rho", "ρ", &mut problems).unwrap_or_default();

    // `net` opens the network view, where `alpha` is the network's width multiplier.
    let (mut view, mut net) = (View::Layer, NetChoice::default());
    if let Some(text) = value_of("net") {
        match NETWORKS.iter().find(|(id, _)| *id == text.trim()) {
            Some((id, _)) => {
                view = View::Network;
                net = NetChoice {
                    id,
                    alpha,
                    res: net.res,
                };
            }
            None => problems.push(format!(
                "Ignored net={} in the link (it is mobilenet_v1 or mobilenet_v2).",
                clip(text)
            )),
        }
    }
    if let Some(text) = value_of("res") {
        match Param::Df.parse(text) {
            Ok(res) => net.res = res,
            Err(why) => problems.push(format!(
                "Ignored res={} in the link ({}); using {}.",
                clip(text),
                why.replacen("Df", "res", 1),
                net.res
            )),
        }
    }
    if embed == Embed::Network {
        view = View::Network;
    }
    let (alpha, rho) = match view {
        View::Layer => (alpha, rho),
        View::Network => (Multiplier::ONE, Multiplier::ONE),
    };

    // Each value may be fine alone while the kernel still does not fit the input.
    // Fall back one setting at a time, smallest change first; the default layer fits.
    if let Err(why) = layer.check() {
        let fits = [
            layer.with(Param::Groups, 1),
            layer.with(Param::Dk, defaults.dk),
            Layer {
                padding: defaults.padding,
                ..layer
            },
            Layer {
                padding: defaults.padding,
                dilation: defaults.dilation,
                ..layer
            },
        ]
        .into_iter()
        .find(|candidate| candidate.check().is_ok())
        .unwrap_or(defaults);
        problems.push(format!(
            "The link's layer has {why}; using Dk = {}, {} padding, dilation {}, g = {}.",
            fits.dk,
            padding_name(fits.padding),
            fits.dilation,
            fits.groups
        ));
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
            problems.push(format!("The link's α and ρ give {why}; using α = ρ = 1."));
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
        problems,
    }
}

impl Loaded {
    /// The page's state for what the link gave.
    pub fn into_state(self) -> State {
        let scaled = Scaled {
            base: self.layer,
            alpha: self.alpha,
            rho: self.rho,
        };
        State {
            unit: self.unit,
            view: self.view,
            net: self.net,
            theme: self.theme,
            embed: self.embed,
            ..State::scaled(scaled, self.playhead, self.problems)
        }
    }
}

/// The query that [`parse`] reads back as `state`: its layer and animation frame always;
/// groups, bias, unit, α, ρ, the network, the theme and the embed only where they are
/// not their defaults.
pub fn to_query(state: &State) -> String {
    #[derive(Serialize)]
    struct Query<'a> {
        df: u32,
        dk: u32,
        m: u32,
        n: u32,
        pad: &'a str,
        stride: u32,
        dil: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        g: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        bias: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        net: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        alpha: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        rho: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        res: Option<u32>,
        mode: &'a str,
        step: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        theme: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        embed: Option<&'a str>,
    }
    let (layer, playhead, theme) = (&state.scaled.base, state.playhead, state.theme);
    let pad = match layer.padding {
        Padding::Explicit(p) => p.to_string(),
        other => padding_name(other).to_owned(),
    };
    let network = state.view == View::Network;
    let alpha = if network {
        state.net.alpha
    } else {
        state.scaled.alpha
    };
    let unless_one = |m: Multiplier| (!m.is_one()).then(|| m.to_string());
    let defaults = NetChoice::default();
    serde_urlencoded::to_string(Query {
        df: layer.df,
        dk: layer.dk,
        m: layer.m,
        n: layer.n,
        pad: &pad,
        stride: layer.stride,
        dil: layer.dilation,
        g: (layer.groups != 1).then_some(layer.groups),
        bias: layer.bias.then_some(1),
        unit: (state.unit != Unit::Macs).then(|| state.unit.key()),
        net: network.then_some(state.net.id),
        alpha: unless_one(alpha),
        rho: if network {
            None
        } else {
            unless_one(state.scaled.rho)
        },
        res: (network && state.net.res != defaults.res).then_some(state.net.res),
        mode: playhead.mode.name(),
        step: playhead.step,
        theme: (theme != Theme::System).then(|| theme.name()),
        embed: state.embed.key(),
    })
    .unwrap_or_default()
}

/// `valid`, `same`, or an explicit number of pixels P.
pub fn parse_padding(text: &str) -> Result<Padding, String> {
    match text.trim() {
        "valid" => Ok(Padding::Valid),
        "same" => Ok(Padding::Same),
        number => Param::Pad
            .parse(number)
            .map(Padding::Explicit)
            .map_err(|why| format!("padding is valid, same or a number; {why}")),
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

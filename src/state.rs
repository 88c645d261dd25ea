//! The one piece of state, the layer, and the actions that change it. Every change is
//! checked: a layer without an output is refused with a notice, so the page always
//! shows the last layer that works.

use crate::anim::{Mode, Playhead, Timeline};
use crate::cost::{Costs, Layer, Padding, Param};
use crate::query::padding_name;
use std::rc::Rc;
use yew::Reducible;

/// Light or dark colours: following the system, or chosen (and then kept in the URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == text.trim())
    }

    /// Whether to draw dark, given what the system asks for.
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// Which part of the page shows: all of it, or one panel for an iframe in a blog post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Embed {
    #[default]
    Page,
    /// The controls, the headline and the four counts.
    Cost,
    /// The three charts.
    Plots,
    /// The animation.
    Anim,
}

impl Embed {
    /// The `embed` value in the URL (none for the whole page).
    pub fn key(self) -> Option<&'static str> {
        match self {
            Embed::Page => None,
            Embed::Cost => Some("cost"),
            Embed::Plots => Some("plots"),
            Embed::Anim => Some("anim"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Embed::Page => "whole page",
            Embed::Cost => "counts",
            Embed::Plots => "charts",
            Embed::Anim => "animation",
        }
    }

    pub fn parse(text: &str) -> Option<Embed> {
        [Embed::Cost, Embed::Plots, Embed::Anim]
            .into_iter()
            .find(|e| e.key() == Some(text.trim()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The layer with its output size: only a layer that has an output gets here.
    pub costs: Costs,
    /// Where the animation stands; its step never passes the end of the timeline.
    pub playhead: Playhead,
    pub theme: Theme,
    pub embed: Embed,
    /// What the page has to tell the user: values it refused, or a link it repaired.
    pub notice: Option<String>,
}

pub enum Action {
    Set(Param, u32),
    SetPadding(Padding),
    SetMode(Mode),
    SetStep(u64),
    SetTheme(Theme),
    DismissNotice,
}

impl State {
    /// The state for a layer read from a link, with what was wrong with the link.
    pub fn new(layer: Layer, playhead: Playhead, problems: Vec<String>) -> State {
        let notice = (!problems.is_empty()).then(|| problems.join(" "));
        let costs = Costs::of(&layer).unwrap_or_default();
        State {
            costs,
            playhead: clamped(playhead, costs),
            theme: Theme::System,
            embed: Embed::Page,
            notice,
        }
    }

    pub fn timeline(&self) -> Timeline {
        Timeline::new(self.costs, self.playhead.mode)
    }
}

impl State {
    /// This state with `candidate` as its layer if it has an output; otherwise the same
    /// layer with a notice that says why `change` was refused.
    fn with_layer(&self, candidate: Layer, change: String) -> State {
        match Costs::of(&candidate) {
            // A new layer keeps the animation's place as far as its timeline reaches.
            Ok(costs) => State {
                costs,
                playhead: clamped(self.playhead, costs),
                notice: None,
                ..self.clone()
            },
            Err(why) => State {
                notice: Some(format!("Kept the last layer: {change} gives {why}.")),
                ..self.clone()
            },
        }
    }

    fn with_playhead(&self, playhead: Playhead) -> State {
        State {
            playhead: clamped(playhead, self.costs),
            ..self.clone()
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (layer, playhead) = (self.costs.layer, self.playhead);
        Rc::new(match action {
            Action::Set(param, value) => self.with_layer(
                layer.with(param, value),
                format!("{} = {value}", param.symbol()),
            ),
            Action::SetPadding(padding) => self.with_layer(
                Layer { padding, ..layer },
                format!("{} padding", padding_name(padding)),
            ),
            Action::SetMode(mode) => self.with_playhead(Playhead { mode, ..playhead }),
            Action::SetStep(step) => self.with_playhead(Playhead { step, ..playhead }),
            Action::SetTheme(theme) => State {
                theme,
                ..(*self).clone()
            },
            Action::DismissNotice => State {
                notice: None,
                ..(*self).clone()
            },
        })
    }
}

fn clamped(playhead: Playhead, costs: Costs) -> Playhead {
    let total = Timeline::new(costs, playhead.mode).total_steps();
    Playhead {
        step: playhead.step.min(total),
        ..playhead
    }
}

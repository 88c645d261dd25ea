//! The one piece of state, the layer, and the actions that change it. Every change is
//! checked: a layer without an output is refused with a notice, so the page always
//! shows the last layer that works.

use crate::anim::{Camera, Look, Mode, Playhead, Timeline};
use crate::cost::{Costs, Layer, LayerError, Multiplier, Padding, Param, Scaled, Unit};
use crate::i18n::Lang;
use crate::lesson::Stop;
use crate::problem::Problem;
use std::rc::Rc;
use yew::Reducible;

/// The colours: following the system, or chosen (and then kept in the URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    /// For a projector in a lit room: black on white, thick lines, large highlights.
    Projector,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Projector];

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == text.trim())
    }

    /// The palette to draw in, given whether the system asks for dark.
    pub fn scheme(self, system_dark: bool) -> Scheme {
        match self {
            Theme::System if system_dark => Scheme::Dark,
            Theme::System | Theme::Light => Scheme::Light,
            Theme::Dark => Scheme::Dark,
            Theme::Projector => Scheme::Projector,
        }
    }
}

/// The palette on screen: `<html data-theme>`, whose CSS variables the canvases read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
    Projector,
}

impl Scheme {
    /// How much larger the canvases draw their lines and words in this palette: the
    /// projector's are a quarter larger.
    pub fn zoom(self) -> f64 {
        match self {
            Scheme::Projector => 1.25,
            Scheme::Light | Scheme::Dark => 1.0,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
            Scheme::Projector => "projector",
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
    /// The network table.
    Network,
}

impl Embed {
    /// The `embed` value in the URL (none for the whole page).
    pub fn key(self) -> Option<&'static str> {
        match self {
            Embed::Page => None,
            Embed::Cost => Some("cost"),
            Embed::Plots => Some("plots"),
            Embed::Anim => Some("anim"),
            Embed::Network => Some("network"),
        }
    }

    pub fn parse(text: &str) -> Option<Embed> {
        [Embed::Cost, Embed::Plots, Embed::Anim, Embed::Network]
            .into_iter()
            .find(|e| e.key() == Some(text.trim()))
    }
}

/// What the page is about: one layer, or a whole network layer by layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Layer,
    Network,
    /// "Your network": a reader's own ONNX model, counted (`view=model`), or one of its
    /// examples (`example=`; a reader's own file is not in the state: a link cannot
    /// carry it).
    Model(Option<Example>),
}

/// One of the networks "Your network" opens for a reader with no ONNX file at hand
/// (`example=`): its weights' values left out, their shapes kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// Standard convolutions: what the trick would buy it.
    ResNet18,
    /// Built on the trick.
    MobileNetV2,
}

impl Example {
    pub const ALL: [Example; 2] = [Example::ResNet18, Example::MobileNetV2];

    /// Its name in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Example::ResNet18 => "resnet18",
            Example::MobileNetV2 => "mobilenet_v2",
        }
    }

    /// Its file, beside the page.
    pub fn file(self) -> &'static str {
        match self {
            Example::ResNet18 => "resnet18.onnx",
            Example::MobileNetV2 => "mobilenet_v2.onnx",
        }
    }

    pub fn parse(text: &str) -> Option<Example> {
        Self::ALL.into_iter().find(|e| e.key() == text.trim())
    }
}

/// The network on show, at one width multiplier and input resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetChoice {
    /// An id of [`crate::network::NETWORKS`].
    pub id: &'static str,
    pub alpha: Multiplier,
    pub res: u32,
}

impl Default for NetChoice {
    fn default() -> Self {
        NetChoice {
            id: "mobilenet_v1",
            alpha: Multiplier::ONE,
            res: 224,
        }
    }
}

/// What the page tells the user in its notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Values of the link it opened with that it could not use.
    Link(Vec<Problem>),
    /// A change the page refused, and why; the last layer stays.
    Refused { change: Change, why: LayerError },
}

/// A change to the layer, as the notice names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Param(Param, u32),
    Padding(Padding),
    Bias(bool),
    Alpha(Multiplier),
    Rho(Multiplier),
    /// A preset or a network's row.
    Load,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The layer as the controls set it, with α and ρ still to apply.
    pub scaled: Scaled,
    /// The counts of the scaled layer: only a layer that has an output gets here.
    pub costs: Costs,
    /// Multiply-adds or FLOPs.
    pub unit: Unit,
    pub view: View,
    pub net: NetChoice,
    /// Where the animation stands; its step never passes the end of the timeline.
    pub playhead: Playhead,
    pub theme: Theme,
    pub embed: Embed,
    pub lang: Lang,
    /// What the page has to tell the user: values it refused, or a link it repaired.
    pub notice: Option<Notice>,
    /// The lesson's stop in presentation mode; `None` outside it.
    pub slide: Option<Stop>,
    /// The iframe's name on its host page (`id`), echoed in every resize message.
    pub frame_id: Option<String>,
    /// Drawn without a background of its own (`bg=transparent`), over the host page's.
    pub transparent: bool,
}

pub enum Action {
    Set(Param, u32),
    SetPadding(Padding),
    SetBias(bool),
    SetUnit(Unit),
    SetAlpha(Multiplier),
    SetRho(Multiplier),
    /// A whole layer (a preset, a network's row), named for the notice if refused;
    /// α and ρ go back to 1, since the layer is as it is meant.
    Load(Layer),
    SetView(View),
    SetNet(NetChoice),
    SetLang(Lang),
    SetMode(Mode),
    SetStep(u64),
    SetLook(Look),
    SetCamera(Camera),
    SetTheme(Theme),
    /// Presentation mode at a stop of the lesson, or leaving it with `None`.
    SetSlide(Option<Stop>),
    DismissNotice,
}

impl State {
    /// The state for a layer read from a link, with what was wrong with the link.
    pub fn new(layer: Layer, playhead: Playhead, problems: Vec<Problem>) -> State {
        State::scaled(
            Scaled {
                base: layer,
                ..Scaled::default()
            },
            playhead,
            problems,
        )
    }

    /// The same for a layer with its multipliers, as a link gives it.
    pub fn scaled(scaled: Scaled, playhead: Playhead, problems: Vec<Problem>) -> State {
        let notice = (!problems.is_empty()).then_some(Notice::Link(problems));
        let (scaled, costs) = match scaled.layer().and_then(|l| Costs::of(&l)) {
            Ok(costs) => (scaled, costs),
            Err(_) => (Scaled::default(), Costs::default()),
        };
        State {
            scaled,
            costs,
            unit: Unit::Macs,
            view: View::Layer,
            net: NetChoice::default(),
            lang: Lang::En,
            playhead: clamped(playhead, costs),
            theme: Theme::System,
            embed: Embed::Page,
            notice,
            slide: None,
            frame_id: None,
            transparent: false,
        }
    }

    pub fn timeline(&self) -> Timeline {
        Timeline::new(self.costs, self.playhead.mode)
    }
}

impl State {
    /// This state with `candidate` as its layer if it has an output; otherwise the same
    /// layer with a notice that says why `change` was refused.
    fn with_layer(&self, candidate: Scaled, change: Change) -> State {
        match candidate.layer().and_then(|l| Costs::of(&l)) {
            // A new layer keeps the animation's place as far as its timeline reaches.
            Ok(costs) => State {
                scaled: candidate,
                costs,
                playhead: clamped(self.playhead, costs),
                notice: None,
                ..self.clone()
            },
            Err(why) => State {
                notice: Some(Notice::Refused { change, why }),
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

    /// This state at `slide`: a stop with the animation sets its step and camera for the
    /// layer now on screen.
    pub fn at_slide(&self, slide: Option<Stop>) -> State {
        let playhead = slide.and_then(|stop| stop.playhead(self.costs));
        State {
            slide,
            ..self.with_playhead(playhead.unwrap_or(self.playhead))
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (scaled, playhead) = (self.scaled, self.playhead);
        let layer = scaled.base;
        let base = |base| Scaled { base, ..scaled };
        let changes_layer = matches!(
            action,
            Action::Set(..)
                | Action::SetPadding(_)
                | Action::SetBias(_)
                | Action::SetAlpha(_)
                | Action::SetRho(_)
                | Action::Load(_)
        );
        let next = match action {
            Action::Set(param, value) => {
                self.with_layer(base(layer.with(param, value)), Change::Param(param, value))
            }
            Action::SetPadding(padding) => {
                self.with_layer(base(Layer { padding, ..layer }), Change::Padding(padding))
            }
            Action::SetBias(bias) => {
                self.with_layer(base(Layer { bias, ..layer }), Change::Bias(bias))
            }
            Action::SetAlpha(alpha) => {
                self.with_layer(Scaled { alpha, ..scaled }, Change::Alpha(alpha))
            }
            Action::SetRho(rho) => self.with_layer(Scaled { rho, ..scaled }, Change::Rho(rho)),
            Action::Load(layer) => State {
                view: View::Layer,
                ..self.with_layer(
                    Scaled {
                        base: layer,
                        ..Scaled::default()
                    },
                    Change::Load,
                )
            },
            Action::SetLang(lang) => State {
                lang,
                ..(*self).clone()
            },
            Action::SetUnit(unit) => State {
                unit,
                ..(*self).clone()
            },
            Action::SetView(view) => State {
                view,
                ..(*self).clone()
            },
            Action::SetNet(net) => State {
                net,
                ..(*self).clone()
            },
            Action::SetMode(mode) => self.with_playhead(Playhead { mode, ..playhead }),
            Action::SetStep(step) => self.with_playhead(Playhead { step, ..playhead }),
            Action::SetLook(look) => self.with_playhead(Playhead { look, ..playhead }),
            Action::SetCamera(camera) => self.with_playhead(Playhead { camera, ..playhead }),
            Action::SetTheme(theme) => State {
                theme,
                ..(*self).clone()
            },
            Action::SetSlide(slide) => self.at_slide(slide),
            Action::DismissNotice => State {
                notice: None,
                ..(*self).clone()
            },
        };
        // On a lesson's stop a new layer moves the animation to the same moment of it:
        // "every channel done" stays done.
        Rc::new(if changes_layer && next.slide.is_some() {
            next.at_slide(next.slide)
        } else {
            next
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

//! The lecture: ten stops a clicker walks through, built from the layer on screen. Each
//! stop is a whole state (the panel shown and, on the animation's stops, its step and
//! camera), so going back restores it and a link (`slide=`) opens it.

use crate::anim::{Camera, Look, Mode, Phase, Playhead, Timeline};
use crate::cost::Costs;
use crate::i18n::Lang;

/// One stop of the lesson, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stop {
    /// The layer, and the question the lesson answers.
    Question,
    /// One depthwise step: the first filter at the first position of channel 1.
    DepthwiseFirst,
    /// The same filter shape at the first position of channel 2.
    DepthwiseSecond,
    /// Every channel filtered: the depthwise counter equals its formula.
    DepthwiseDone,
    /// One pointwise step: a 1 x 1 column through all the channels.
    PointwiseColumn,
    /// Every filter at every position: the counter equals the separable total.
    PointwiseDone,
    /// The four counts and their formulas.
    Counts,
    /// The ratio from the counts, and the article's closed form.
    Ratio,
    /// R against N, with this layer marked.
    RatioChart,
    /// A whole network, where the trick pays.
    Network,
}

/// What a stop shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Question,
    Animation,
    Counts,
    Ratio,
    Chart,
    Network,
}

impl Stop {
    pub const ALL: [Stop; 10] = [
        Stop::Question,
        Stop::DepthwiseFirst,
        Stop::DepthwiseSecond,
        Stop::DepthwiseDone,
        Stop::PointwiseColumn,
        Stop::PointwiseDone,
        Stop::Counts,
        Stop::Ratio,
        Stop::RatioChart,
        Stop::Network,
    ];

    /// The stop's number as a lecturer says it and a link writes it: 1 to 10.
    pub fn number(self) -> usize {
        Stop::ALL.iter().position(|&s| s == self).unwrap_or(0) + 1
    }

    /// The stop numbered `number` (from 1), if there is one.
    pub fn numbered(number: usize) -> Option<Stop> {
        number
            .checked_sub(1)
            .and_then(|i| Stop::ALL.get(i).copied())
    }

    /// The URL's `slide` value.
    pub fn parse(text: &str) -> Option<Stop> {
        text.trim().parse().ok().and_then(Stop::numbered)
    }

    /// The next stop, or this one at the end.
    pub fn next(self) -> Stop {
        Stop::numbered(self.number() + 1).unwrap_or(self)
    }

    /// The stop before, or this one at the start.
    pub fn previous(self) -> Stop {
        Stop::numbered(self.number() - 1).unwrap_or(self)
    }

    pub fn panel(self) -> Panel {
        match self {
            Stop::Question => Panel::Question,
            Stop::DepthwiseFirst
            | Stop::DepthwiseSecond
            | Stop::DepthwiseDone
            | Stop::PointwiseColumn
            | Stop::PointwiseDone => Panel::Animation,
            Stop::Counts => Panel::Counts,
            Stop::Ratio => Panel::Ratio,
            Stop::RatioChart => Panel::Chart,
            Stop::Network => Panel::Network,
        }
    }

    /// Where the animation stands at this stop, for the layer `costs`: the separable
    /// convolution, the volumes seen from the default camera, at the step the stop is
    /// about. `None` for stops without the animation.
    pub fn playhead(self, costs: Costs) -> Option<Playhead> {
        let timeline = Timeline::new(costs, Mode::Separable);
        let depthwise = timeline.phase_steps(Phase::Depthwise);
        let positions = depthwise / u64::from(costs.layer.m.max(1));
        let step = match self {
            Stop::DepthwiseFirst => 1,
            // With one channel there is no second: the stop stays on the first.
            Stop::DepthwiseSecond => (positions + 1).min(depthwise),
            Stop::DepthwiseDone => depthwise,
            Stop::PointwiseColumn => depthwise + 1,
            Stop::PointwiseDone => timeline.total_steps(),
            _ => return None,
        };
        Some(Playhead {
            mode: Mode::Separable,
            step,
            look: Look::Volume,
            camera: Camera::default(),
        })
    }

    /// The stop's title on its slide.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Stop::Question => lang.tr("The layer, and the question", "这一层，和要回答的问题"),
            Stop::DepthwiseFirst => lang.tr(
                "Depthwise: one filter on channel 1",
                "深度卷积：通道 1 上的一个卷积核",
            ),
            Stop::DepthwiseSecond => lang.tr(
                "Depthwise: the same on channel 2",
                "深度卷积：通道 2 上也一样",
            ),
            Stop::DepthwiseDone => lang.tr(
                "Depthwise: every channel done",
                "深度卷积：所有通道都完成了",
            ),
            Stop::PointwiseColumn => lang.tr(
                "Pointwise: one 1 × 1 column through all channels",
                "逐点卷积：一个 1 × 1 的柱穿过所有通道",
            ),
            Stop::PointwiseDone => lang.tr("Pointwise: done", "逐点卷积：完成"),
            Stop::Counts => lang.tr("The four counts", "四个计数"),
            Stop::Ratio => lang.tr("The ratio, and its closed form", "比值，以及它的简化公式"),
            Stop::RatioChart => lang.tr(
                "R against N: this layer on the curve",
                "R 随 N 的变化：这一层在曲线上的位置",
            ),
            Stop::Network => lang.tr("A real network", "一个真实的网络"),
        }
    }
}

/// Where the keyboard's focus is, as far as the lecture's keys care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A box that takes typing: letters, Space and the arrows are its own.
    TextBox,
    /// A control that takes the arrows: a slider, a menu, the animation's picture.
    Arrows,
    /// Anywhere else.
    Other,
}

/// What the room sees: the stop (or no lecture), and the classroom's three switches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Room {
    pub slide: Option<Stop>,
    /// B: the screen black, as slide software does.
    pub blank: bool,
    /// H: the numbers hidden so the class can guess; the next click reveals them.
    pub hidden: bool,
    /// ?: the keys listed.
    pub help: bool,
}

/// What a mouse's click on a stop (not on one of its controls) presses.
pub const CLICK: &str = "click";

/// The room after `key` (a `KeyboardEvent.key`) pressed with the focus at `focus`, or
/// `None` when the key is not the lecture's. Page Down and Page Up (a clicker's
/// buttons) move from anywhere; Space and the arrows too, unless the focused control
/// takes them; letters never reach a text box. [`CLICK`], a mouse's click on a stop,
/// reveals hidden numbers and does nothing else.
pub fn press(room: Room, key: &str, focus: Focus) -> Option<Room> {
    let typing = focus == Focus::TextBox;
    let forward = match key {
        "PageDown" => Some(true),
        "PageUp" => Some(false),
        " " if !typing => Some(true),
        "ArrowRight" | "ArrowDown" if focus == Focus::Other => Some(true),
        "ArrowLeft" | "ArrowUp" if focus == Focus::Other => Some(false),
        _ => None,
    };
    let help = Room {
        help: !room.help,
        ..room
    };
    match (room.slide, key, forward) {
        (_, "?", _) if !typing => Some(help),
        (_, "Escape", _) if room.help => Some(Room {
            help: false,
            ..room
        }),
        (None, "p" | "P", _) if !typing => Some(Room {
            slide: Some(Stop::Question),
            ..Room::default()
        }),
        (None, ..) => None,
        (Some(_), CLICK, _) if room.hidden => Some(Room {
            hidden: false,
            ..room
        }),
        (Some(_), CLICK, _) => None,
        (Some(_), "Escape", _) if room.blank => Some(Room {
            blank: false,
            ..room
        }),
        (Some(_), "Escape", _) => Some(Room::default()),
        (Some(_), "p" | "P", _) if !typing => Some(Room::default()),
        (Some(_), "b" | "B" | ".", _) if !typing => Some(Room {
            blank: !room.blank,
            ..room
        }),
        (Some(_), "h" | "H", _) if !typing => Some(Room {
            hidden: !room.hidden,
            ..room
        }),
        // Out of the black, or the guess revealed: the click does that and no more.
        (Some(_), _, Some(_)) if room.blank => Some(Room {
            blank: false,
            ..room
        }),
        (Some(_), _, Some(true)) if room.hidden => Some(Room {
            hidden: false,
            ..room
        }),
        (Some(stop), _, Some(forward)) => Some(Room {
            slide: Some(if forward {
                stop.next()
            } else {
                stop.previous()
            }),
            ..room
        }),
        (Some(_), _, None) => None,
    }
}

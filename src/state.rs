//! The one piece of state, the layer, and the actions that change it. Every change is
//! checked: a layer without an output is refused with a notice, so the page always
//! shows the last layer that works.

use crate::cost::{Costs, Layer, Padding, Param};
use crate::query::padding_name;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The layer with its output size: only a layer that has an output gets here.
    pub costs: Costs,
    /// What the page has to tell the user: values it refused, or a link it repaired.
    pub notice: Option<String>,
}

pub enum Action {
    Set(Param, u32),
    SetPadding(Padding),
    DismissNotice,
}

impl State {
    /// The state for a layer read from a link, with what was wrong with the link.
    pub fn new(layer: Layer, problems: Vec<String>) -> State {
        let notice = (!problems.is_empty()).then(|| problems.join(" "));
        let costs = Costs::of(&layer).unwrap_or_default();
        State { costs, notice }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let layer = self.costs.layer;
        let (candidate, change) = match action {
            Action::Set(param, value) => (
                layer.with(param, value),
                format!("{} = {value}", param.symbol()),
            ),
            Action::SetPadding(padding) => (
                Layer { padding, ..layer },
                format!("{} padding", padding_name(padding)),
            ),
            Action::DismissNotice => {
                return Rc::new(State {
                    notice: None,
                    ..(*self).clone()
                })
            }
        };
        let next = match Costs::of(&candidate) {
            Ok(costs) => State {
                costs,
                notice: None,
            },
            Err(why) => State {
                costs: self.costs,
                notice: Some(format!("Kept the last layer: {change} gives {why}.")),
            },
        };
        Rc::new(next)
    }
}

//! One count: its formula in symbols, the same with today's numbers, and the exact result.

use super::formula::formula_html;
use crate::cost::Formula;
use crate::i18n::Lang;
use crate::readout::CountText;
use yew::prelude::*;

/// A card (plain markup, not a component: each component weighs about a kilobyte of
/// wasm, and the cards change with every layer anyway).
pub struct Card {
    /// The id of the element that carries the exact count in `data-value`.
    pub id: &'static str,
    pub class: &'static str,
    pub title: String,
    pub note: String,
    pub formula: Formula,
}

impl Card {
    pub fn html(&self, lang: Lang) -> Html {
        html! {
            <article class={classes!("card", self.class)}>
                <h3>{ &self.title }</h3>
                <p class="card-note">{ &self.note }</p>
                <p class="eq">{ formula_html(&self.formula, false) }</p>
                <p class="eq eq-numbers">{ "= " }{ formula_html(&self.formula, true) }</p>
                { count(self.id, self.formula.value(), lang) }
            </article>
        }
    }
}

/// An exact count with thousands separators, its short form, and the integer for machines.
/// The number is one word, never broken; a long one is set smaller, by its length, so that
/// it fits its card (the stylesheet sizes each length class to the card's width).
pub fn count(id: &'static str, value: u128, lang: Lang) -> Html {
    let CountText {
        exact,
        class,
        short,
    } = CountText::of(value, lang);
    html! {
        <p class="count">
            <span {class} {id} data-value={value.to_string()}>{ exact }</span>
            if let Some(short) = short {
                <span class="short">{ short }</span>
            }
        </p>
    }
}

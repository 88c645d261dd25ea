//! One count: its formula in symbols, the same with today's numbers, and the exact result.

use super::formula::FormulaView;
use super::hooks::use_lang;
use crate::cost::Formula;
use crate::readout::CountText;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The id of the element that carries the exact count in `data-value`.
    pub id: AttrValue,
    pub title: AttrValue,
    pub note: AttrValue,
    pub formula: Formula,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn CostCard(props: &Props) -> Html {
    let value = props.formula.value();
    html! {
        <article class={classes!("card", props.class.clone())}>
            <h3>{ &props.title }</h3>
            <p class="card-note">{ &props.note }</p>
            <p class="eq"><FormulaView formula={props.formula.clone()} /></p>
            <p class="eq eq-numbers">{ "= " }<FormulaView formula={props.formula.clone()} numbers=true /></p>
            <Count id={props.id.clone()} {value} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct CountProps {
    pub id: AttrValue,
    pub value: u128,
}

/// An exact count with thousands separators, its short form, and the integer for machines.
/// The number is one word, never broken; a long one is set smaller, by its length, so that
/// it fits its card (the stylesheet sizes each length class to the card's width).
#[function_component]
pub fn Count(props: &CountProps) -> Html {
    let value = props.value;
    let CountText {
        exact,
        class,
        short,
    } = CountText::of(value, use_lang());
    html! {
        <p class="count">
            <span {class} id={props.id.clone()} data-value={value.to_string()}>{ exact }</span>
            if let Some(short) = short {
                <span class="short">{ short }</span>
            }
        </p>
    }
}

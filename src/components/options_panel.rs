//! Everything beyond the article's four sizes: groups (from a standard convolution to a
//! depthwise one), bias, the unit counted, and MobileNet's width and resolution
//! multipliers.

use super::formula::symbol_html;
use crate::cost::{Costs, Multiplier, Scaled, Unit};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub scaled: Scaled,
    pub costs: Costs,
    pub unit: Unit,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn OptionsPanel(props: &Props) -> Html {
    let Props {
        scaled,
        costs,
        unit,
        ref on_action,
    } = *props;
    let layer = costs.layer;
    let units = Unit::ALL.map(|choice| {
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetUnit(choice));
        let label = match choice {
            Unit::Macs => "multiply-adds",
            Unit::Flops => "FLOPs",
        };
        html! {
            <button type="button" class="seg" id={format!("unit-{}", choice.key())}
                aria-pressed={(choice == unit).to_string()} {onclick}>{ label }</button>
        }
    });
    let on_bias = on_action.reform(|e: Event| {
        Action::SetBias(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let convention = match (unit, layer.bias) {
        (Unit::Macs, false) => "One multiply-add counts 1, as the papers and the counters fvcore and thop do.",
        (Unit::Macs, true) => "One multiply-add counts 1; a bias adds no multiplication, so it adds nothing here (ptflops and torchinfo add one per output value).",
        (Unit::Flops, false) => "FLOPs: 2 per multiply-add (one multiplication, one addition).",
        (Unit::Flops, true) => "FLOPs: 2 per multiply-add, plus 1 addition per output value for the bias.",
    };
    html! {
        <section class="panel options" aria-labelledby="options-title">
            <h2 id="options-title">{ "Groups, bias, units, width, resolution" }</h2>
            <GroupsControl m={scaled.base.m} groups={layer.groups} on_action={on_action.clone()} />
            <div class="option-row">
                <label class="check-label">
                    <input type="checkbox" id="bias" checked={layer.bias} onchange={on_bias} />
                    { "Bias on every convolution" }
                </label>
            </div>
            <div class="seg-group" role="group" aria-label="Count">
                <span class="seg-label">{ "Count" }</span>
                { for units }
            </div>
            <p class="panel-note" id="convention">{ convention }</p>
            <div class="multipliers">
                <MultiplierControl id="alpha" symbol="α" meaning="width multiplier: αM inputs, αN filters"
                    value={scaled.alpha} on_action={on_action.clone()} />
                <MultiplierControl id="rho" symbol="ρ" meaning="resolution multiplier: ρ·Df input"
                    value={scaled.rho} on_action={on_action.clone()} />
            </div>
            if !(scaled.alpha.is_one() && scaled.rho.is_one()) {
                <p class="panel-note" id="scaled-note">
                    { format!("Counted: M = ⌊{}·{}⌋ = {}, N = ⌊{}·{}⌋ = {}, Df = round({}·{}) = {} (MobileNets, eq. 6 and 7).",
                        scaled.alpha, scaled.base.m, layer.m,
                        scaled.alpha, scaled.base.n, layer.n,
                        scaled.rho, scaled.base.df, layer.df) }
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GroupsProps {
    /// M as set, before α: the slider runs over its divisors.
    m: u32,
    groups: u32,
    on_action: Callback<Action>,
}

/// g from 1 (standard) to M (depthwise), over the divisors of M.
#[function_component]
fn GroupsControl(props: &GroupsProps) -> Html {
    let divisors: Vec<u32> = (1..=props.m)
        .filter(|d| props.m.is_multiple_of(*d))
        .collect();
    let g = props.groups;
    let position = divisors.iter().position(|&d| d == g).unwrap_or(0);
    let on_slide = {
        let divisors = divisors.clone();
        props.on_action.reform(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let index: usize = input.value().parse().unwrap_or(0);
            let wanted = divisors.get(index).copied().unwrap_or(1);
            Action::Set(crate::cost::Param::Groups, wanted)
        })
    };
    let what = match g {
        1 => "a standard convolution".to_owned(),
        g if g == props.m => "depthwise: one channel per filter".to_owned(),
        g => format!("each filter sees M/g = {} channels", props.m / g),
    };
    html! {
        <div class="param groups">
            <div class="param-head">
                <label for="g-slider">
                    <span class="symbol">{ symbol_html("g") }</span>
                    <span class="meaning">{ "groups of the standard side" }</span>
                </label>
                <strong id="g-value" data-value={g.to_string()}>{ g }</strong>
            </div>
            <div class="param-track">
                <span aria-hidden="true">{ "1" }</span>
                <input id="g-slider" class="param-slider" type="range" min="0"
                    max={(divisors.len().saturating_sub(1)).to_string()} step="1"
                    value={position.to_string()}
                    aria-label="groups slider, over the divisors of M"
                    aria-valuetext={format!("g = {g}")} oninput={on_slide} />
                <span aria-hidden="true">{ format!("M = {}", props.m) }</span>
            </div>
            <p class="param-hint">{ what }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MultiplierProps {
    id: AttrValue,
    symbol: AttrValue,
    meaning: AttrValue,
    value: Multiplier,
    on_action: Callback<Action>,
}

/// A number box for α or ρ; what it cannot use is explained beside it.
#[function_component]
fn MultiplierControl(props: &MultiplierProps) -> Html {
    let value = props.value;
    let text = use_state(|| value.to_string());
    let error = use_state(|| None::<String>);
    {
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(value, move |value| {
            text.set(value.to_string());
            error.set(None);
        });
    }
    let on_type = {
        let (text, error) = (text.clone(), error.clone());
        let (symbol, id) = (props.symbol.clone(), props.id.clone());
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match Multiplier::parse(&symbol, &typed) {
                Ok(m) => {
                    error.set(None);
                    on_action.emit(if id == "alpha" {
                        Action::SetAlpha(m)
                    } else {
                        Action::SetRho(m)
                    });
                }
                Err(why) => error.set(Some(why)),
            }
            text.set(typed);
        })
    };
    let box_id = format!("{}-input", props.id);
    let msg_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("param", error.is_some().then_some("invalid"))}>
            <div class="param-head">
                <label for={box_id.clone()}>
                    <span class="symbol">{ symbol_html(&props.symbol) }</span>
                    <span class="meaning">{ &props.meaning }</span>
                </label>
                <input id={box_id} class="param-box" type="text" inputmode="decimal"
                    autocomplete="off" spellcheck="false" value={(*text).clone()}
                    data-value={value.to_string()}
                    aria-invalid={error.is_some().to_string()} aria-describedby={msg_id.clone()}
                    oninput={on_type} />
            </div>
            <p id={msg_id} class="param-error" aria-live="polite">
                { for (*error).clone().map(|why| format!("{why}. Kept {value}.")) }
            </p>
        </div>
    }
}

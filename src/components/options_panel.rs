//! Everything beyond the article's four sizes: groups (from a standard convolution to a
//! depthwise one), bias, the unit counted, and MobileNet's width and resolution
//! multipliers.

use super::formula::symbol_html;
use super::hooks::use_lang;
use super::param_control::said_beside;
use crate::cost::{Costs, Multiplier, MultiplierError, Scaled, Unit};
use crate::i18n::Lang;
use crate::messages;
use crate::readout::kept;
use crate::state::{Action, Change, Notice};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Groups, bias, the unit and the two multipliers, for the layer as `scaled` and counted
/// in `costs`.
pub fn options_panel(
    scaled: Scaled,
    costs: &Costs,
    unit: Unit,
    shown: Option<&Notice>,
    on_action: &Callback<Action>,
    lang: Lang,
) -> Html {
    // A refused α or ρ is said beside its box too, as a layer control's refusal is.
    let refused = |alpha: bool| {
        messages::refused_by(lang, shown, |c| match c {
            Change::Alpha(_) => alpha,
            Change::Rho(_) => !alpha,
            _ => false,
        })
        .map(AttrValue::from)
    };
    let layer = costs.layer;
    let units = Unit::ALL.map(|choice| {
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetUnit(choice));
        let label = match choice {
            Unit::Macs => lang.tr("multiply-adds", "乘加次数"),
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
        (Unit::Macs, false) => lang.tr(
            "One multiply-add counts 1, as the papers and the counters fvcore and thop do.",
            "一次乘加计 1，与论文以及 fvcore、thop 等计数工具一致。",
        ),
        (Unit::Macs, true) => lang.tr(
            "One multiply-add counts 1; a bias adds no multiplication, so it adds nothing here (ptflops and torchinfo add one per output value).",
            "一次乘加计 1；偏置不含乘法，所以这里不计（ptflops 和 torchinfo 每个输出值加 1）。",
        ),
        (Unit::Flops, false) => lang.tr(
            "FLOPs: 2 per multiply-add (one multiplication, one addition).",
            "FLOPs：每次乘加计 2（一次乘法、一次加法）。",
        ),
        (Unit::Flops, true) => lang.tr(
            "FLOPs: 2 per multiply-add, plus 1 addition per output value for the bias.",
            "FLOPs：每次乘加计 2，偏置再为每个输出值加 1 次加法。",
        ),
    };
    html! {
        <section class="panel options" aria-labelledby="options-title">
            <h2 id="options-title">{ lang.tr("Groups, bias, units, width, resolution", "分组、偏置、计数单位、宽度与分辨率") }</h2>
            <GroupsControl m={scaled.base.m} n={scaled.base.n} counted_m={layer.m}
                groups={layer.groups} on_action={on_action.clone()} />
            <div class="option-row">
                <label class="check-label">
                    <input type="checkbox" id="bias" checked={layer.bias} onchange={on_bias} />
                    { lang.tr("Bias on every convolution", "每个卷积都加偏置") }
                </label>
            </div>
            <div class="seg-group" role="group" aria-label={lang.tr("Count", "计数")}>
                <span class="seg-label">{ lang.tr("Count", "计数") }</span>
                { for units }
            </div>
            <p class="panel-note" id="convention">{ convention }</p>
            <div class="multipliers">
                <MultiplierControl id="alpha" symbol="α"
                    meaning={lang.tr("width multiplier: αM inputs, αN filters", "宽度乘子：αM 个输入通道、αN 个卷积核")}
                    value={scaled.alpha} on_action={on_action.clone()} refused={refused(true)} />
                <MultiplierControl id="rho" symbol="ρ"
                    meaning={lang.tr("resolution multiplier: ρ·Df input", "分辨率乘子：输入为 ρ·Df")}
                    value={scaled.rho} on_action={on_action.clone()} refused={refused(false)} />
            </div>
            if !(scaled.alpha.is_one() && scaled.rho.is_one()) {
                <p class="panel-note" id="scaled-note">
                    { format!("{} M = ⌊{}·{}⌋ = {}, N = ⌊{}·{}⌋ = {}, Df = round({}·{}) = {} {}",
                        lang.tr("Counted:", "计数所用："),
                        scaled.alpha, scaled.base.m, layer.m,
                        scaled.alpha, scaled.base.n, layer.n,
                        scaled.rho, scaled.base.df, layer.df,
                        lang.tr("(MobileNets, eq. 6 and 7).", "（MobileNets 论文式 6、式 7）。")) }
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GroupsProps {
    /// M and N as set, before α: the slider runs over what divides both.
    m: u32,
    n: u32,
    /// M as counted, after α: what each group sees.
    counted_m: u32,
    groups: u32,
    on_action: Callback<Action>,
}

/// g from 1 (standard) up over the common divisors of M and N, to M (depthwise) when M
/// divides N; a slider cannot offer a value the layer would refuse.
#[function_component]
fn GroupsControl(props: &GroupsProps) -> Html {
    let common = gcd(props.m, props.n);
    let divisors: Vec<u32> = (1..=common).filter(|d| common.is_multiple_of(*d)).collect();
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
    let lang = use_lang();
    let per_group = props.counted_m / g.max(1);
    let what = match (g, lang) {
        (1, _) => lang.tr("a standard convolution", "标准卷积").to_owned(),
        _ if per_group == 1 => lang
            .tr(
                "depthwise: one channel per filter",
                "深度卷积：每个卷积核只作用于一个通道",
            )
            .to_owned(),
        (_, Lang::En) => format!("each filter sees M/g = {per_group} channels"),
        (_, Lang::Zh) => format!("每个卷积核只作用于 M/g = {per_group} 个通道"),
    };
    html! {
        <div class="param groups">
            <div class="param-head">
                <label for="g-slider">
                    <span class="symbol">{ symbol_html("g") }</span>
                    <span class="meaning">{ lang.tr("groups of the standard side", "标准卷积的分组数") }</span>
                </label>
                <strong id="g-value" data-value={g.to_string()}>{ g }</strong>
            </div>
            <div class="param-track">
                <span aria-hidden="true">{ "1" }</span>
                <input id="g-slider" class="param-slider" type="range" min="0"
                    max={(divisors.len().saturating_sub(1)).to_string()} step="1"
                    value={position.to_string()}
                    aria-label={lang.tr("groups slider, over the divisors of M and N", "分组数滑块，取 M 与 N 的公约数")}
                    aria-valuetext={format!("g = {g}")} oninput={on_slide} />
                <span aria-hidden="true">{ common }</span>
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
    /// Why the page refused this multiplier's last change, said beside the box.
    refused: Option<AttrValue>,
}

/// A number box for α or ρ; what it cannot use is explained beside it.
#[function_component]
fn MultiplierControl(props: &MultiplierProps) -> Html {
    let value = props.value;
    let text = use_state(|| value.to_string());
    let error = use_state(|| None::<MultiplierError>);
    let lang = use_lang();
    {
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(value, move |value| {
            text.set(value.to_string());
            error.set(None);
        });
    }
    let on_type = {
        let (text, error) = (text.clone(), error.clone());
        let id = props.id.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match Multiplier::parse(&typed) {
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
    // Leaving the box shows the value in force again; a message stays until fixed.
    let on_leave = {
        let text = text.clone();
        Callback::from(move |_: FocusEvent| text.set(value.to_string()))
    };
    let box_id = format!("{}-input", props.id);
    let msg_id = format!("{}-error", props.id);
    let refused = props.refused.as_ref();
    let invalid = error.is_some() || (refused.is_some() && *text != value.to_string());
    let typed = (*error).map(|why| {
        kept(
            lang,
            &messages::multiplier_error(lang, &props.symbol, why),
            value,
        )
    });
    html! {
        <div class={classes!("param", invalid.then_some("invalid"))}>
            <div class="param-head">
                <label for={box_id.clone()}>
                    <span class="symbol">{ symbol_html(&props.symbol) }</span>
                    <span class="meaning">{ &props.meaning }</span>
                </label>
                <input id={box_id} class="param-box" type="text" inputmode="decimal"
                    autocomplete="off" spellcheck="false" value={(*text).clone()}
                    data-value={value.to_string()}
                    aria-invalid={invalid.to_string()} aria-describedby={msg_id.clone()}
                    oninput={on_type} onblur={on_leave} />
            </div>
            { said_beside(msg_id, typed, refused) }
        </div>
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a.max(1)
    } else {
        gcd(b, a % b)
    }
}

//! How Dp follows from Df: padding, stride and dilation, and the rule with today's numbers.

use super::formula::symbol_html;
use super::param_control::{said_beside, ParamControl};
use crate::cost::{Costs, Padding, Param};
use crate::i18n::Lang;
use crate::messages;
use crate::query::padding_name;
use crate::readout::dp_numbers;
use crate::state::{Action, Change, Notice};
use yew::prelude::*;

/// Padding, stride and dilation for `costs`' layer, and the Dp rule in force; `shown`
/// is the page's notice, which a control says again beside itself if it refused its change.
pub fn geometry_panel(
    costs: &Costs,
    shown: Option<&Notice>,
    on_action: &Callback<Action>,
    lang: Lang,
) -> Html {
    let layer = costs.layer;
    let choices = [
        Padding::Valid,
        Padding::Same,
        // From `same`, explicit padding starts where `same` was, not at none.
        Padding::Explicit(costs.explicit_padding()),
    ];
    let buttons = choices.into_iter().map(|padding| {
        let pressed = padding_name(padding) == padding_name(layer.padding);
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetPadding(padding));
        html! {
            <button type="button" class="seg" aria-pressed={pressed.to_string()}
                id={format!("pad-{}", padding_name(padding))} {onclick}>
                { messages::padding_name(lang, padding) }
            </button>
        }
    });
    // A refused padding is said under its buttons too, where the reader clicked.
    let refused =
        messages::refused_by(lang, shown, |c| matches!(c, Change::Padding(_))).map(AttrValue::from);
    let control = |param: Param| {
        let refused = messages::refused(lang, shown, param).map(AttrValue::from);
        html! { <ParamControl {param} value={layer.get(param)} on_action={on_action.clone()} {refused} /> }
    };
    html! {
        <section class="panel geometry" aria-labelledby="geometry-title">
            <h2 id="geometry-title">{ lang.tr("Output size", "输出尺寸") }</h2>
            <div class="seg-group" role="group" aria-label={lang.tr("Padding", "填充")}
                aria-describedby="padding-error">
                <span class="seg-label">{ lang.tr("Padding", "填充") }</span>
                { for buttons }
            </div>
            { said_beside("padding-error".to_owned(), None, refused.as_ref()) }
            if matches!(layer.padding, Padding::Explicit(_)) { { control(Param::Pad) } }
            <div class="pair">
                { control(Param::Stride) }
                { control(Param::Dilation) }
            </div>
            { dp_rule(costs, lang) }
        </section>
    }
}

/// Dp by the rule in force, first in symbols, then with today's numbers.
fn dp_rule(costs: &Costs, lang: Lang) -> Html {
    let Costs { layer, dp } = *costs;
    let numbers = dp_numbers(costs);
    let (rule, source) = match layer.padding {
        Padding::Same => (
            html! { <>{ "⌈" }{ symbol_html("Df") }{ " / S⌉" }</> },
            lang.tr(
                "TensorFlow's same padding keeps ⌈Df / S⌉ whatever the kernel",
                "TensorFlow 的 same 填充无论卷积核多大都保持 ⌈Df / S⌉",
            ),
        ),
        Padding::Valid | Padding::Explicit(_) => (
            html! {
                <>
                    { "⌊(" }{ symbol_html("Df") }{ " + 2P − D(" }{ symbol_html("Dk") }
                    { " − 1) − 1) / S⌋ + 1" }
                </>
            },
            lang.tr(
                "Dumoulin & Visin, A guide to convolution arithmetic, relationship 15",
                "Dumoulin 与 Visin《深度学习卷积算术指南》关系式 15",
            ),
        ),
    };
    html! {
        <div class="dp-rule" title={source}>
            <p class="dp-symbols">{ symbol_html("Dp") }{ " = " }{ rule }</p>
            <p class="dp-numbers">{ "= " }{ numbers }{ " = " }
                <strong id="dp" data-value={dp.to_string()}>{ dp }</strong>
            </p>
        </div>
    }
}

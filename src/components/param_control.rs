//! A slider and a number box for one parameter, kept in sync. The box accepts typing;
//! what it cannot use is explained beside it while the last good value stays in force.

use super::formula::symbol_html;
use super::hooks::use_lang;
use crate::cost::{InputError, Limit, Param};
use crate::i18n::Lang;
use crate::messages;
use crate::readout::{kept, slider_valuetext};
use crate::slider::Scale;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub param: Param,
    pub value: u32,
    /// The app's one dispatcher, which stays the same from render to render, so that a
    /// control whose value did not change is not rendered again.
    pub on_action: Callback<Action>,
    /// Why the page refused this parameter's last change (the layer would have no
    /// output), said beside the control as in the notice.
    #[prop_or_default]
    pub refused: Option<AttrValue>,
}

#[function_component]
pub fn ParamControl(props: &Props) -> Html {
    let Props {
        param,
        value,
        ref on_action,
        ref refused,
    } = *props;
    let on_change = on_action.reform(move |v| Action::Set(param, v));
    let scale = Scale::of(param.limit());
    let text = use_state(|| value.to_string());
    let error = use_state(|| None::<InputError>);
    let lang = use_lang();
    {
        // A change from elsewhere (the slider, a refused value, a link) resets the box.
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(value, move |value| {
            text.set(value.to_string());
            error.set(None);
        });
    }

    let on_slide = {
        let on_change = on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let wanted = input.value().parse().map(|pos| scale.value_at(pos));
            // Put the thumb back where the current value is: if the change is taken, the
            // re-render moves it on; if it is refused, it stays with the value kept.
            input.set_value(&scale.position(value).to_string());
            if let Ok(wanted) = wanted {
                on_change.emit(wanted);
            }
        })
    };
    let on_slider_key = {
        let on_change = on_change.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(wanted) = scale.key_step(&e.key(), value) {
                e.prevent_default();
                on_change.emit(wanted);
            }
        })
    };
    let on_type = {
        let (text, error, on_change) = (text.clone(), error.clone(), on_change.clone());
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match param.parse(&typed) {
                Ok(v) => {
                    error.set(None);
                    on_change.emit(v);
                }
                Err(why) => error.set(Some(why)),
            }
            text.set(typed);
        })
    };
    let on_box_key = {
        let on_change = on_change.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { 10 } else { 1 };
            let wanted = match e.key().as_str() {
                "ArrowUp" => scale.clamp(i64::from(value) + step),
                "ArrowDown" => scale.clamp(i64::from(value) - step),
                _ => return,
            };
            e.prevent_default();
            on_change.emit(wanted);
        })
    };
    let on_leave = {
        // Leaving the box shows the value in force again; a message stays until fixed.
        let text = text.clone();
        Callback::from(move |_: FocusEvent| text.set(value.to_string()))
    };

    let key = param.url_key();
    let (box_id, slider_id, msg_id) = (
        format!("{key}-input"),
        format!("{key}-slider"),
        format!("{key}-error"),
    );
    let Limit { min, max } = param.limit();
    // The box is wrong while it holds what was refused; the slider, put back, is not.
    let invalid = error.is_some() || (refused.is_some() && *text != value.to_string());
    let typed = (*error).map(|why| {
        kept(
            lang,
            &messages::input_error(lang, param, param.symbol(), why),
            value,
        )
    });
    html! {
        <div class={classes!("param", invalid.then_some("invalid"))}>
            <div class="param-head">
                <label for={box_id.clone()}>
                    <span class="symbol">{ symbol_html(param.symbol()) }</span>
                    <span class="meaning">{ messages::meaning(lang, param) }</span>
                </label>
                <input id={box_id} class="param-box" type="text" inputmode="numeric"
                    autocomplete="off" spellcheck="false"
                    value={(*text).clone()}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={msg_id.clone()}
                    oninput={on_type} onkeydown={on_box_key} onblur={on_leave} />
            </div>
            <div class="param-track">
                <span aria-hidden="true">{ min }</span>
                <input id={slider_id} class="param-slider" type="range"
                    min="0" max={scale.last_position().to_string()} step="1"
                    value={scale.position(value).to_string()}
                    aria-label={match lang {
                        Lang::En => format!("{} slider", messages::meaning(lang, param)),
                        Lang::Zh => format!("{}滑块", messages::meaning(lang, param)),
                    }}
                    aria-valuetext={slider_valuetext(param, value)}
                    oninput={on_slide} onkeydown={on_slider_key} />
                <span aria-hidden="true">{ max }</span>
            </div>
            { said_beside(msg_id, typed, refused.as_ref()) }
        </div>
    }
}

/// The line beside a control: what is wrong with what was typed, read out; else why the
/// page refused the control's last change, which the notice reads out already.
pub fn said_beside(id: String, typed: Option<String>, refused: Option<&AttrValue>) -> Html {
    let live = if typed.is_some() { "polite" } else { "off" };
    let words = typed.or_else(|| refused.map(AttrValue::to_string));
    html! { <p {id} class="param-error" aria-live={live}>{ words }</p> }
}

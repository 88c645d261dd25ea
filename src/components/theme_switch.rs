//! Light, dark, or as the system says: a lecture hall's projector often wants the other one.

use crate::state::{Action, Theme};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub theme: Theme,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn ThemeSwitch(props: &Props) -> Html {
    let buttons = Theme::ALL.map(|theme| {
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::SetTheme(theme));
        html! {
            <button type="button" class="seg seg-small" id={format!("theme-{}", theme.name())}
                aria-pressed={(theme == props.theme).to_string()} {onclick}>{ theme.name() }</button>
        }
    });
    html! {
        <div class="seg-group theme-switch" role="group" aria-label="Colours">{ for buttons }</div>
    }
}

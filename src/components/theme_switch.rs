//! Light, dark, or as the system says, or the projector palette: a lecture hall's
//! projector often wants the other one, or more contrast than either.

use super::hooks::use_lang;
use crate::state::{Action, Theme};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub theme: Theme,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn ThemeSwitch(props: &Props) -> Html {
    let lang = use_lang();
    let buttons = Theme::ALL.map(|theme| {
        let label = match theme {
            Theme::System => lang.tr("system", "跟随系统"),
            Theme::Light => lang.tr("light", "浅色"),
            Theme::Dark => lang.tr("dark", "深色"),
            Theme::Projector => lang.tr("projector", "投影"),
        };
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| Action::SetTheme(theme));
        html! {
            <button type="button" class="seg seg-small" id={format!("theme-{}", theme.name())}
                aria-pressed={(theme == props.theme).to_string()} {onclick}>{ label }</button>
        }
    });
    html! {
        <div class="seg-group theme-switch" role="group" aria-label={lang.tr("Colours", "配色")}>{ for buttons }</div>
    }
}

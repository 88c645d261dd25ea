//! Light, dark, or as the system says, or the projector palette: a lecture hall's
//! projector often wants the other one, or more contrast than either.

use crate::i18n::Lang;
use crate::state::{Action, Theme};
use yew::prelude::*;

/// The four choices, `theme` pressed.
pub fn theme_switch(theme: Theme, on_action: &Callback<Action>, lang: Lang) -> Html {
    let buttons = Theme::ALL.map(|choice| {
        let label = match choice {
            Theme::System => lang.tr("system", "跟随系统"),
            Theme::Light => lang.tr("light", "浅色"),
            Theme::Dark => lang.tr("dark", "深色"),
            Theme::Projector => lang.tr("projector", "投影"),
        };
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetTheme(choice));
        html! {
            <button type="button" class="seg seg-small" id={format!("theme-{}", choice.name())}
                aria-pressed={(choice == theme).to_string()} {onclick}>{ label }</button>
        }
    });
    html! {
        <div class="seg-group theme-switch" role="group" aria-label={lang.tr("Colours", "配色")}>{ for buttons }</div>
    }
}

//! The page's one status line: refused values and repaired links, read out by screen readers.

use crate::i18n::Lang;
use crate::messages;
use crate::state::{Action, Notice as Message};
use yew::prelude::*;

/// The status line, with `message` or empty.
pub fn notice(message: Option<&Message>, on_action: &Callback<Action>, lang: Lang) -> Html {
    // The live region stays in the page even when empty, so that a message put into it
    // later is announced.
    let body = message.map(|message| {
        let on_dismiss = on_action.reform(|_: MouseEvent| Action::DismissNotice);
        html! {
            <>
                <span class="notice-icon" aria-hidden="true">{ "!" }</span>
                <span id="notice-text">{ messages::notice(lang, message) }</span>
                <button class="notice-close" onclick={on_dismiss}
                    aria-label={lang.tr("Dismiss this notice", "关闭这条提示")}>
                    { "×" }
                </button>
            </>
        }
    });
    html! {
        <div id="notice" class={classes!("notice", message.is_none().then_some("empty"))}
            role="status" aria-live="polite">
            { for body }
        </div>
    }
}

//! The page's one status line: refused values and repaired links, read out by screen readers.

use super::hooks::use_lang;
use crate::messages;
use crate::state::{Action, Notice as Message};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub message: Option<Message>,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn Notice(props: &Props) -> Html {
    // The live region stays in the page even when empty, so that a message put into it
    // later is announced.
    let lang = use_lang();
    let body = props.message.as_ref().map(|message| {
        let on_dismiss = props
            .on_action
            .reform(|_: MouseEvent| Action::DismissNotice);
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
        <div id="notice" class={classes!("notice", props.message.is_none().then_some("empty"))}
            role="status" aria-live="polite">
            { for body }
        </div>
    }
}

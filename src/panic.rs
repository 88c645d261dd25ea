//! A panic that escapes becomes a visible message instead of a dead page.

/// Installs a panic hook that logs the panic and shows it in the page's `#fatal` box.
pub fn show_on_page() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("sepconv hit a bug and stopped: {info}");
        web_sys::console::error_1(&message.as_str().into());
        show_message(&message);
    }));
}

/// Puts `message` into the page's `#fatal` box and reveals it.
pub fn show_message(message: &str) {
    let fatal = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("fatal"));
    if let Some(fatal) = fatal {
        fatal.set_text_content(Some(&format!(
            "{message}. Reload the page to start again: the link still holds your settings."
        )));
        let _ = fatal.remove_attribute("hidden");
    }
}

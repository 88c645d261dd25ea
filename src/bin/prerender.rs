//! `prerender dist/index.html`: renders the default page, in English and in Chinese,
//! with yew's server-side rendering, and writes the English one into the built page and
//! the Chinese one into a file beside it (see `sepconv::prerender`). `make build` runs it
//! after Trunk; it needs the `prerender` feature, which the wasm never has.

use sepconv::components::{App, AppProps};
use sepconv::i18n::Lang;
use std::process::ExitCode;
use yew::LocalServerRenderer;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender dist/index.html");
        return ExitCode::FAILURE;
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(err) => {
            eprintln!("prerender: cannot read {path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("prerender: no runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let [english, chinese] = [Lang::En, Lang::Zh].map(|lang| {
        let props = AppProps { lang: Some(lang) };
        runtime.block_on(
            LocalServerRenderer::<App>::with_props(props)
                .hydratable(false)
                .render(),
        )
    });
    let Some(built) = sepconv::prerender::inject(&page, &english, &chinese) else {
        eprintln!(
            "prerender: {path} has no #app with a <noscript> in it, or is pre-rendered already, \
             or the English markup holds a </noscript"
        );
        return ExitCode::FAILURE;
    };
    // The Chinese page, in a file of its own beside the page.
    let chinese_file = std::path::Path::new(&path).with_file_name(&built.chinese_file);
    if let Err(err) = std::fs::write(&chinese_file, &built.chinese) {
        eprintln!("prerender: cannot write {}: {err}", chinese_file.display());
        return ExitCode::FAILURE;
    }
    let Some(built) = sepconv::prerender::with_loader(&built.page) else {
        eprintln!("prerender: {path} has no Trunk loader to replace");
        return ExitCode::FAILURE;
    };
    let Some(built) = sepconv::prerender::with_home(&built) else {
        eprintln!("prerender: {path} has no place for the default page's own link");
        return ExitCode::FAILURE;
    };
    // The stylesheet goes into the page; nothing else asks for its file.
    let Some(name) = sepconv::prerender::stylesheet(&built).map(str::to_owned) else {
        eprintln!("prerender: {path} has no stylesheet link");
        return ExitCode::FAILURE;
    };
    let sheet = std::path::Path::new(&path).with_file_name(&name);
    let css = match std::fs::read_to_string(&sheet) {
        Ok(css) => css,
        Err(err) => {
            eprintln!("prerender: cannot read {}: {err}", sheet.display());
            return ExitCode::FAILURE;
        }
    };
    let Some(built) = sepconv::prerender::with_style(&built, &css) else {
        eprintln!("prerender: {name} would end its <style> early");
        return ExitCode::FAILURE;
    };
    if let Err(err) = std::fs::write(&path, built) {
        eprintln!("prerender: cannot write {path}: {err}");
        return ExitCode::FAILURE;
    }
    if let Err(err) = std::fs::remove_file(&sheet) {
        eprintln!("prerender: cannot remove {}: {err}", sheet.display());
        return ExitCode::FAILURE;
    }
    println!(
        "prerender: {path} has the default page ({} bytes of markup in English), {} has it \
         in Chinese ({} bytes)",
        english.len(),
        chinese_file.display(),
        chinese.len()
    );
    ExitCode::SUCCESS
}

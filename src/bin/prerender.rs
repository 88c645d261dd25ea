//! `prerender dist/index.html`: renders the default page with yew's server-side
//! rendering and writes it into the built page (see `sepconv::prerender`). `make build`
//! runs it after Trunk; it needs the `prerender` feature, which the wasm never has.

use sepconv::components::App;
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
    let runtime = tokio::runtime::Builder::new_current_thread().build();
    let markup = match runtime {
        Ok(runtime) => {
            runtime.block_on(LocalServerRenderer::<App>::new().hydratable(false).render())
        }
        Err(err) => {
            eprintln!("prerender: no runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let Some(built) = sepconv::prerender::inject(&page, &markup) else {
        eprintln!(
            "prerender: {path} has no #app with a <noscript> in it, or is pre-rendered already"
        );
        return ExitCode::FAILURE;
    };
    let Some(built) = sepconv::prerender::with_loader(&built) else {
        eprintln!("prerender: {path} has no Trunk loader to replace");
        return ExitCode::FAILURE;
    };
    if let Err(err) = std::fs::write(&path, built) {
        eprintln!("prerender: cannot write {path}: {err}");
        return ExitCode::FAILURE;
    }
    println!(
        "prerender: {path} has the default page ({} bytes of markup)",
        markup.len()
    );
    ExitCode::SUCCESS
}

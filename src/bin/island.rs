//! The first-load island (see `sepconv::island`): built on its own by
//! `scripts/wasm-parts.sh`, loaded before the full app by the page's loader.

fn main() {
    sepconv::island::start();
}

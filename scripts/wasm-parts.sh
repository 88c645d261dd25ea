#!/usr/bin/env bash
# Builds the wasms that are not the app itself into the folder given (Trunk's staging
# folder when Trunk runs this as a hook; see Trunk.toml):
# - island.js and island_bg.wasm: the first-load island (src/island.rs, no yew), which
#   makes the pre-rendered page's sliders and counts live before the app has loaded;
# - measure-kernels.wasm: the "Run it" panel's kernels (crate `kernels/`, feature `worker`),
#   with SIMD128 on and optimised for speed, loaded on demand in a worker;
# - model-reader.wasm: the ONNX reader of "Your network" (crate `onnx/`, feature `worker`),
#   loaded on demand in a worker.
# Then it shortens the names the app and the island import from their wasm-bindgen glue,
# and minifies the glue, ES modules that every reader loads and Trunk's minifier leaves as
# they are (2 and 1 KB less, gzipped). The
# workers load on demand, and embed.js stays readable for the bloggers who include it.
# Last, it takes the comments out of the stylesheets that load on demand, which Trunk copies
# as they are (scripts/strip-css.mjs).
# The wasms built for size are told that their lowest 1 KB of memory is unused, as the app's
# is (index.html): the stack grows down from 1 MiB and the data sits above it. Every wasm
# goes without the sections that name its compiler and target's features, which no browser
# reads (0.12 KB gzipped each).
# The island shares the app's target folder (the same flags, so nothing is built twice);
# the workers' own target folders keep the page's build, which has no SIMD, from being
# rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TRUNK_STAGING_DIR:?a folder to write to}}
cargo build --quiet --release --target wasm32-unknown-unknown --bin island
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name island \
  target/wasm32-unknown-unknown/release/island.wasm
wasm-opt -Oz --low-memory-unused --strip-debug --strip-producers --strip-target-features "$out/island_bg.wasm" -o "$out/island_bg.wasm"
RUSTFLAGS="-C target-feature=+simd128" cargo rustc --quiet --release \
  --target wasm32-unknown-unknown --target-dir target/kernels \
  -p sepconv-kernels --features worker --lib --crate-type cdylib
wasm-opt -O3 --strip-debug --strip-producers --strip-target-features \
  target/kernels/wasm32-unknown-unknown/release/sepconv_kernels.wasm -o "$out/measure-kernels.wasm"
cargo rustc --quiet --release \
  --target wasm32-unknown-unknown --target-dir target/model-reader \
  -p sepconv-onnx --features worker --lib --crate-type cdylib
wasm-opt -Oz --low-memory-unused --strip-debug --strip-producers --strip-target-features \
  target/model-reader/wasm32-unknown-unknown/release/sepconv_onnx.wasm -o "$out/model-reader.wasm"
for glue in "$out"/sepconv-*.js "$out/island.js"; do
  # The names that scripts/single.mjs calls the glue by stay as they are.
  terser "$glue" --module --compress --mangle 'reserved=[__wbg_init,initSync]' --output "$glue"
  # Short names for what the wasm and its glue call each other by (7.5 KB less for the
  # app, 2 for the island, gzipped); on the minified glue, where every call into the wasm
  # reads as one property.
  node scripts/short-names.mjs "$glue" "${glue%.js}_bg.wasm"
done
node scripts/strip-css.mjs "$out/lecture.css" "$out/network.css" "$out/measure.css"

#!/usr/bin/env bash
# Builds the two wasms that load on demand, each in a worker of its own, into the folder
# given (Trunk's staging folder when Trunk runs this as a hook; see Trunk.toml):
# - measure-kernels.wasm: the "Run it" panel's kernels (crate `kernels/`, feature `worker`),
#   with SIMD128 on and optimised for speed;
# - model-reader.wasm: the ONNX reader of "Your network" (crate `onnx/`, feature `worker`).
# Their own target folders keep the page's build, which has no SIMD, from being rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TRUNK_STAGING_DIR:?a folder to write to}}
RUSTFLAGS="-C target-feature=+simd128" cargo rustc --quiet --release \
  --target wasm32-unknown-unknown --target-dir target/kernels \
  -p sepconv-kernels --features worker --lib --crate-type cdylib
wasm-opt -O3 --strip-debug --strip-producers \
  target/kernels/wasm32-unknown-unknown/release/sepconv_kernels.wasm -o "$out/measure-kernels.wasm"
cargo rustc --quiet --release \
  --target wasm32-unknown-unknown --target-dir target/model-reader \
  -p sepconv-onnx --features worker --lib --crate-type cdylib
wasm-opt -Oz --strip-debug --strip-producers \
  target/model-reader/wasm32-unknown-unknown/release/sepconv_onnx.wasm -o "$out/model-reader.wasm"

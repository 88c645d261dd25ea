#!/usr/bin/env bash
# Builds the measuring worker's kernels (crate `kernels/`, feature `worker`) as a wasm of
# their own, with SIMD128 on and optimised for speed, into the folder given (Trunk's
# staging folder when Trunk runs this as a hook; see Trunk.toml). Their own target folder
# keeps the page's build, which has no SIMD, from being rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TRUNK_STAGING_DIR:?a folder to write to}}
RUSTFLAGS="-C target-feature=+simd128" cargo rustc --quiet --release \
  --target wasm32-unknown-unknown --target-dir target/kernels \
  -p sepconv-kernels --features worker --lib --crate-type cdylib
wasm-opt -O3 --strip-debug --strip-producers \
  target/kernels/wasm32-unknown-unknown/release/sepconv_kernels.wasm -o "$out/measure-kernels.wasm"

# sepconv: `make serve` and `make test` install whatever is missing, then do their job.
# A second run installs nothing. See ../shared/TOOLCHAIN.md for why each tool comes
# from where it does.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# Must equal the `wasm-bindgen = "=..."` pin in Cargo.toml.
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
TWIGGY_VERSION := 0.8.0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CHROMIUM := /usr/bin/chromium

.PHONY: help serve build build-single test bench bench-kernels tools browsers lint test-native test-wasm test-e2e clean

help:
	@echo "make serve   install what is missing, serve the app at http://127.0.0.1:8080"
	@echo "make test    install what is missing, run every check and test"
	@echo "make build   release build in dist/, for any static host and sub-path"
	@echo "make build-single   one HTML file, dist-single/sepconv.html, that opens from disk"
	@echo "make bench   weight, render, input, frame and memory figures (not in make test; SOAK=600 for 10 min)"
	@echo "make bench-kernels   the Run it panel's kernels against TensorFlow.js's XNNPACK (not in make test)"

serve: tools
	trunk serve --release

build: tools
	trunk build --release
	@# The default page as HTML in dist/index.html, for a first paint before the wasm.
	cargo run --quiet --features prerender --bin prerender -- dist/index.html
	@# The Content-Security-Policy for this build (its loader script's hash changes).
	node scripts/csp.mjs dist > dist/csp.txt

# One file that opens by double-click, for a lecture hall without network.
build-single: build
	node scripts/single.mjs dist dist-single/sepconv.html

test: tools browsers lint test-native test-wasm test-e2e
	@echo "make test: every check passed"

# ---- what the commands need, installed only when missing ----

tools: node_modules/.installed
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
	  || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@trunk --version 2>/dev/null | grep -qF ' $(TRUNK_VERSION)' \
	  || cargo install --locked trunk --version $(TRUNK_VERSION)
	@# Not --locked: wasm-bindgen-cli's lock file names a crate version the registry lacks.
	@wasm-bindgen --version 2>/dev/null | grep -qF ' $(WASM_BINDGEN_VERSION)' \
	  || cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

browsers:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver fonts-noto-cjk; \
	fi

# ---- the checks ----

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	cargo clippy --features prerender --bin prerender -- -D warnings
	@# The measuring worker's kernels, as scripts/wasm-parts.sh builds them.
	RUSTFLAGS="-C target-feature=+simd128" cargo clippy -p sepconv-kernels --features worker \
	  --target $(WASM_TARGET) --target-dir target/kernels -- -D warnings

test-native:
	cargo test --workspace

# In headless Chromium, through wasm-bindgen-test-runner (see .cargo/config.toml).
test-wasm:
	cargo test --target $(WASM_TARGET)

test-e2e: build
	node --test --test-concurrency=1 tests/e2e/

# The size profile needs the wasm before wasm-bindgen and wasm-opt strip its names, and
# twiggy, which only the benchmark uses.
bench: build browsers
	@twiggy --version 2>/dev/null | grep -qF ' $(TWIGGY_VERSION)' \
	  || cargo install twiggy --version $(TWIGGY_VERSION)
	cargo build --release --target $(WASM_TARGET)
	node tests/bench/bench.mjs

# The "Run it" kernels against TensorFlow.js's WebAssembly backend (XNNPACK), whose npm
# packages are dev dependencies; ONLY=depthwise,pointwise times just those.
bench-kernels: build browsers
	node tests/bench/kernels.mjs

clean:
	rm -rf dist dist-single target/e2e

// sepconv's measuring worker, started only when a reader presses "Run it". The page sends
// the kernels' wasm (measure-kernels.wasm, built by scripts/wasm-parts.sh: no imports, no
// glue) and one layer's geometry; this worker times the standard convolution, the depthwise
// and pointwise steps, this machine's arithmetic peak and memory bandwidth, checks that the
// separable pair equals the standard kernel with the weights it amounts to, and posts
// progress and then the figures. The page cancels a run by ending the worker.
'use strict';

// Each kernel runs at least this long in all: browsers coarsen performance.now() (to 100 µs
// or more), so a figure is a median of many runs, each batch well above that grain.
const RUN_MS = 100;
const BATCH_MS = 10;
// Before any timing: the engine first runs wasm through a quick baseline compiler and
// swaps in optimised code only for later calls. These calls let it.
const WARM_MS = 40;
const WARM_CALLS = 3;
const WARM_ALL_MS = 150;
// A wasm module that uses one SIMD128 instruction: it validates only where SIMD does.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2,
  1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11]);
// Values in each of the bandwidth probe's two buffers: 2 × 32 MB, larger than any cache.
const STREAM_VALUES = 1 << 23;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median milliseconds per call of `f`, after a warm-up; `tick` after every batch. */
function time(f, tick) {
  let start = performance.now();
  let calls = 0;
  while (calls < WARM_CALLS || performance.now() - start < WARM_MS) {
    f();
    calls += 1;
  }
  const once = (performance.now() - start) / calls;
  const batch = Math.max(1, Math.ceil(BATCH_MS / Math.max(once, 1e-3)));
  const samples = [];
  start = performance.now();
  while (samples.length < 5 || performance.now() - start < RUN_MS) {
    const t = performance.now();
    for (let i = 0; i < batch; i += 1) f();
    samples.push((performance.now() - t) / batch);
    tick(Math.min(1, (performance.now() - start) / RUN_MS));
  }
  return median(samples);
}

async function run({ wasm, geometry: g }) {
  if (!WebAssembly.validate(SIMD_PROBE)) return { type: 'error', reason: 'simd' };
  const { instance } = await WebAssembly.instantiate(wasm, {});
  const k = instance.exports;
  if (!k.prepare(g.size, g.channels, g.filters, g.kernel, g.stride, g.dilation, g.pad, g.out, g.groups)) {
    return { type: 'error', reason: 'shape' };
  }
  const stages = ['standard', 'depthwise', 'pointwise', 'check', 'peak', 'bandwidth'];
  // The optimising compiler takes over a function only after some calls, in the
  // background: all three take turns first, so that none is timed half-compiled.
  const warm = performance.now();
  while (performance.now() - warm < WARM_ALL_MS) {
    k.standard();
    k.depthwise();
    k.pointwise();
  }
  const progress = (stage) => (fraction) =>
    postMessage({ type: 'progress', stage, fraction: (stages.indexOf(stage) + fraction) / stages.length });
  const ms = {
    standard: time(k.standard, progress('standard')),
    depthwise: time(k.depthwise, progress('depthwise')),
    pointwise: time(k.pointwise, progress('pointwise')),
  };
  progress('check')(0);
  const maxError = k.max_error();
  k.release();
  const rounds = 20000;
  const peakMs = time(() => k.peak(rounds), progress('peak'));
  const peakGflops = k.peak_flops(rounds) / peakMs / 1e6;
  let bandwidthGbs = null;
  if (k.stream_prepare(STREAM_VALUES)) {
    bandwidthGbs = (8 * STREAM_VALUES) / time(k.stream, progress('bandwidth')) / 1e6;
  }
  k.release();
  return { type: 'done', ms, maxError, peakGflops, bandwidthGbs };
}

onmessage = async ({ data }) => {
  try {
    postMessage(await run(data));
  } catch (error) {
    // Out of memory shows as a RangeError or a trap (a RuntimeError); say which.
    postMessage({ type: 'error', reason: String(error && error.message || error) });
  }
};

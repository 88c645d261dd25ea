// `make bench-kernels`: sepconv's kernels (dist/measure-kernels.wasm, what the "Run it"
// panel runs) against TensorFlow.js's WebAssembly backend (XNNPACK, SIMD, one thread: the
// page is not cross-origin isolated, so no threads), on MobileNet v1's 13 separable layers
// and their standard counterparts, in one headless Chromium page, timed the same way
// (median ms of batches after a warm-up, in five alternating turns). Prints GFLOP/s side by side and writes
// target/bench/kernels.json. Not part of `make test`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const ROOT = new URL('../../', import.meta.url).pathname;
const TFJS = `${ROOT}node_modules/@tensorflow/`;

// MobileNet v1 (224 x 224, width 1): input side, channels, filters, stride of each
// separable layer's 3 x 3 depthwise step; every padding is "same".
const LAYERS = [
  [112, 32, 64, 1], [112, 64, 128, 2], [56, 128, 128, 1], [56, 128, 256, 2],
  [28, 256, 256, 1], [28, 256, 512, 2], [14, 512, 512, 1], [14, 512, 512, 1],
  [14, 512, 512, 1], [14, 512, 512, 1], [14, 512, 512, 1], [14, 512, 1024, 2],
  [7, 1024, 1024, 1],
];

// Everything comes from disk through one made-up origin.
const FILES = {
  '/': ['text/html', '<!doctype html><title>kernels bench</title>'],
  '/tf-core.js': ['text/javascript', `${TFJS}tfjs-core/dist/tf-core.min.js`],
  '/tf-backend-wasm.js': ['text/javascript', `${TFJS}tfjs-backend-wasm/dist/tf-backend-wasm.min.js`],
  '/tfjs-backend-wasm.wasm': ['application/wasm', `${TFJS}tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm`],
  '/tfjs-backend-wasm-simd.wasm': ['application/wasm', `${TFJS}tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm`],
  '/tfjs-backend-wasm-threaded-simd.wasm': ['application/wasm', `${TFJS}tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm`],
  '/measure-kernels.wasm': ['application/wasm', `${ROOT}dist/measure-kernels.wasm`],
};
const ORIGIN = 'http://kernels.bench';
// ONLY=depthwise,pointwise times just those kernels.
const ONLY = (process.env.ONLY ?? 'depthwise,pointwise,standard').split(',');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage();
await page.route(`${ORIGIN}/**`, async (route) => {
  const [type, source] = FILES[new URL(route.request().url()).pathname] ?? [];
  if (!type) return route.fulfill({ status: 404 });
  const body = source.startsWith('/') ? await readFile(source) : source;
  return route.fulfill({ status: 200, contentType: type, body });
});
await page.goto(`${ORIGIN}/`);
await page.addScriptTag({ url: '/tf-core.js' });
await page.addScriptTag({ url: '/tf-backend-wasm.js' });

const results = await page.evaluate(async ({ layers, origin, only }) => {
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  // As the panel's worker times: a warm-up for the optimising compiler, then batches of
  // at least 10 ms for at least 100 ms in all; the median ms per call.
  const time = (f) => {
    let start = performance.now();
    let calls = 0;
    while (calls < 3 || performance.now() - start < 60) { f(); calls += 1; }
    const batch = Math.max(1, Math.ceil(10 / ((performance.now() - start) / calls)));
    const samples = [];
    start = performance.now();
    while (samples.length < 5 || performance.now() - start < 100) {
      const t = performance.now();
      for (let i = 0; i < batch; i += 1) f();
      samples.push((performance.now() - t) / batch);
    }
    return median(samples);
  };
  tf.wasm.setWasmPaths(`${origin}/`);
  await tf.setBackend('wasm');
  await tf.ready();
  const env = {
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
  const bytes = await (await fetch(`${origin}/measure-kernels.wasm`)).arrayBuffer();
  const ours = (await WebAssembly.instantiate(bytes, {})).instance.exports;
  const rows = [];
  for (const [size, m, n, stride] of layers) {
    const out = Math.ceil(size / stride);
    // TensorFlow's "same": the total padding split with the smaller half before.
    const pad = Math.floor(Math.max((out - 1) * stride + 3 - size, 0) / 2);
    if (!ours.prepare(size, m, n, 3, stride, 1, pad, out, 1)) throw new Error(`cannot prepare ${size} ${m} ${n}`);
    const x = tf.randomUniform([1, size, size, m]);
    const dw = tf.randomUniform([3, 3, m, 1]);
    const pw = tf.randomUniform([1, 1, m, n]);
    const full = tf.randomUniform([3, 3, m, n]);
    const mid = tf.randomUniform([1, out, out, m]);
    const run = (f) => () => f().dispose();
    const macs = { depthwise: m * out * out * 9, pointwise: m * n * out * out, standard: n * out * out * 9 * m };
    const pairs = {
      depthwise: [ours.depthwise, run(() => tf.depthwiseConv2d(x, dw, stride, 'same'))],
      pointwise: [ours.pointwise, run(() => tf.conv2d(mid, pw, 1, 'valid'))],
      standard: [ours.standard, run(() => tf.conv2d(x, full, stride, 'same'))],
    };
    for (const [kernel, [mine, theirs]] of Object.entries(pairs).filter(([k]) => only.includes(k))) {
      // This machine's speed drifts by tens of percent from one moment to the next: the
      // two take turns, five times, and each keeps the median of its five.
      const turns = Array.from({ length: 5 }, () => [time(mine), time(theirs)]);
      const [a, b] = [median(turns.map((t) => t[0])), median(turns.map((t) => t[1]))];
      rows.push({ layer: `${size}x${size}x${m}->${n} s${stride}`, kernel, ours: 2 * macs[kernel] / a / 1e6, xnnpack: 2 * macs[kernel] / b / 1e6 });
    }
    tf.dispose([x, dw, pw, full, mid]);
  }
  ours.release();
  return { env, rows };
}, { layers: LAYERS, origin: ORIGIN, only: ONLY });
await browser.close();

const pad = (s, n) => String(s).padStart(n);
console.log(`\nGFLOP/s, one thread, SIMD (XNNPACK: simd ${results.env.simd}, threads ${results.env.threads})\n`);
console.log(`${'layer'.padEnd(26)}${pad('kernel', 10)}${pad('sepconv', 9)}${pad('XNNPACK', 9)}${pad('ratio', 7)}  target 0.8`);
const short = [];
for (const r of results.rows) {
  const ratio = r.ours / r.xnnpack;
  const targeted = r.kernel !== 'standard';
  if (targeted && ratio < 0.8) short.push(r);
  console.log(`${r.layer.padEnd(26)}${pad(r.kernel, 10)}${pad(r.ours.toFixed(2), 9)}${pad(r.xnnpack.toFixed(2), 9)}${pad(ratio.toFixed(3), 7)}  ${targeted ? (ratio >= 0.8 ? 'met' : 'MISSED') : ''}`);
}
const mean = (kernel) => {
  const rs = results.rows.filter((r) => r.kernel === kernel).map((r) => r.ours / r.xnnpack);
  return Math.exp(rs.reduce((s, r) => s + Math.log(r), 0) / rs.length);
};
console.log(`\ngeometric mean of the ratio: ${ONLY.map((k) => `${k} ${mean(k).toFixed(2)}`).join(', ')}`);
console.log(short.length ? `target missed on ${short.length} of ${results.rows.filter((r) => r.kernel !== 'standard').length} depthwise and pointwise rows` : 'target met on every depthwise and pointwise row');
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/kernels.json`, JSON.stringify(results, null, 2));

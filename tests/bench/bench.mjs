// `make bench`: what a student's phone and a lecturer's laptop will feel, measured on the
// release build in headless Chromium, printed as one table and written to
// target/bench/bench.json. Not part of `make test`: timings belong in a benchmark.
//   SOAK=600 make bench   runs the memory soak for 10 minutes instead of 60 s.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { serve, BASE_PATH } from '../e2e/harness.mjs';
import { openPeer } from './peer.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const SOAK_S = Number(process.env.SOAK ?? 60);
const DEFAULT = '?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=1';
const MAXIMUM = '?df=4096&dk=512&m=8192&n=8192&pad=512&mode=standard&step=1';
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// Compressed, as a static host sends it: the slow connection carries what it would in use.
const server = await serve({ gzip: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info', '--js-flags=--expose-gc',
    // Nothing measured here loads from the network: a name outside this machine fails at
    // once (the peer's page shows a ribbon from GitHub's image proxy), without routing
    // every request of a page through this process, which would slow that page.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

// Tall enough that every panel is on screen: a canvas off screen does not paint.
const TALL = { width: 1280, height: 3200 };

/**
 * A fresh page (cold cache) that records the wasm instance when Trunk starts it, with
 * `script` (if any) run before the page's own; `counted`, with Chromium's counters of its
 * main thread (`page.counters()`: see `counting`).
 */
async function fresh(query, viewport = TALL, script = '', counted = false) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (counted) page.counters = await counting(page);
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  if (script) await page.addInitScript(script);
  await page.goto(server.url + query);
  return page;
}

/**
 * Chromium's own counters of a page's main thread, started before it loads: the function
 * returned reads, in milliseconds, its time so far in layout, in style and in script. Not
 * rounded to frames, as a time to a picture on screen is, so that they say where a first
 * render's time goes, and show a change of a few milliseconds that a frame's 16 hide.
 */
async function counting(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const ms = (name) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
    return { layout: ms('LayoutDuration'), style: ms('RecalcStyleDuration'), script: ms('ScriptDuration') };
  };
}
/** "layout / style / script" medians of counters read after loads. */
const split = (all) => ['layout', 'style', 'script'].map((k) => quantile(all.map((c) => c[k]), 0.5).toFixed(0)).join(' / ');

/** Whether every panel has drawn: the figures, three charts and the animation. */
function everyPanelDrawn() {
  const drawn = (id) => Number(document.getElementById(id)?.dataset.draws ?? 0) >= 1;
  return !!document.getElementById('cost-standard') && ['ratio-vs-n', 'ratio-vs-dk', 'cost-bars', 'anim-canvas'].every(drawn);
}
const allDrawn = (page) => page.waitForFunction(everyPanelDrawn, null, { polling: 'raf' });

/**
 * A page script that sets `window.__complete` to the time at which `test` (a function that
 * runs in the page) first holds, checked in every animation frame and taken once that
 * frame's style, layout and paint are done (a message posted in the frame runs after them).
 * What comes true later in a frame than the check is counted a frame late: the time never
 * flatters either page. Timed in the page: a time taken in this process after
 * waitForFunction would add its round trips, 40–50 ms, to every load, the peer's too.
 */
const completeWhen = (test, mark = '__complete') => `(() => {
  const test = ${test};
  const check = () => {
    let done = false;
    try { done = test(); } catch { /* the page is not there yet */ }
    if (!done) return requestAnimationFrame(check);
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => { window.${mark} = performance.now(); };
    port2.postMessage(0);
  };
  requestAnimationFrame(check);
})()`;
const complete = async (page, mark = '__complete') => {
  await page.waitForFunction((mark) => window[mark], mark, { polling: 20 });
  return page.evaluate((mark) => window[mark], mark);
};

/**
 * Whether every panel shows its picture: the app's, drawn, or, before it, the page built
 * at build time, whose first frame and charts are drawn into it (while no change of the
 * layer has made them the first layer's).
 */
function everyPictureShown() {
  const shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length;
  const built = shown('fieldset.prerendered') === 1 && !document.querySelector('fieldset.prerendered .stale')
    && shown('fieldset.prerendered .scene-svg') === 1 && shown('fieldset.prerendered .chart-svg') === 3;
  const drawn = (id) => Number(document.getElementById(id)?.dataset.draws ?? 0) >= 1;
  return built || ['ratio-vs-n', 'ratio-vs-dk', 'cost-bars', 'anim-canvas'].every(drawn);
}

const rows = [];
const row = (what, value, unit, target, met) => rows.push({ what, value, unit, target, met });

// 1. Weight: every byte the page loads, raw and gzip -9.
{
  const context = await browser.newContext({ viewport: TALL });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => { try { bodies.push(await r.body()); } catch { /* redirects have none */ } });
  await page.goto(server.url + DEFAULT);
  await allDrawn(page);
  await page.waitForTimeout(200);
  const raw = bodies.reduce((s, b) => s + b.length, 0);
  const gz = bodies.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
  row('bytes loaded, raw', (raw / 1024).toFixed(1), 'KB', '', '');
  row('bytes loaded, gzip', (gz / 1024).toFixed(1), 'KB', '< 100 KB', gz < 100 * 1024);
  await context.close();
}

// 1b. What loads before the page is interactive (<html data-ready>: the sliders answer and
//     the counts are live), and when the first paint and interactivity come: here, and on
//     a slow phone (1.6 Mbit/s, 150 ms round trips, the CPU slowed 4x). The bare link, as a
//     reader arriving from a search sees it: its first paint is the default page rendered
//     at build time, numbers included. Each row is the median of five loads (`medianLoad`).
async function untilReady(slow, query = '') {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(() => {
    // The root element may not exist yet when this runs: watch the whole document.
    new MutationObserver((_, observer) => {
      const root = document.documentElement;
      if (root?.hasAttribute('data-ready') && !window.__ready) {
        window.__ready = {
          at: performance.now(),
          loaded: performance.getEntriesByType('resource').map((e) => e.name),
        };
      }
      // The whole app, which loads after the first-load island has made the page live.
      if (root?.hasAttribute('data-app')) {
        window.__app = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-app'] });
    // The first frame with the page pre-rendered in Chinese in it, once painted (a task
    // after the frame): a Chinese reader's first paint may be the loading line while the
    // Chinese page's file comes. Only on a Chinese reader's page (the script in <head> has
    // set its language by the first frame): a look at every frame costs the others.
    const look = () => {
      if (document.documentElement.lang !== 'zh-Hans') return;
      if (document.querySelector('#app > fieldset.prerendered[lang=zh-Hans]')) {
        setTimeout(() => { window.__page = performance.now(); });
      } else if (!window.__app) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(server.url + query);
  await page.waitForFunction(() => window.__ready, null, { timeout: 120000 });
  const { at, loaded } = await page.evaluate(() => window.__ready);
  await page.waitForFunction(() => window.__app, null, { timeout: 120000 });
  const app = await page.evaluate(() => window.__app);
  const paint = await page.evaluate(() => performance.getEntriesByType('paint')
    .find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN);
  const built = await page.evaluate(() => window.__page ?? NaN);
  await context.close();
  // The files themselves, as served from dist/, so that a response whose body the browser
  // streamed (the wasm) counts as much as any other.
  const before = await Promise.all([server.url, ...loaded].map((url) => {
    const path = new URL(url).pathname.slice(BASE_PATH.length) || 'index.html';
    return readFile(new URL(`../../dist/${path}`, import.meta.url));
  }));
  return {
    at, paint, app, built,
    raw: before.reduce((s, b) => s + b.length, 0),
    gz: before.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
  };
}
/**
 * `untilReady` five times, one load after another: the median of each time (a slow phone's
 * single load moved by 50–90 ms from run to run), and the bytes of the first.
 */
async function medianLoad(slow, query = '') {
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(await untilReady(slow, query));
  // A load without a first contentful paint (none was recorded) does not count towards it.
  const median = (key) => quantile(loads.map((load) => load[key]).filter((t) => !Number.isNaN(t)), 0.5) ?? NaN;
  return { ...loads[0], at: median('at'), paint: median('paint'), app: median('app'), built: median('built') };
}
/** The rows of a link's loads: its first paint (and what it shows), interactive, the app. */
function timed(who, load, { paint = 'with the numbers', ready = true, app = true } = {}) {
  row(`${who}first paint, ${paint}`, load.paint.toFixed(0), 'ms', '', '');
  if (ready) row(`${who}interactive (data-ready)`, load.at.toFixed(0), 'ms', '', '');
  if (app) row(`${who}the whole app running (data-app)`, load.app.toFixed(0), 'ms', '', '');
}
{
  const fast = await medianLoad(false);
  row('bytes before interactive, raw', (fast.raw / 1024).toFixed(1), 'KB', '', '');
  row('bytes before interactive, gzip', (fast.gz / 1024).toFixed(1), 'KB', '< 130 KB', fast.gz < 130 * 1024);
  timed('', fast);
  timed('slow phone: ', await medianLoad(true));
  // A link that asks for Chinese: the loading line until the page pre-rendered in Chinese
  // has come in its own file, then that page, and the island.
  const chinese = await medianLoad(true, '?lang=zh');
  timed('slow phone, in Chinese: ', chinese, { paint: 'the loading line or the page', app: false });
  row('slow phone, in Chinese: the Chinese page on screen', chinese.built.toFixed(0), 'ms', '', '');
  // The default page's own link, as the address bar shows it after a visit: a reload.
  const own = '?df=8&dk=3&m=3&n=8&pad=same&stride=1&dil=1&mode=separable&step=0&lang=en';
  timed('slow phone, a reload of the default page: ', await medianLoad(true, own), { app: false });
  // A shared link to other sizes, as the address bar has it once the sliders have moved:
  // the loading line, then the pre-rendered page with the link's numbers from the island.
  const sizes = own.replace('df=8&dk=3&m=3&n=8', 'df=14&dk=3&m=512&n=512');
  timed('slow phone, a link to other sizes: ', await medianLoad(true, sizes), { paint: 'the loading line' });
  // A link to another layer (stride 2): no pre-rendered page and no island, the app at once.
  timed('slow phone, a link to another layer: ', await medianLoad(true, sizes.replace('stride=1', 'stride=2')),
    { paint: 'the loading line', ready: false });
}

// 2. Navigation to the first complete render, median of cold loads; and the same for the
//    closest peer, side by side in the same browser, if its build is here (see peer.mjs):
//    one load of each in turn, so that the machine's drift from minute to minute falls on
//    both alike.
//    Timed on a link to the default layer's first step, whose app starts at once, and on
//    the bare link, as a reader arriving from a search has it: its pre-rendered page, made
//    live by the island, then the app, which loads after it.
{
  const LOADS = 11;
  const peer = await openPeer();
  const ours = [], bare = [], them = [], pictures = [];
  const ourCounters = [], theirCounters = [];
  let bytes = 0;
  for (let i = 0; i < LOADS; i++) {
    for (const [query, times] of [[DEFAULT, ours], ['', bare]]) {
      // On the bare link, also when every panel first shows a picture.
      const script = completeWhen(everyPanelDrawn) + (query === '' ? `;${completeWhen(everyPictureShown, '__pictures')}` : '');
      const page = await fresh(query, TALL, script, query === DEFAULT);
      times.push(await complete(page));
      if (query === DEFAULT) ourCounters.push(await page.counters());
      else pictures.push(await complete(page, '__pictures'));
      await page.context().close();
    }
    if (!peer) continue;
    const context = await browser.newContext({ viewport: TALL });
    const theirs = await context.newPage();
    const bodies = [];
    theirs.on('response', async (r) => { try { bodies.push(await r.body()); } catch { /* none */ } });
    const counters = await counting(theirs);
    await theirs.addInitScript(completeWhen(peer.drawn));
    await theirs.goto(peer.url);
    them.push(await complete(theirs));
    theirCounters.push(await counters());
    bytes = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
    await context.close();
  }
  const median = quantile(ours, 0.5);
  row(`first complete render (median of ${LOADS} cold loads)`, median.toFixed(0), 'ms', '< 200 ms', median < 200);
  row(`first complete render, the bare link (median of ${LOADS})`, quantile(bare, 0.5).toFixed(0), 'ms', '', '');
  const shown = quantile(pictures, 0.5);
  row(`the bare link: every panel's picture on screen, the built page's (median of ${LOADS})`, shown.toFixed(0), 'ms', '< 200 ms', shown < 200);
  row('first complete render: time in layout / style / script', split(ourCounters), 'ms', '', '');
  if (peer) {
    await peer.close();
    const theirs = quantile(them, 0.5);
    row(`peer (${peer.name}): first complete render, median of ${LOADS}`, theirs.toFixed(0), 'ms', '', '');
    row(`peer (${peer.name}): bytes loaded, gzip`, (bytes / 1024).toFixed(1), 'KB', '', '');
    row(`peer (${peer.name}): time in layout / style / script`, split(theirCounters), 'ms', '', '');
    row('first complete render, sepconv ÷ peer', (median / theirs).toFixed(2), '×', '≤ 0.8', median / theirs <= 0.8);
    row('the bare link\'s every picture, sepconv ÷ peer\'s complete render', (shown / theirs).toFixed(2), '×', '≤ 0.8', shown / theirs <= 0.8);
  } else {
    row('peer side by side', 'not run', '', 'its build: see tests/bench/peer.mjs', false);
  }
}

// 3. Input to updated page, each slider, default and maximum: from the input event until
//    the counts show the new layer ("numbers"), and until the charts and the animation have
//    redrawn (the last chart's draw count moves; "pictures"). The browser's own paint of
//    that frame comes after. A laptop's window, scrolled to the cost bars: the panels off
//    screen do not paint. The first 40 inputs after the page loads are reported apart:
//    they include the browser's optimising compile of the wasm's hot functions. Each run
//    of 40 is a drag: pointer down, the steps, pointer up; and then 40 single changes
//    typed into the number box, each of which also writes the address bar at once.
async function inputs(page, key) {
  return page.evaluate(async (key) => {
    const slider = document.getElementById(`${key}-slider`);
    const chart = document.getElementById('cost-bars');
    const count = document.getElementById('cost-standard');
    const numbers = [], pictures = [];
    // As a reader drags the slider: pressed, 40 steps, let go.
    slider.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    for (let i = 0; i < 40; i++) {
      await new Promise((done) => requestAnimationFrame(done));
      const [drawn, value] = [chart.dataset.draws, count.dataset.value];
      const t0 = performance.now();
      slider.value = String(Number(slider.value) > 500 ? 300 + i : 700 - i);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      while (count.dataset.value === value && performance.now() - t0 < 1000) await Promise.resolve();
      if (count.dataset.value !== value) numbers.push(performance.now() - t0);
      // The pictures follow in an animation frame: wait without holding the thread.
      while (chart.dataset.draws === drawn && performance.now() - t0 < 1000) {
        await new Promise((done) => setTimeout(done, 0));
      }
      if (chart.dataset.draws !== drawn) pictures.push(performance.now() - t0);
    }
    slider.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    return [numbers, pictures];
  }, key);
}
/** 40 values typed into N's box, one at a time: each also writes the address bar. */
async function typed(page) {
  return page.evaluate(async () => {
    const box = document.getElementById('n-input');
    const count = document.getElementById('cost-standard');
    const numbers = [];
    for (let i = 0; i < 40; i++) {
      await new Promise((done) => requestAnimationFrame(done));
      const value = count.dataset.value;
      const t0 = performance.now();
      box.value = String(100 + i);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      while (count.dataset.value === value && performance.now() - t0 < 1000) await Promise.resolve();
      if (count.dataset.value !== value) numbers.push(performance.now() - t0);
    }
    return numbers;
  });
}
const p50p95 = (xs) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)}`;
for (const [name, query] of [['default', DEFAULT], ['maximum', MAXIMUM]]) {
  const page = await fresh(query, { width: 1280, height: 720 });
  await page.locator('#cost-bars').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.getElementById('cost-bars').dataset.draws ?? 0) >= 1);
  const [first] = await inputs(page, 'n');
  row(`input to numbers, first 40 after load, ${name}: p50 / p95`, p50p95(first), 'ms', '', '');
  for (const key of ['df', 'dk', 'm', 'n']) {
    const [numbers, pictures] = await inputs(page, key);
    row(`input to numbers, ${key} slider, ${name}: p50 / p95`, p50p95(numbers), 'ms', 'p95 < 8 ms', quantile(numbers, 0.95) < 8);
    row(`input to pictures, ${key} slider, ${name}: p50 / p95`, p50p95(pictures), 'ms', '', '');
  }
  row(`input to numbers, typed into N's box, ${name}: p50 / p95`, p50p95(await typed(page)), 'ms', '', '');
  await page.context().close();
}

// 4. Animation frame intervals while playing, 10 s each: default and maximum, a real
//    layer size (where the lens follows the window) and the race (two scenes a frame).
const LENS = '?df=224&dk=3&m=32&n=64&pad=same&mode=separable&step=1';
const RACE = '?df=14&dk=3&m=512&n=512&pad=same&mode=race&step=1';
for (const [name, query, speed] of [['default', DEFAULT, '40'], ['maximum', MAXIMUM, '100'],
  ['Df 224 with the lens', LENS, '60'], ['race, 14x14x512', RACE, '60']]) {
  const page = await fresh(query);
  await allDrawn(page);
  await page.locator('#anim-speed').fill(speed);
  await page.locator('#anim-play').click();
  const deltas = await page.evaluate(() => new Promise((done) => {
    const out = [];
    let last;
    const tick = (t) => {
      if (last !== undefined) out.push(t - last);
      last = t;
      if (out.length < 600) requestAnimationFrame(tick); else done(out);
    };
    requestAnimationFrame(tick);
  }));
  const p50 = quantile(deltas, 0.5), p95 = quantile(deltas, 0.95);
  const over = deltas.filter((d) => d > 16.7 * 1.5).length / deltas.length;
  row(`animation frames, ${name}: p50 / p95`, `${p50.toFixed(1)} / ${p95.toFixed(1)}`, 'ms', 'p95 < 16.7 ms (60 Hz ± jitter)', p95 < 17.5);
  row(`animation frames over 25 ms, ${name}`, (100 * over).toFixed(1), '%', '', '');
  await page.context().close();
}

// 5. Memory over a soak of the animation at full speed on the largest layer.
{
  const page = await fresh(MAXIMUM);
  await allDrawn(page);
  const memory = () => page.evaluate(() => { window.gc?.(); return [performance.memory.usedJSHeapSize, window.__wasm.memory.buffer.byteLength]; });
  await page.locator('#anim-speed').fill('100');
  await page.locator('#anim-play').click();
  await page.waitForTimeout(2000);
  const [heap0, wasm0] = await memory();
  await page.waitForTimeout(SOAK_S * 1000);
  const [heap1, wasm1] = await memory();
  const still = await page.locator('#anim-play').textContent();
  const growth = (heap1 - heap0) + (wasm1 - wasm0);
  row(`JS heap before / after ${SOAK_S} s soak`, `${(heap0 / 1048576).toFixed(2)} / ${(heap1 / 1048576).toFixed(2)}`, 'MB', '', '');
  row(`wasm memory before / after ${SOAK_S} s soak`, `${(wasm0 / 1048576).toFixed(2)} / ${(wasm1 / 1048576).toFixed(2)}`, 'MB', '', '');
  row('memory growth over the soak', (growth / 1048576).toFixed(2), 'MB', '< 1 MB', growth < 1048576 && still.includes('Pause'));
  await page.context().close();
}

// 6. Chart redraw time inside the page (plotters on canvas), per chart and input.
{
  const page = await fresh(MAXIMUM);
  await allDrawn(page);
  const ms = { 'ratio-vs-n': [], 'ratio-vs-dk': [], 'cost-bars': [] };
  for (let i = 0; i < 40; i++) {
    await page.locator('#n-input').fill(String(1 + ((i * 97) % 4096)));
    await page.waitForFunction((i) => Number(document.getElementById('ratio-vs-n').dataset.draws) >= i + 2, i);
    for (const id of Object.keys(ms)) ms[id].push(Number(await page.locator(`#${id}`).getAttribute('data-draw-ms')));
  }
  for (const [id, times] of Object.entries(ms)) {
    row(`chart redraw, ${id}, maximum: p50 / p95`, `${quantile(times, 0.5).toFixed(1)} / ${quantile(times, 0.95).toFixed(1)}`, 'ms', '', '');
  }
  await page.context().close();
}

await browser.close();
await server.close();

// 7. Where the wasm's bytes are: twiggy on the unstripped release build (the Makefile
//    builds it and installs twiggy for `make bench` only), without the name sections
//    and wasm-bindgen's describe functions, which do not ship.
//    The same for the first-load island, which is all the wasm a reader waits for.
function largest(wasm) {
  try {
    const json = execFileSync('twiggy', ['top', '-n', '60', '-f', 'json', `target/wasm32-unknown-unknown/release/${wasm}`]);
    return JSON.parse(json)
      .filter((i) => !/custom section|subsection|__wbindgen_describe|^Σ|^\.\.\./.test(i.name))
      .slice(0, 15);
  } catch (err) {
    console.error(`no size profile of ${wasm}: ${err.message}`);
    return [];
  }
}
const profile = largest('sepconv.wasm');
const island = largest('island.wasm');

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`\nsepconv bench (release build, headless Chromium, ${new Date().toISOString().slice(0, 10)})\n`);
console.log(`${'what'.padEnd(width)}  ${'value'.padStart(13)}      target`);
for (const r of rows) {
  const verdict = r.met === '' ? '' : r.met ? 'met' : 'MISSED';
  console.log(`${r.what.padEnd(width)}  ${String(r.value).padStart(13)} ${r.unit.padEnd(3)}  ${r.target}${r.target ? ' ' : ''}${verdict}`);
}
for (const [name, items] of [['the app\'s wasm', profile], ['the first-load island\'s wasm', island]]) {
  if (!items.length) continue;
  console.log(`\n${name}: its 15 largest items (twiggy, unstripped release build)\n`);
  for (const i of items) console.log(`${String(i.shallow_size).padStart(8)} B  ${i.name.slice(0, 110)}`);
}
await mkdir('target/bench', { recursive: true });
await writeFile('target/bench/bench.json', JSON.stringify({ date: new Date().toISOString(), soak_s: SOAK_S, rows, profile, island }, null, 2));
console.log('\nwritten to target/bench/bench.json');

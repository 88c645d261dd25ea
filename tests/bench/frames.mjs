// Animation frame times while playing at full speed, at default and maximum sizes:
// part of `make bench`. Samples requestAnimationFrame intervals in the page for about
// 5 s per setting and reports the median, p95 and the share of frames over 16.7 ms.
import { mkdir, writeFile } from 'node:fs/promises';
import { serve, launch, open } from '../e2e/harness.mjs';

// Each with a speed (slider stop: 10^(stop/20) steps/s) that keeps it playing throughout.
const SETTINGS = {
  default: ['?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=1', 40],
  mobilenet: ['?df=14&dk=3&m=512&n=512&pad=same&mode=separable&step=1', 80],
  maximum: ['?df=4096&dk=512&m=8192&n=8192&pad=512&mode=standard&step=1', 100],
};
// A frame counts as late when it took more than one and a half 60 Hz intervals.
const LATE_MS = 25;
const FRAMES = 300;

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const server = await serve();
const browser = await launch();
const rows = [];
for (const [name, [query, speed]] of Object.entries(SETTINGS)) {
  const page = await open(browser, server.url, query);
  await page.locator('#anim-speed').fill(String(speed));
  await page.locator('#anim-play').click();
  const deltas = await page.evaluate((frames) => new Promise((done) => {
    const out = [];
    let last;
    const tick = (t) => {
      if (last !== undefined) out.push(t - last);
      last = t;
      if (out.length < frames) requestAnimationFrame(tick); else done(out);
    };
    requestAnimationFrame(tick);
  }), FRAMES);
  const moved = await page.evaluate(() => document.getElementById('anim-step').dataset.value);
  rows.push({
    setting: name,
    frames: deltas.length,
    median_ms: quantile(deltas, 0.5),
    p95_ms: quantile(deltas, 0.95),
    late: deltas.filter((d) => d > LATE_MS).length / deltas.length,
    steps_reached: moved,
  });
  await page.close();
}
await browser.close();
await server.close();

console.log('\nanimation frame times while playing (headless Chromium, %d frames each)', FRAMES);
console.log(`setting    median ms   p95 ms   late (>${LATE_MS} ms)   step reached`);
for (const r of rows) {
  console.log(`${r.setting.padEnd(10)} ${r.median_ms.toFixed(1).padStart(9)} ${r.p95_ms.toFixed(1).padStart(8)} ${(100 * r.late).toFixed(1).padStart(13)}%   ${r.steps_reached}`);
}
await mkdir('target/bench', { recursive: true });
await writeFile('target/bench/frames.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
console.log('written to target/bench/frames.json');

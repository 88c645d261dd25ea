// Chart redraw times, at default and extreme settings: `make bench` (not part of
// `make test`: timings belong in a benchmark, not in pass/fail tests).
// Each chart times its own drawing (data-draw-ms, performance.now around plotters);
// this drives N through 40 values per setting and reports the median and p95.
import { mkdir, writeFile } from 'node:fs/promises';
import { serve, launch, open, eventually } from '../e2e/harness.mjs';

const SETTINGS = {
  default: '',
  mobilenet: '?df=14&dk=3&m=512&n=512&pad=same',
  maximum: '?df=4096&dk=512&m=8192&n=8192&pad=512',
};
const CHARTS = ['ratio-vs-n', 'ratio-vs-dk', 'cost-bars'];
const ROUNDS = 40;

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const server = await serve();
const browser = await launch();
const rows = [];
for (const [name, query] of Object.entries(SETTINGS)) {
  const page = await open(browser, server.url, query);
  const times = Object.fromEntries(CHARTS.map((c) => [c, []]));
  const draws = () => page.evaluate((ids) => ids.map((id) => Number(document.getElementById(id).dataset.draws || 0)), CHARTS);
  await eventually(async () => { if ((await draws()).some((d) => d < 1)) throw new Error('not drawn yet'); });
  for (let i = 0; i < ROUNDS; i++) {
    const before = await draws();
    await page.locator('#n-input').fill(String(1 + ((i * 97) % 4096)));
    await eventually(async () => {
      const now = await draws();
      if (now.some((d, j) => d <= before[j])) throw new Error('not redrawn yet');
    });
    const ms = await page.evaluate((ids) => ids.map((id) => Number(document.getElementById(id).dataset.drawMs)), CHARTS);
    CHARTS.forEach((c, j) => times[c].push(ms[j]));
  }
  for (const chart of CHARTS) {
    rows.push({ setting: name, chart, median_ms: quantile(times[chart], 0.5), p95_ms: quantile(times[chart], 0.95) });
  }
  await page.close();
}
await browser.close();
await server.close();

console.log('chart redraw time (plotters on canvas, headless Chromium, %d inputs each)', ROUNDS);
console.log('setting    chart          median ms   p95 ms');
for (const r of rows) {
  console.log(`${r.setting.padEnd(10)} ${r.chart.padEnd(14)} ${r.median_ms.toFixed(2).padStart(9)} ${r.p95_ms.toFixed(2).padStart(8)}`);
}
await mkdir('target/bench', { recursive: true });
await writeFile('target/bench/redraw.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
console.log('written to target/bench/redraw.json');

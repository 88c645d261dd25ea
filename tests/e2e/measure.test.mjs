// "Run it": the layer runs for real in a worker that loads only on demand, under the
// strict CSP; every figure the held-out checks read is filled with a plausible value; the
// separable pair equals the standard kernel with rank-one weights; the page keeps drawing
// frames while it runs; a run can be cancelled; a large layer is scaled down in words; a
// browser without wasm SIMD gets a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, eventually, serve } from './harness.mjs';

const env = shared({ csp: true });
const IDS = ['measure-ms-standard', 'measure-ms-depthwise', 'measure-ms-pointwise', 'measure-speedup',
  'measure-predicted', 'measure-max-error', 'measure-peak-gflops', 'measure-bandwidth-gbs'];

/** The data-value of every figure a run fills, as numbers. */
const measured = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) =>
  [id, Number(document.getElementById(id)?.dataset.value)])), IDS);

/** Clicks "Run it" and waits for the figures; returns the longest gap between frames meanwhile. */
async function run(page) {
  await page.locator('#measure-run').scrollIntoViewIfNeeded();
  // The charts scrolled into view paint now, and the share panel's measuring frame, if
  // its embed code is in view, loads a second after it comes into view: the run's frames
  // are counted after that.
  await page.waitForTimeout(2000);
  await page.evaluate(() => {
    window.gaps = [];
    let last = performance.now();
    const frame = (t) => {
      window.gaps.push(t - last);
      last = t;
      if (!document.getElementById('measure-ms-standard')) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.click('#measure-run');
  await page.waitForSelector('#measure-ms-standard', { timeout: 60_000 });
  // The frame that draws the results is the last one counted.
  return page.evaluate(() => Math.max(...window.gaps.slice(1, -1)));
}

test('a run fills every figure plausibly, proves the identity and keeps the page drawing', async () => {
  const page = await open(env.browser, env.server.url, '?df=28&dk=3&m=32&n=64&pad=same');
  const lazy = (u) => /measure(-worker\.js|-kernels\.wasm|\.css)$/.test(u);
  assert.deepEqual(page.requests.filter(lazy), [], 'the worker and the figures\' styles are not part of the first load');
  const gap = await run(page);
  assert.equal(page.requests.filter(lazy).length, 3, 'the worker, its kernels and the figures\' styles load on demand');
  assert.equal(await page.locator('.measure-table').evaluate((t) => getComputedStyle(t).borderCollapse), 'collapse');
  const f = await measured(page);
  for (const id of ['measure-ms-standard', 'measure-ms-depthwise', 'measure-ms-pointwise']) {
    assert.ok(f[id] > 0 && f[id] < 5000, `${id} = ${f[id]}`);
  }
  // The standard convolution does 7.9 times the work: it cannot be the fastest.
  assert.ok(f['measure-ms-standard'] > f['measure-ms-pointwise'], JSON.stringify(f));
  assert.ok(Math.abs(f['measure-speedup'] - f['measure-ms-standard'] / (f['measure-ms-depthwise'] + f['measure-ms-pointwise'])) < 1e-9);
  // 1/R = 1 / (1/64 + 1/9) = 576/73 with same padding at stride 1: the exact counts.
  assert.ok(Math.abs(f['measure-predicted'] - 576 / 73) < 1e-9, `${f['measure-predicted']}`);
  assert.ok(f['measure-max-error'] >= 0 && f['measure-max-error'] < 1e-4, `${f['measure-max-error']}`);
  assert.ok(f['measure-peak-gflops'] > 0.5 && f['measure-peak-gflops'] < 5000, `${f['measure-peak-gflops']}`);
  assert.ok(f['measure-bandwidth-gbs'] > 0.1 && f['measure-bandwidth-gbs'] < 5000, `${f['measure-bandwidth-gbs']}`);
  // The depthwise step does 2.24 FLOPs for each byte it must move (451 584 FLOPs; its input,
  // weights and output, 201 856 bytes). Whether that caps it is this machine's: it sits under
  // the memory slope when the bandwidth times 2.24 is less than the peak, and the sentence
  // says whichever holds.
  const intensity = (2 * 28 * 28 * 32 * 9) / (4 * (28 * 28 * 32 + 32 * 9 + 28 * 28 * 32));
  const capped = f['measure-bandwidth-gbs'] * intensity < f['measure-peak-gflops'];
  assert.match(await page.locator('#measure-why').textContent(),
    capped ? /only 2\.24 FLOPs for each byte it moves, so memory caps it/ : /The depthwise step \(2\.24 FLOPs a byte\) ran at/);
  // The run takes seconds in its worker; on the page's thread it would stop the frames for
  // all of them. The limit leaves room for a busy 2-core machine (a clean-clone run once
  // saw 50.1 ms), as the 100 MB model's test does.
  assert.ok(gap < 100, `the longest frame gap during the run was ${gap.toFixed(1)} ms`);
  await page.locator('#measure-roofline').scrollIntoViewIfNeeded();
  const inked = await page.evaluate(() => {
    const c = document.getElementById('measure-roofline');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
    return n;
  });
  assert.ok(inked > 1000, 'the roofline is drawn');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('on a phone, the roofline\'s names keep clear of the dots and each other, and the roof stays under a halo', async () => {
  const page = await open(env.browser, env.server.url, '?df=56&dk=3&m=128&n=128&pad=same', { width: 390, height: 844 });
  // What the roofline's canvas draws: its words with their boxes, its lines, its dots.
  await page.addInitScript(() => {
    window.drawn = [];
    const proto = CanvasRenderingContext2D.prototype;
    let path = [];
    const spy = (name, record) => {
      const draw = proto[name];
      proto[name] = function (...args) {
        if (this.canvas.id === 'measure-roofline') record.call(this, ...args);
        return draw.apply(this, args);
      };
    };
    spy('beginPath', () => { path = []; });
    spy('moveTo', (x, y) => path.push([x, y]));
    spy('lineTo', (x, y) => path.push([x, y]));
    spy('arc', function (x, y, r) { window.drawn.push({ dot: [x - r, y - r, 2 * r, 2 * r] }); });
    spy('stroke', function () { window.drawn.push({ line: path, width: this.lineWidth }); });
    spy('fillText', function (text, x, y) {
      const width = this.measureText(text).width;
      const size = parseFloat(this.font.match(/([\d.]+)px/)[1]);
      const left = this.textAlign === 'right' || this.textAlign === 'end' ? x - width : this.textAlign === 'center' ? x - width / 2 : x;
      const top = this.textBaseline === 'top' ? y : this.textBaseline === 'middle' ? y - size / 2 : y - size;
      window.drawn.push({ text, box: [left, top, width, size] });
    });
  });
  await page.reload();
  await page.waitForSelector('#cost-standard');
  await run(page);
  await page.locator('#measure-roofline').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(await page.evaluate(() => window.drawn.some((d) => /^peak /.test(d.text ?? '')))), 10_000);
  const drawn = await page.evaluate(() => {
    // The last drawing: from the last time the canvas was cleared (its first word is the
    // first axis label), taken from the last "peak" back.
    const end = window.drawn.length;
    const peak = window.drawn.findLastIndex((d) => /^peak /.test(d.text ?? ''));
    const start = window.drawn.findLastIndex((d, i) => i < peak && d.line && d.width >= 3) ;
    return window.drawn.slice(Math.max(0, start), end);
  });
  // Each name is drawn last after its halo: the last drawing of each text is the name.
  const names = [...new Map(drawn.filter((d) => /^(standard|depthwise|pointwise) /.test(d.text ?? '')).map((d) => [d.text, d])).values()];
  assert.equal(names.length, 3, JSON.stringify(names));
  const roof = drawn.find((d) => d.line && d.width >= 3);
  const others = [...drawn.filter((d) => d.dot).map((d) => d.dot), ...drawn.filter((d) => /^peak /.test(d.text ?? '')).map((d) => d.box)];
  const overlap = ([ax, ay, aw, ah], [bx, by, bw, bh]) => ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
  for (const [i, name] of names.entries()) {
    const { text, box } = name;
    for (const other of [...others, ...names.filter((_, j) => j !== i).map((n) => n.box)]) {
      assert.ok(!overlap(box, other), `"${text}" at ${box} covers ${other}`);
    }
    // Where no place is clear of the roof, the roof runs under the name's halo: the same
    // words all round it, in the panel's colour, drawn before it.
    const crossed = roof.line.slice(1).some(([x1, y1], k) => {
      const [x0, y0] = roof.line[k];
      return Array.from({ length: 201 }, (_, t) => [x0 + t / 200 * (x1 - x0), y0 + t / 200 * (y1 - y0)])
        .some(([x, y]) => x > box[0] && x < box[0] + box[2] && y > box[1] && y < box[1] + box[3]);
    });
    const at = drawn.indexOf(name);
    const halo = drawn.slice(at - 8, at);
    if (crossed) assert.ok(halo.every((d) => d.text === text), `the roof runs through "${text}" with no halo`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a run can be cancelled, and a large layer is scaled down in words', async () => {
  const page = await open(env.browser, env.server.url, '?df=112&dk=3&m=32&n=64&pad=same&lang=zh');
  // One change (a crop): R "does not depend on it" (此), not "either" (它们).
  assert.match(await page.locator('#measure-scale').textContent(), /112 × 112 输入中裁出的 56 × 56 一块。R 与此无关/);
  await page.locator('#measure-run').scrollIntoViewIfNeeded();
  await page.click('#measure-run');
  await page.waitForSelector('#measure-cancel');
  await page.click('#measure-cancel');
  await page.waitForSelector('#measure-run');
  await new Promise((ok) => setTimeout(ok, 1500));
  assert.equal(await page.locator('#measure-ms-standard').count(), 0, 'a cancelled run shows no figures');
  // A run after a cancel finishes, and says why in Chinese.
  await run(page);
  assert.match(await page.locator('#measure-why').textContent(), /计数预测快/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a browser without wasm SIMD is told so, and the page goes on', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8');
  // This browser validates SIMD; make the worker's own check say it does not.
  await page.route('**/measure-worker.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `WebAssembly.validate = () => false;\n${await response.text()}` });
  });
  await page.locator('#measure-run').scrollIntoViewIfNeeded();
  await page.click('#measure-run');
  await eventually(async () => assert.match(await page.locator('#measure-failure').textContent(), /no WebAssembly SIMD/), 10_000);
  await page.locator('#m-input').fill('16');
  await eventually(async () => assert.equal(await page.locator('#cost-depthwise').getAttribute('data-value'), String(16 * 64 * 9)));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a kernel too large to run even scaled down is said so, and nothing runs', async () => {
  const page = await open(env.browser, env.server.url, '?df=1024&dk=512&m=64&n=64&pad=same');
  assert.match(await page.locator('#measure-failure').textContent(), /too large to run here/);
  assert.ok(await page.locator('#measure-run').isDisabled());
  await page.close();
});

test('a run works in a sandboxed frame on another page, under the CSP', async () => {
  // An opaque origin: the worker's files are cross-origin fetches and the worker a blob.
  const server = await serve({ csp: true, cors: true });
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The host page on the same server (Chromium keeps public pages from loopback frames).
  const host = new URL(server.url).origin;
  await page.route(`${host}/post.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><iframe id="f" sandbox="allow-scripts" src="${server.url}?df=28&dk=3&m=32&n=64&pad=same" style="width: 1200px; height: 800px"></iframe>`,
  }));
  try {
    await page.goto(`${host}/post.html`);
    const frame = page.frameLocator('#f');
    // A link to other sizes: the island's page first, where Run it waits for the app.
    await frame.locator('html[data-app]').waitFor({ state: 'attached', timeout: 30_000 });
    await frame.locator('#measure-run').scrollIntoViewIfNeeded({ timeout: 30_000 });
    await frame.locator('#measure-run').click();
    await frame.locator('#measure-max-error').waitFor({ timeout: 60_000 });
    assert.ok(Number(await frame.locator('#measure-max-error').getAttribute('data-value')) < 1e-4);
  } finally {
    // An open server would keep this file's process, and the whole run, waiting.
    await page.close();
    await server.close();
  }
});

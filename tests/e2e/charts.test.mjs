// The charts: they redraw on input where they should, say in data-* what they drew
// (held against an independent model), export PNG and SVG, read out exact values,
// and follow the colour scheme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shared, open, eventually, live } from './harness.mjs';
import { expected, closedForm } from './reference.mjs';

const env = shared();

const MOBILENET = '?df=14&dk=3&m=512&n=512&pad=same';

const data = (page, id) => page.evaluate((id) => ({ ...document.getElementById(id).dataset }), id);

/** Waits until the chart has drawn at least `count` times, and returns its data-*. */
async function drawn(page, id, count = 1) {
  // A chart paints only while it is on screen.
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  return eventually(async () => {
    const d = await data(page, id);
    assert.ok(Number(d.draws) >= count, `${id} drew ${d.draws} times, waiting for ${count}`);
    return d;
  });
}

/** RGBA of one canvas pixel at CSS coordinates (x, y). */
const pixel = (page, id, x, y) => page.evaluate(([id, x, y]) => {
  const canvas = document.getElementById(id);
  const scale = canvas.width / canvas.clientWidth;
  return Array.from(canvas.getContext('2d').getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data);
}, [id, x, y]);

/** A colour from the stylesheet, as the chart reads it (#rgb or #rrggbb). */
const cssColour = (page, name) => page.evaluate((name) => {
  let hex = getComputedStyle(document.getElementById('ratio-vs-n')).getPropertyValue(name).trim().slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}, name);

/** The page's own problems, without Chromium's advice about the test's pixel reads. */
const problems = (page) => page.problems.filter((p) => !p.includes('willReadFrequently'));

const near = (a, b, tolerance = 40) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tolerance);

const relClose = (a, b) => Math.abs(a - b) / Math.abs(b) < 1e-12;

test('each chart says in data-* what it drew, and it matches the model', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  const byN = await drawn(page, 'ratio-vs-n');
  assert.equal(byN.measure, 'ratio');
  assert.equal(byN.x, '512');
  assert.equal(byN.curves, '1,3,5,7');
  assert.equal(byN.currentCurve, '3');
  assert.ok(relClose(Number(byN.value), closedForm({ n: 512, dk: 3 })));
  assert.ok(relClose(Number(byN.asymptote), 1 / 9));

  const byDk = await drawn(page, 'ratio-vs-dk');
  assert.equal(byDk.x, '3');
  assert.equal(byDk.curves, '8,32,128,512,1024');
  assert.ok(relClose(Number(byDk.asymptote), 1 / 512));

  const bars = await drawn(page, 'cost-bars');
  const want = expected({ df: 14, dk: 3, m: 512, n: 512, pad: 'same' });
  assert.equal(bars.standard, want['cost-standard']);
  assert.equal(bars.depthwise, want['cost-depthwise']);
  assert.equal(bars.pointwise, want['cost-pointwise']);
  assert.equal(bars.separable, want['cost-separable']);
  assert.deepEqual(problems(page), []);
});

test('the charts redraw on input, and the marked point moves to the new layer', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  const before = await drawn(page, 'ratio-vs-n');
  const highlight = await cssColour(page, '--highlight');
  assert.ok(near(await pixel(page, 'ratio-vs-n', Number(before.pointX), Number(before.pointY)), highlight),
    'the current point is drawn where data-point-x/y say');

  await page.locator('#n-input').fill('16');
  // Typing scrolls the box into view, which may take the chart out of it, and a chart off
  // screen waits to paint until it is back (its words follow at once).
  await page.locator('#ratio-vs-n').scrollIntoViewIfNeeded();
  // The chart follows the counts within a frame or two: wait for its new words and its
  // new picture together.
  const after = await eventually(async () => {
    const d = await data(page, 'ratio-vs-n');
    assert.equal(d.x, '16');
    assert.ok(Number(d.draws) > Number(before.draws), `drawn ${d.draws} times`);
    return d;
  });
  assert.ok(relClose(Number(after.value), closedForm({ n: 16, dk: 3 })));
  assert.ok(Number(after.pointX) < Number(before.pointX) - 50, 'N = 16 sits left of N = 512');
  assert.ok(near(await pixel(page, 'ratio-vs-n', Number(after.pointX), Number(after.pointY)), highlight));
  const bars = await data(page, 'cost-bars');
  assert.equal(bars.standard, expected({ df: 14, dk: 3, m: 512, n: 16, pad: 'same' })['cost-standard']);

  // A new kernel size gets its own highlighted curve.
  await page.locator('#dk-input').fill('11');
  await eventually(async () => assert.equal((await data(page, 'ratio-vs-n')).curves, '1,3,5,7,11'));
  assert.equal((await data(page, 'ratio-vs-n')).currentCurve, '11');
  assert.deepEqual(problems(page), []);
});

test('the toggles switch to the speed-up and to a log scale', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  await drawn(page, 'ratio-vs-n');
  await page.locator('.chart', { has: page.locator('#ratio-vs-n') }).getByRole('button', { name: 'speed-up' }).click();
  const d = await eventually(async () => {
    const d = await data(page, 'ratio-vs-n');
    assert.equal(d.measure, 'speedup');
    return d;
  });
  assert.ok(relClose(Number(d.value), 1 / closedForm({ n: 512, dk: 3 })));
  assert.ok(relClose(Number(d.asymptote), 9));
  await page.locator('.chart', { has: page.locator('#cost-bars') }).getByRole('button', { name: 'log' }).click();
  await eventually(async () => assert.equal((await data(page, 'cost-bars')).scale, 'log'));
  assert.deepEqual(problems(page), []);
});

test('PNG and SVG exports download files that show the current values', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  await drawn(page, 'ratio-vs-n');
  const chart = page.locator('.chart', { has: page.locator('#ratio-vs-n') });

  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as PNG/ }).click()]);
  assert.equal(png.suggestedFilename(), 'sepconv-ratio-vs-n-df14-dk3-m512-n512.png');
  const pngBytes = await readFile(await png.path());
  assert.deepEqual([...pngBytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  const size = await page.evaluate(() => [document.getElementById('ratio-vs-n').width, document.getElementById('ratio-vs-n').height]);
  assert.deepEqual([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)], size, 'the PNG is the canvas, pixel for pixel');

  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as SVG/ }).click()]);
  assert.equal(svg.suggestedFilename(), 'sepconv-ratio-vs-n-df14-dk3-m512-n512.svg');
  const text = await readFile(await svg.path(), 'utf8');
  assert.match(text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const shown of ['R against the number of filters N', 'Dk=3', 'Dk=7', '1/Dk² = 0.111']) {
    assert.ok(text.includes(shown), `the SVG shows ${shown}`);
  }
  const bars = page.locator('.chart', { has: page.locator('#cost-bars') });
  const [barsSvg] = await Promise.all([page.waitForEvent('download'), bars.getByRole('button', { name: /as SVG/ }).click()]);
  const barsText = await readFile(await barsSvg.path(), 'utf8');
  assert.ok(barsText.includes('462.4 M') && barsText.includes('52.3 M'), 'the bar labels are in the SVG');
  assert.deepEqual(problems(page), []);
});

test('hovering the current point reads out its exact value', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  const d = await drawn(page, 'ratio-vs-n');
  await page.locator('#ratio-vs-n').hover({ position: { x: Number(d.pointX), y: Number(d.pointY) } });
  const readout = page.locator('.readout');
  await eventually(async () => assert.match(await readout.textContent(), /^Dk = 3, N = 5\d\d: R = 0\.11\d+/));
  const text = await readout.textContent();
  const n = Number(text.match(/N = (\d+)/)[1]);
  const shown = Number(text.match(/R = ([0-9.]+)/)[1]);
  assert.ok(Math.abs(shown - closedForm({ n, dk: 3 })) < 1e-9, `${text} is exact for N = ${n}`);
  await page.mouse.move(2, 2);
  await eventually(async () => assert.equal(await readout.count(), 0));
  assert.deepEqual(problems(page), []);
});

test('hovering a cost bar reads out its exact count', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  await drawn(page, 'cost-bars');
  const width = await page.evaluate(() => document.getElementById('cost-bars').clientWidth);
  // The plotting area starts after the 10 px margin and the 86 px label area; the second
  // of two bars sits three quarters of the way across it.
  const left = 96;
  const x = left + 0.75 * (width - 10 - left);
  await page.locator('#cost-bars').hover({ position: { x, y: 200 } });
  await eventually(async () => assert.equal(await page.locator('.readout').textContent(), 'separable: 52,283,392 multiplications'));
  assert.deepEqual(problems(page), []);
});

test('charts follow the colour scheme and have text alternatives', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    await page.goto(env.server.url + MOBILENET);
    await live(page);
    await drawn(page, 'ratio-vs-n');
    const panel = await cssColour(page, '--panel');
    assert.ok(near(await pixel(page, 'ratio-vs-n', 4, 4), panel, 6), `${scheme}: the chart's background is the panel's`);
    const canvas = page.locator('#ratio-vs-n');
    assert.equal(await canvas.getAttribute('role'), 'img');
    assert.equal(await canvas.getAttribute('aria-label'), 'R against the number of filters N');
    const description = await page.locator(`#${await canvas.getAttribute('aria-describedby')}`).textContent();
    assert.match(description, /This layer \(Dk = 3, N = 512\) has R = 0\.113; as N grows, R levels out at 1\/Dk² = 0\.111/);
    await page.close();
  }
});

test('charts are sharp: the canvas has as many pixels as the screen', async () => {
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  await page.goto(env.server.url + MOBILENET);
  await live(page);
  await drawn(page, 'ratio-vs-n');
  const [w, cw] = await page.evaluate(() => [document.getElementById('ratio-vs-n').width, document.getElementById('ratio-vs-n').clientWidth]);
  assert.equal(w, cw * 3);
  // Resizing re-lays the chart out at the new width.
  await page.setViewportSize({ width: 700, height: 844 });
  await eventually(async () => {
    const [w2, cw2] = await page.evaluate(() => [document.getElementById('ratio-vs-n').width, document.getElementById('ratio-vs-n').clientWidth]);
    assert.ok(cw2 > cw);
    assert.equal(w2, cw2 * 3);
  });
  await page.close();
});

test('the theme switch overrides the system, redraws the canvases and goes into the link', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
  await page.goto(env.server.url + MOBILENET + '&theme=light');
  await live(page);
  await drawn(page, 'ratio-vs-n');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.ok(near(await pixel(page, 'ratio-vs-n', 4, 4), [255, 255, 255], 6), 'light despite a dark system');
  await page.locator('#theme-dark').click();
  // The switch is at the top; the chart repaints once it is back in view.
  await page.locator('#ratio-vs-n').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(near(await pixel(page, 'ratio-vs-n', 4, 4), await cssColour(page, '--panel'), 6)));
  assert.ok(!near(await pixel(page, 'ratio-vs-n', 4, 4), [255, 255, 255], 60), 'the chart is dark now');
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('theme'), 'dark'));
  await page.locator('#theme-system').click();
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('theme'), null));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the system is dark');
  await page.close();
});

test('a chart off screen paints nothing until it is scrolled into view, yet its words follow the layer', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same&step=3');
  const draws = () => page.evaluate(() => Number(document.getElementById('ratio-vs-n').dataset.draws ?? 0));
  const below = await page.evaluate(() => document.getElementById('ratio-vs-n').getBoundingClientRect().top > innerHeight);
  assert.ok(below, 'at 1280x720 the charts start below the fold');
  const first = await draws();
  for (const n of ['100', '200', '300']) await page.locator('#n-input').fill(n);
  // What the chart reports follows at once, off screen too.
  await eventually(async () => assert.equal((await data(page, 'ratio-vs-n')).x, '300'));
  await page.waitForTimeout(200);
  assert.equal(await draws(), first, 'no painting while off screen');
  await page.locator('#ratio-vs-n').scrollIntoViewIfNeeded();
  await eventually(async () => assert.equal(await draws(), first + 1, 'one paint, for the latest layer'));
  assert.deepEqual(page.problems, []);
});

test('a slider\'s change reaches the charts and the animation in the next frame, not a frame later', async () => {
  // Every panel on screen, so that each paints.
  const page = await open(env.browser, env.server.url, `${MOBILENET}&step=3`, { width: 1280, height: 3200 });
  const canvases = ['ratio-vs-n', 'ratio-vs-dk', 'cost-bars', 'anim-canvas'];
  for (const id of canvases) await drawn(page, id);
  const frames = await page.evaluate(async (canvases) => {
    const draws = () => canvases.map((id) => Number(document.getElementById(id).dataset.draws));
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const slider = document.getElementById('n-slider');
    const count = document.getElementById('cost-standard');
    const out = [];
    for (let i = 0; i < 10; i++) {
      await frame();
      const [before, value] = [draws(), count.dataset.value];
      slider.value = String(Number(slider.value) - 7);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // The counts change in the input's own task.
      const t0 = performance.now();
      while (count.dataset.value === value) {
        if (performance.now() - t0 > 1000) throw new Error(`the counts did not follow N = ${slider.value}`);
        await Promise.resolve();
      }
      // How many frames until every canvas has painted the change, counted after each
      // frame's own work (a message posted in a frame runs after it).
      let waited = 0;
      do {
        await frame();
        await new Promise((done) => { const { port1, port2 } = new MessageChannel(); port1.onmessage = done; port2.postMessage(0); });
        waited += 1;
      } while (draws().some((d, k) => d === before[k]) && waited < 10);
      out.push(waited);
    }
    return out;
  }, canvases);
  // Yew lets the browser paint once a render has taken 16 ms, and its painters then wait for
  // the next frame: a busy machine (CI running the whole suite) made two inputs of five wait
  // so. Until this round, every one waited a frame more (2, 2, 2, 2, 2), so even four of ten
  // in the next frame tell the two apart.
  assert.ok(frames.filter((f) => f === 1).length >= 4 && Math.max(...frames) <= 2,
    `frames from each input until every canvas showed it: ${frames}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a playing animation paints once a frame while a slider is dragged', async () => {
  const page = await open(env.browser, env.server.url, `${MOBILENET}&step=3`, { width: 1280, height: 3200 });
  await drawn(page, 'anim-canvas');
  await page.locator('#anim-speed').fill('60');
  await page.locator('#anim-play').click();
  // Each paint of the scene, by the animation frame it is in (document.timeline holds the
  // frame's time while its work runs): its steps and the slider's layers both reach it.
  await page.evaluate(() => {
    window.paints = [];
    new MutationObserver(() => window.paints.push(document.timeline.currentTime))
      .observe(document.getElementById('anim-canvas'), { attributes: true, attributeFilter: ['data-draws'] });
  });
  const before = await page.locator('#cost-standard').getAttribute('data-value');
  const box = await page.locator('#n-slider').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) {
    await page.mouse.move(box.x + box.width / 2 + (i % 20) * 4, box.y + box.height / 2);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await page.waitForTimeout(200);
  assert.notEqual(await page.locator('#cost-standard').getAttribute('data-value'), before, 'the drag changed N');
  const paints = await page.evaluate(() => window.paints);
  const perFrame = new Map();
  for (const t of paints) perFrame.set(t, (perFrame.get(t) ?? 0) + 1);
  assert.ok(perFrame.size >= 20, `the scene painted in ${perFrame.size} frames`);
  // Until this round, a frame with both a step and a new layer painted the scene twice.
  const twice = [...perFrame.values()].filter((n) => n > 1).length;
  assert.equal(twice, 0, `${twice} of ${perFrame.size} frames painted the scene more than once`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the level\'s name is drawn over the curves that fall through it, on a halo of the panel\'s colour', async () => {
  // R against Dk for N = 8: at the left, the curves of 32 to 1024 filters cross 1/N.
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same');
  await page.addInitScript(() => {
    window.ops = [];
    const proto = CanvasRenderingContext2D.prototype;
    let path = [];
    for (const name of ['fillText', 'fillRect', 'stroke', 'beginPath', 'moveTo', 'lineTo']) {
      const draw = proto[name];
      proto[name] = function (...args) {
        if (this.canvas.id === 'ratio-vs-dk') {
          if (name === 'beginPath') path = [];
          else if (name === 'moveTo' || name === 'lineTo') path.push(args.slice(0, 2));
          else {
            // A stroke keeps the path it drew; words keep the box they fill.
            const box = name === 'fillText'
              ? { width: this.measureText(args[0]).width, height: parseFloat(this.font.match(/([\d.]+)px/)[1]), baseline: this.textBaseline }
              : null;
            window.ops.push({ name, args: args.slice(0, 4), fill: this.fillStyle, size: [this.canvas.width, this.canvas.height], path, box });
          }
        }
        return draw.apply(this, args);
      };
    }
  });
  for (const theme of ['light', 'dark']) {
    await page.goto(`${env.server.url}?df=8&dk=3&m=3&n=8&pad=same&theme=${theme}`);
    await live(page);
    await page.waitForFunction(() => Number(document.getElementById('ratio-vs-dk').dataset.draws) >= 1);
    const ops = await page.evaluate(() => window.ops);
    const label = ops.findLastIndex((op) => op.name === 'fillText' && op.args[0] === '1/N = 0.125');
    assert.ok(label > 0, `${theme}: the level is named`);
    // The draw it belongs to starts by filling the whole canvas with the panel's colour.
    const start = ops.findLastIndex((op, i) => i < label && op.name === 'fillRect'
      && op.args[0] === 0 && op.args[1] === 0 && op.args[2] === op.size[0] && op.args[3] === op.size[1]);
    assert.ok(start >= 0, `${theme}: the draw fills its canvas first`);
    const panel = ops[start].fill;
    const whole = (op) => op.name === 'fillRect' && op.args[2] === op.size[0] && op.args[3] === op.size[1];
    const end = ops.findIndex((op, i) => i > label && whole(op));
    // The four curves are drawn first: after the name, only the marked point's ring.
    const after = ops.slice(label, end < 0 ? ops.length : end).filter((op) => op.name === 'stroke').length;
    assert.ok(after <= 1, `${theme}: ${after} lines drawn over the name`);
    // Under it, a halo: the same words in the panel's colour, all round it, and no box
    // that would hide the curves between the letters.
    const [, x, y] = ops[label].args;
    const halo = ops.slice(label - 8, label);
    for (const op of halo) {
      assert.equal(op.name, 'fillText', `${theme}: the halo is words, not a ${op.name}`);
      assert.equal(op.args[0], '1/N = 0.125');
      assert.equal(op.fill, panel, `${theme}: in the panel's colour`);
    }
    const offsets = new Set(halo.map((op) => `${Math.sign(op.args[1] - x)},${Math.sign(op.args[2] - y)}`));
    assert.equal(offsets.size, 8, `${theme}: all round the name: ${[...offsets]}`);
    assert.notEqual(ops[label - 9].name, 'fillRect', `${theme}: no box under the name`);
    // And it sits where no curve runs: each curve (a path of many points, where grid
    // lines, axes and dashes have two) stays out of its box.
    const { width, height, baseline } = ops[label].box;
    assert.equal(baseline, 'top');
    const inside = ([px, py]) => px > x && px < x + width && py > y && py < y + height;
    const curves = ops.slice(start, label).filter((op) => op.name === 'stroke' && op.path.length > 2);
    assert.ok(curves.length >= 4, `${theme}: ${curves.length} curves`);
    for (const { path } of curves) {
      for (let i = 1; i < path.length; i++) {
        const [[x0, y0], [x1, y1]] = [path[i - 1], path[i]];
        for (let t = 0; t <= 1; t += 1 / 64) {
          const point = [x0 + t * (x1 - x0), y0 + t * (y1 - y0)];
          assert.ok(!inside(point), `${theme}: a curve runs through the name at ${point}`);
        }
      }
    }
  }
  assert.deepEqual(page.problems, []);
});

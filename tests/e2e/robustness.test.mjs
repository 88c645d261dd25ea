// Sturdiness: the app under a strict Content-Security-Policy, every control swept for
// console errors, a thousand slider inputs as fast as the browser takes them, random
// jumps while the animation runs, and no request to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shared, open, figures, eventually, live } from './harness.mjs';
import { expected, outputSize } from './reference.mjs';

const env = shared({ csp: true });

/** The figures on the page equal the reference model's for the layer its boxes show. */
async function assertExact(page) {
  await eventually(async () => {
    const layer = await page.evaluate(() => {
      const v = (k) => Number(document.getElementById(`${k}-input`).value);
      const pad = document.querySelector('[id^="pad-"][aria-pressed="true"]').id.slice(4);
      return { df: v('df'), dk: v('dk'), m: v('m'), n: v('n'), stride: v('stride'), dil: v('dil'),
        pad: pad === 'explicit' ? String(v('pad')) : pad,
        g: Number(document.getElementById('g-value').dataset.value),
        bias: document.getElementById('bias').checked,
        unit: document.querySelector('[id^="unit-"][aria-pressed="true"]').id.slice(5) };
    });
    const got = await figures(page);
    for (const [id, want] of Object.entries(expected(layer))) assert.equal(got[id], want, `${id} for ${JSON.stringify(layer)}`);
  });
}

test('under a strict CSP the whole app works: figures, charts, exports, animation', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same&mode=separable&step=0');
  const served = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(served, /default-src 'self'; script-src 'self'( 'sha256-[^']+')+ 'wasm-unsafe-eval'/);
  assert.doesNotMatch(served, /unsafe-inline|'unsafe-eval'/);
  // The stylesheet in the page applies by its hash (a violation would be in page.problems).
  assert.match(served, /; style-src 'self' 'sha256-[^']+';/);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.panel')).borderTopLeftRadius), '10px');
  await assertExact(page);
  await page.locator('#n-input').fill('64');
  await assertExact(page);
  for (const id of ['ratio-vs-n', 'ratio-vs-dk', 'cost-bars']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await eventually(async () => assert.ok(Number(await page.locator(`#${id}`).getAttribute('data-draws')) >= 1, id));
  }
  const bars = await page.evaluate(() => document.querySelector('.bar-pointwise').getBoundingClientRect().width);
  assert.ok(bars > 0, 'bar widths are set through the CSSOM, which the policy allows');
  const chart = page.locator('.chart', { has: page.locator('#ratio-vs-n') });
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as SVG/ }).click()]);
  assert.match(await readFile(await svg.path(), 'utf8'), /Dk=3/);
  await page.locator('#anim-canvas').focus();
  await page.keyboard.press('End');
  await eventually(async () => assert.equal(await page.locator('#anim-mults-total').getAttribute('data-value'), expected({ df: 14, dk: 3, m: 512, n: 64, pad: 'same' })['cost-separable']));
  assert.deepEqual(page.problems, []);
});

test('under the strict CSP, a Chinese reader\'s page comes from its own file, without a violation', async () => {
  const chinese = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await open(chinese, env.server.url);
  assert.equal(page.requests.filter((u) => /\/prerendered-zh-[0-9a-f]{16}\.js$/.test(u)).length, 1, `${page.requests}`);
  assert.equal(await page.locator('#layer-title').textContent(), '这一层');
  await assertExact(page);
  assert.deepEqual(page.problems, []);
  await chinese.close();
});

test('every control, at its extremes, leaves no error or warning and exact figures', async () => {
  const page = await open(env.browser, env.server.url);
  const sliders = await page.locator('input[type=range]').evaluateAll((els) => els.map((e) => e.id));
  for (const id of sliders) {
    for (const at of ['min', 'max']) {
      const value = await page.locator(`#${id}`).getAttribute(at);
      await page.locator(`#${id}`).fill(value);
    }
  }
  await assertExact(page);
  for (const key of ['df', 'dk', 'm', 'n', 'stride', 'dil']) {
    for (const text of ['0', '-1', '1e9', 'x', '', '99999999999999999999999', '7.5', '１２']) {
      await page.locator(`#${key}-input`).fill(text);
    }
    await page.locator(`#${key}-input`).blur();
  }
  await assertExact(page);
  // Every enabled button but Present and the two network tabs, which swap the page for another view
  // (their own tests cover them).
  const all = 'button:visible:enabled:not(#present):not(#view-network):not(#view-model)';
  const buttons = await page.locator(all).count();
  for (let i = 0; i < buttons; i++) {
    const button = page.locator(all).nth(i);
    const label = (await button.getAttribute('aria-label')) ?? (await button.textContent());
    if (/as PNG|as SVG/.test(label)) {
      await Promise.all([page.waitForEvent('download'), button.click()]);
    } else {
      await button.click();
    }
  }
  await assertExact(page);
  assert.deepEqual(page.problems, []);
});

test('a thousand slider inputs as fast as the browser takes them', async () => {
  const page = await open(env.browser, env.server.url);
  const started = Date.now();
  await page.evaluate(() => {
    const sliders = ['df', 'dk', 'm', 'n'].map((k) => document.getElementById(`${k}-slider`));
    for (let i = 0; i < 1000; i++) {
      const slider = sliders[i % 4];
      slider.value = String((i * 7919) % 1001);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await assertExact(page);
  // Still responsive: a typed value lands at once.
  await page.locator('#n-input').fill('77');
  await assertExact(page);
  assert.equal(await page.locator('#n-input').inputValue(), '77');
  assert.ok(Date.now() - started < 30_000);
  assert.deepEqual(page.problems, []);
});

test('random parameter jumps while the animation runs keep every count exact', async () => {
  const page = await open(env.browser, env.server.url, '?mode=standard&step=0');
  await page.locator('#anim-speed').fill('100');
  await page.locator('#anim-play').click();
  let seed = 12345;
  const random = (lo, hi) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return lo + (seed % (hi - lo + 1));
  };
  for (let i = 0; i < 200; i++) {
    const [key, lo, hi] = [['df', 1, 4096], ['dk', 1, 9], ['m', 1, 8192], ['n', 1, 8192]][i % 4];
    await page.locator(`#${key}-input`).fill(String(random(lo, hi)));
  }
  await assertExact(page);
  if ((await page.locator('#anim-play').textContent()).includes('Pause')) await page.locator('#anim-play').click();
  // The animation's counters agree with the formulas for the layer it ended on, which
  // reaches the animation a frame after the counts.
  const layer = await page.evaluate(() => Object.fromEntries(['df', 'dk', 'm', 'n'].map((k) => [k, Number(document.getElementById(`${k}-input`).value)])));
  layer.pad = 'same';
  const perStep = BigInt(layer.dk) ** 2n * BigInt(layer.m);
  const dp = BigInt(outputSize(layer));
  await eventually(async () => {
    const step = BigInt(await page.locator('#anim-step').getAttribute('data-value'));
    assert.equal(await page.locator('#anim-steps-total').getAttribute('data-value'), String(BigInt(layer.n) * dp * dp));
    assert.equal(await page.locator('#anim-mults-total').getAttribute('data-value'), String(step * perStep));
  });
  assert.deepEqual(page.problems, []);
});

test('every request goes to the page\'s own origin', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same');
  const origins = new Set();
  page.on('request', (r) => { if (/^https?:/.test(r.url())) origins.add(new URL(r.url()).origin); });
  await page.reload();
  await live(page);
  await page.waitForSelector('#cost-standard');
  await page.locator('#n-input').fill('100');
  await page.locator('#anim-play').click();
  await page.waitForTimeout(300);
  assert.deepEqual([...origins], [new URL(env.server.url).origin]);
  assert.deepEqual(page.problems, []);
});

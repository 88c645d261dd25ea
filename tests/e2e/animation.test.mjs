// The animation: counters end exactly on the formulas, every control and key moves
// the frame, the URL restores it, and only one loop runs, only while playing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, eventually, live } from './harness.mjs';
import { expected, outputSize } from './reference.mjs';

const env = shared();

const value = (page, id) => page.evaluate((id) => document.getElementById(id)?.dataset.value, id);

async function waitValue(page, id, want) {
  await eventually(async () => assert.equal(await value(page, id), String(want), id));
}

/** Steps and multiplications of each phase, from the formulas, in BigInt. */
function phases(layer, mode) {
  const dp = BigInt(outputSize(layer));
  const [m, n, dk] = [layer.m, layer.n, layer.dk].map(BigInt);
  const e = expected(layer);
  return mode === 'standard'
    ? [{ steps: n * dp * dp, mults: BigInt(e['cost-standard']), name: 'Standard' }]
    : [
        { steps: m * dp * dp, mults: BigInt(e['cost-depthwise']), name: 'Depthwise' },
        { steps: n * dp * dp, mults: BigInt(e['cost-pointwise']), name: 'Pointwise' },
      ];
}

const query = (l, extra = '') => `?df=${l.df}&dk=${l.dk}&m=${l.m}&n=${l.n}&pad=${l.pad}&stride=${l.stride ?? 1}&dil=${l.dil ?? 1}${extra}`;

test('a link restores the exact frame, paused', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=70');
  await waitValue(page, 'anim-step', 70);
  assert.equal(await value(page, 'anim-steps-total'), '704');
  assert.equal(await value(page, 'anim-mults-step'), '9');
  assert.equal(await value(page, 'anim-mults-phase'), '630');
  assert.equal(await value(page, 'anim-mults-total'), '630');
  assert.equal(await page.locator('#anim-caption').textContent(),
    'Depthwise: channel 2 of 3, position (1, 6): 9 multiplications, 630 so far');
  assert.equal(await page.locator('#anim-caption').getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator('#anim-play').textContent(), '▶ Play');
  await page.waitForTimeout(300);
  assert.equal(await value(page, 'anim-step'), '70', 'a restored frame does not move by itself');
  assert.deepEqual(page.problems, []);
});

test('keys step, jump channel by channel and phase by phase, and say when a phase is done', async () => {
  const layer = { df: 8, dk: 3, m: 3, n: 8, pad: 'same' };
  const page = await open(env.browser, env.server.url, query(layer, '&mode=separable&step=70'));
  await page.locator('#anim-canvas').focus();
  for (const [key, want] of [['ArrowRight', 71], ['ArrowLeft', 70], ['Shift+ArrowRight', 129],
    ['Shift+ArrowRight', 193], ['Shift+ArrowLeft', 129], ['Home', 0], ['PageDown', 192]]) {
    await page.keyboard.press(key);
    await waitValue(page, 'anim-step', want);
  }
  const [dw, pw] = phases(layer, 'separable');
  assert.equal(await value(page, 'anim-mults-phase'), String(dw.mults));
  assert.equal(await value(page, 'anim-phase-formula'), String(dw.mults));
  assert.match(await page.locator('#anim-done').textContent(), /✓ Depthwise done: 1,728 multiplications, exactly M × Dk² × Dp² = 1,728\./);
  await page.keyboard.press('End');
  await waitValue(page, 'anim-step', String(dw.steps + pw.steps));
  assert.equal(await value(page, 'anim-mults-phase'), String(pw.mults));
  assert.equal(await value(page, 'anim-mults-total'), String(dw.mults + pw.mults));
  assert.match(await page.locator('#anim-done').textContent(), /Pointwise done/);
  // Space plays and pauses.
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '❚❚ Pause'));
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '▶ Play'));
  assert.deepEqual(page.problems, []);
});

for (const [name, layer] of [
  ['the default layer', { df: 8, dk: 3, m: 3, n: 8, pad: 'same' }],
  ['MobileNet\'s 14x14x512 layer', { df: 14, dk: 3, m: 512, n: 512, pad: 'same' }],
  ['a strided, dilated, padded layer', { df: 11, dk: 3, m: 5, n: 7, pad: '2', stride: 2, dil: 2 }],
]) {
  for (const mode of ['separable', 'standard']) {
    test(`playing ${name} (${mode}) to the end lands on the formulas`, async () => {
      const page = await open(env.browser, env.server.url, query(layer, `&mode=${mode}&step=0`));
      const all = phases(layer, mode);
      const totalSteps = all.reduce((s, p) => s + p.steps, 0n);
      const totalMults = all.reduce((s, p) => s + p.mults, 0n);
      assert.equal(await value(page, 'anim-steps-total'), String(totalSteps));
      assert.equal(await value(page, 'anim-total-formula'), String(totalMults));
      // The end of each phase, by the phase key, then all the way by playing.
      let end = 0n;
      for (const phase of all) {
        end += phase.steps;
        await page.locator('#anim-canvas').focus();
        await page.keyboard.press('PageDown');
        await waitValue(page, 'anim-step', end);
        assert.equal(await value(page, 'anim-mults-phase'), String(phase.mults), `${phase.name} ends on its formula`);
      }
      await page.keyboard.press('Home');
      await page.locator('#anim-speed').fill('100');
      await page.locator('#anim-play').click();
      await eventually(async () => assert.equal(await value(page, 'anim-step'), String(totalSteps)), 15000);
      assert.equal(await value(page, 'anim-mults-total'), String(totalMults));
      await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('step'), String(totalSteps)));
      assert.equal(await page.locator('#anim-play').textContent(), '▶ Play', 'it stops at the end');
      assert.deepEqual(page.problems, []);
    });
  }
}

test('the scrubber, the mode and a new layer move the frame; the URL follows', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=1');
  await page.locator('#anim-scrubber').fill('500');
  await waitValue(page, 'anim-step', 500);
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('step'), '500'));
  // Df = 4: (3 + 8) x 16 = 176 steps; the frame keeps its place as far as it exists.
  await page.locator('#df-input').fill('4');
  await waitValue(page, 'anim-step', 176);
  await page.locator('#anim-mode-standard').click();
  await waitValue(page, 'anim-steps-total', 8 * 16);
  await waitValue(page, 'anim-step', 128);
  assert.equal(new URL(page.url()).searchParams.get('mode'), 'standard');
  assert.deepEqual(page.problems, []);
});

test('it plays by itself unless motion is reduced, and stops for good on pause', async () => {
  const moving = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same');
  await eventually(async () => assert.ok(Number(await value(moving, 'anim-step')) > 0, 'it moves'));
  assert.equal(await moving.locator('#anim-caption').getAttribute('aria-live'), 'off', 'quiet while playing');
  await moving.locator('#anim-play').click();
  await eventually(async () => assert.equal(await moving.locator('#anim-caption').getAttribute('aria-live'), 'polite'));
  const paused = await value(moving, 'anim-step');
  await moving.waitForTimeout(400);
  assert.equal(await value(moving, 'anim-step'), paused, 'no loop runs after a pause');
  await moving.close();

  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  await page.goto(env.server.url + '?df=8&dk=3&m=3&n=8&pad=same');
  await live(page);
  await page.waitForSelector('#anim-step');
  await page.waitForTimeout(400);
  assert.equal(await value(page, 'anim-step'), '0');
  assert.equal(await page.locator('#anim-play').textContent(), '▶ Play');
  await page.close();
});

test('the largest layer animates with exact counters', async () => {
  const layer = { df: 4096, dk: 512, m: 8192, n: 8192, pad: '512' };
  const page = await open(env.browser, env.server.url, query(layer, '&mode=standard&step=123456789012'));
  const [st] = phases(layer, 'standard');
  const perStep = BigInt(512 * 512 * 8192);
  await waitValue(page, 'anim-step', 123456789012);
  assert.equal(await value(page, 'anim-steps-total'), String(st.steps));
  assert.equal(await value(page, 'anim-mults-total'), String(123456789012n * perStep));
  await page.locator('#anim-canvas').focus();
  await page.keyboard.press('End');
  await waitValue(page, 'anim-mults-total', st.mults);
  assert.deepEqual(page.problems, []);
});

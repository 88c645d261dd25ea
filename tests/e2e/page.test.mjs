// The foundation page, driven as a person would: sliders, typed values, links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, figures, eventually, live, checkFigures, textOf } from './harness.mjs';
import { expected } from './reference.mjs';

const env = shared();

const DEFAULT = { df: 8, dk: 3, m: 3, n: 8, pad: 'same' };

/** The page's figures against the reference model, the ratios to 12 digits. */
async function assertFigures(page, layer) {
  await eventually(() => checkFigures(page, layer));
}


/** The address bar's keys as the page has them now (`page.url()` follows a moment later). */
async function urlParams(page) {
  return Object.fromEntries(new URL(await page.evaluate(() => location.href)).searchParams);
}

test('while a slider is dragged the numbers follow every step and the address bar waits for it to be let go', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&step=0');
  /** Drags the slider `id` from 10 % to `to` of its width, checking `during` before it is
   *  let go, and returns what `during` returned. */
  async function drag(id, to, during) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const box = await page.locator(`#${id}`).boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * to, y, { steps: 6 });
    const seen = await during();
    await page.mouse.up();
    return seen;
  }
  // The layer's N: the counts are the new layer's at once, the link still the old one's.
  const n = await drag('n-slider', 0.5, async () => {
    const n = Number(await page.locator('#n-input').inputValue());
    assert.ok(n > 8, `the drag moved N to ${n}`);
    await checkFigures(page, { ...DEFAULT, n });
    assert.equal((await urlParams(page)).n, '8', 'mid-drag, the address bar waits');
    return n;
  });
  await eventually(async () => assert.equal((await urlParams(page)).n, String(n), 'let go: it follows'));
  // The animation's timeline, the same way.
  const step = await drag('anim-scrubber', 0.6, async () => {
    const step = await page.locator('#anim-scrubber').inputValue();
    assert.notEqual(step, '0');
    assert.equal((await urlParams(page)).step, '0', 'mid-drag, the address bar waits');
    return step;
  });
  await eventually(async () => assert.equal((await urlParams(page)).step, step));
  // A key on a slider is one change, written at once.
  await page.locator('#n-slider').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal((await urlParams(page)).n, String(n + 1));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the default layer shows exact figures and writes every key to the URL', async () => {
  const page = await open(env.browser, env.server.url);
  await assertFigures(page, DEFAULT);
  assert.deepEqual(await urlParams(page), { df: '8', dk: '3', m: '3', n: '8', pad: 'same', stride: '1', dil: '1', mode: 'separable', step: '0', lang: 'en' });
  assert.equal(await page.locator('#cost-standard').textContent(), '13,824');
  assert.match(await page.locator('.eq').first().textContent(), /N × Dp2 × Dk2 × M/);
  assert.equal(await page.locator('#notice-text').count(), 0, 'no notice for a clean link');
  assert.deepEqual(page.problems, []);
});

test('MobileNet\'s example layer, from a link, with formulas, separators and short forms', async () => {
  const layer = { df: 14, dk: 3, m: 512, n: 512, pad: 'same' };
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same');
  await assertFigures(page, layer);
  assert.equal((await figures(page))['cost-standard'], '462422016');
  assert.equal((await figures(page))['cost-separable'], '52283392');
  const card = page.locator('.card-standard');
  assert.match(await card.textContent(), /= 512 × 142 × 32 × 512/);
  assert.match(await card.textContent(), /462,422,016/);
  assert.match(await card.textContent(), /462\.4 M/);
  assert.match(await page.locator('.headline').textContent(), /8\.8×\s*fewer multiply-adds/);
  assert.match(await page.locator('.ratios').textContent(), /= 521\/4,608 = 0\.113064236/);
  assert.deepEqual(page.problems, []);
});

test('a factor in the thousands is grouped in the headline like every other figure', async () => {
  // R = 1/8192 + 1/512²: the separable side needs 7,943.8 times fewer, said "7943.8×" before.
  const page = await open(env.browser, env.server.url, '?df=64&dk=512&m=16&n=8192&pad=same');
  await assertFigures(page, { df: 64, dk: 512, m: 16, n: 8192, pad: 'same' });
  const speedup = Number(await page.locator('#speedup').getAttribute('data-value'));
  assert.ok(speedup > 1000, `${speedup}`);
  const grouped = (Math.round(speedup * 10) / 10).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  assert.match(await page.locator('.headline').textContent(), new RegExp(`^\\s*${grouped.replace('.', '\\.')}×`));
  assert.deepEqual(page.problems, []);
});

test('each slider moves its value, the number box, the figures and the URL', async () => {
  const page = await open(env.browser, env.server.url);
  let layer = { ...DEFAULT };
  for (const key of ['df', 'dk', 'm', 'n']) {
    const slider = page.locator(`#${key}-slider`);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    layer = { ...layer, [key]: layer[key] + 1 };
    await assertFigures(page, layer);
    assert.equal(await page.locator(`#${key}-input`).inputValue(), String(layer[key]));
    // The address bar is written once the page has drawn the new layer: on a busy machine
    // a moment after the figures (CI saw the old value once).
    await eventually(async () => assert.equal((await urlParams(page))[key], String(layer[key])));
    await page.keyboard.press('PageUp');
    layer = { ...layer, [key]: layer[key] * 2 };
    await assertFigures(page, layer);
  }
  // Dragging: a position on the logarithmic track, here its far end, is the maximum.
  await page.locator('#n-slider').fill('1000');
  layer = { ...layer, n: 8192 };
  await assertFigures(page, layer);
  assert.equal(await page.locator('#n-input').inputValue(), '8192');
  assert.deepEqual(page.problems, []);
});

test('typing good values updates, bad ones are explained beside the box and change nothing', async () => {
  const page = await open(env.browser, env.server.url);
  await page.locator('#n-input').fill('64');
  let layer = { ...DEFAULT, n: 64 };
  await assertFigures(page, layer);
  assert.equal(await page.locator('#n-slider').getAttribute('aria-valuetext'), 'N = 64');

  for (const [key, text, why] of [
    ['n', 'abc', /not a number: N takes a whole number from 1 to 8192\. Kept 64\./],
    ['n', '0', /0 is out of range: N takes a whole number from 1 to 8192/],
    ['dk', '99999', /99999 is out of range: Dk takes a whole number from 1 to 512\. Kept 3\./],
    ['m', '2.5', /not a whole number/],
    ['df', '', /empty/],
  ]) {
    await page.locator(`#${key}-input`).fill(text);
    await textOf(page.locator(`#${key}-error`), why);
    assert.equal(await page.locator(`#${key}-input`).getAttribute('aria-invalid'), 'true');
    await assertFigures(page, layer);
    await page.locator(`#${key}-input`).fill(String(layer[key]));
    await textOf(page.locator(`#${key}-error`), '');
  }
  // Leaving a box with a bad value shows the value in force again.
  await page.locator('#m-input').fill('lots');
  await page.locator('#m-input').blur();
  await eventually(async () => assert.equal(await page.locator('#m-input').inputValue(), '3'));
  assert.deepEqual(page.problems, []);
});

test('a kernel larger than the input is refused with a notice; the last layer stays', async () => {
  const page = await open(env.browser, env.server.url, '?df=5&dk=5&m=3&n=8&pad=valid');
  const layer = { df: 5, dk: 5, m: 3, n: 8, pad: 'valid' };
  await assertFigures(page, layer);
  assert.equal((await figures(page)).dp, '1');
  await page.locator('#dk-input').fill('7');
  const notice = page.locator('#notice[role="status"]');
  await textOf(notice, /Dk = 7 gives no output: the kernel spans 7 pixels but the padded input has 5/);
  await assertFigures(page, layer);
  // Said beside the box too, which is marked wrong while it holds the refused value.
  await textOf(page.locator('#dk-error'), /Kept the last layer: Dk = 7 gives no output/);
  assert.equal(await page.locator('#dk-input').getAttribute('aria-invalid'), 'true');
  // Read out once, by the notice, not a second time beside the box.
  assert.equal(await page.locator('#dk-error').getAttribute('aria-live'), 'off');
  // The slider cannot push past it either; its thumb stays with the value kept.
  await page.locator('#dk-slider').focus();
  await page.keyboard.press('ArrowRight');
  await assertFigures(page, layer);
  assert.equal(await page.locator('#dk-slider').getAttribute('aria-valuetext'), 'Dk = 5');
  await page.locator('#dk-slider').fill('400');
  await textOf(notice, /Dk = 12 gives no output/);
  // A slider's refusal is said beside it; the box, showing the value kept, is not wrong.
  await textOf(page.locator('#dk-error'), /Dk = 12 gives no output/);
  await eventually(async () => assert.equal(await page.locator('#dk-input').getAttribute('aria-invalid'), 'false'));
  const thumbAtFive = String(Math.round(1000 * Math.log(5) / Math.log(512)));
  await eventually(async () => assert.equal(await page.locator('#dk-slider').inputValue(), thumbAtFive));
  // Same padding makes it fit again: Dp = Df.
  await page.locator('#pad-same').click();
  await page.locator('#dk-input').fill('7');
  await assertFigures(page, { ...layer, pad: 'same', dk: 7 });
  assert.equal(await page.locator('#notice-text').count(), 0, 'a good change clears the notice');
  assert.equal(await page.locator('#dk-error').textContent(), '');
  assert.deepEqual(page.problems, []);
});

test('on a phone, a refused change is said where the reader is looking, not only in the notice far above', async () => {
  const page = await open(env.browser, env.server.url, '?df=10&dk=3&m=3&n=8&pad=valid', { width: 390, height: 844 });
  await page.locator('#dil-input').scrollIntoViewIfNeeded();
  await page.locator('#dil-input').fill('9');
  const said = page.locator('#dil-error');
  await textOf(said, /Kept the last layer: D = 9 gives no output/);
  const [box, message] = [await page.locator('#dil-input').boundingBox(), await said.boundingBox()];
  assert.ok(message.y >= 0 && message.y + message.height <= 844, `the message is on screen: ${JSON.stringify(message)}`);
  assert.ok(message.y - (box.y + box.height) < 120, `and next to the box: ${JSON.stringify([box, message])}`);
  assert.equal(await page.locator('#dil-input').getAttribute('aria-invalid'), 'true');
  await assertFigures(page, { df: 10, dk: 3, m: 3, n: 8, pad: 'valid' });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a refused padding is said under the padding buttons, where the reader clicked', async () => {
  // 3x3 and a 5x5 kernel: only same padding gives an output. The refusal was said only
  // in the notice at the top of the page, out of view of the buttons.
  const layer = { df: 3, dk: 5, m: 3, n: 8, pad: 'same' };
  const page = await open(env.browser, env.server.url, '?df=3&dk=5&m=3&n=8&pad=same', { width: 1280, height: 720 });
  await page.locator('#pad-valid').evaluate((button) => button.scrollIntoView({ block: 'center' }));
  await page.locator('#pad-valid').click();
  const said = page.locator('#padding-error');
  await textOf(said, /valid padding/);
  await textOf(page.locator('#notice-text'), /valid padding/);
  const [button, message] = [await page.locator('#pad-valid').boundingBox(), await said.boundingBox()];
  assert.ok(message.y >= 0 && message.y + message.height <= 720, `the message is on screen: ${JSON.stringify(message)}`);
  assert.ok(message.y - (button.y + button.height) < 120, `and by the buttons: ${JSON.stringify([button, message])}`);
  assert.equal(await page.locator('#pad-same').getAttribute('aria-pressed'), 'true');
  await assertFigures(page, layer);
  // A good change clears it.
  await page.locator('#df-input').fill('9');
  await page.locator('#pad-valid').click();
  await eventually(async () => assert.equal(await said.textContent(), ''));
  await assertFigures(page, { ...layer, df: 9, pad: 'valid' });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('explicit padding chosen after same starts where same was, and the counts stay', async () => {
  // 8x8 and a 5x5 kernel: same pads 2 on every side. Explicit started at none, and the
  // standard count fell from 38,400 to 9,600 without a word.
  const layer = { df: 8, dk: 5, m: 3, n: 8 };
  const page = await open(env.browser, env.server.url, '?df=8&dk=5&m=3&n=8&pad=same');
  await assertFigures(page, { ...layer, pad: 'same' });
  const standard = await page.locator('#cost-standard').getAttribute('data-value');
  await page.locator('#pad-explicit').click();
  await eventually(async () => assert.equal(await page.locator('#pad-input').inputValue(), '2'));
  await assertFigures(page, { ...layer, pad: 2 });
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), standard);
  await eventually(async () => assert.match(page.url(), /[?&]pad=2(&|$)/));
  // From valid, explicit starts at none, as valid is.
  await page.locator('#pad-valid').click();
  await page.locator('#pad-explicit').click();
  await eventually(async () => assert.equal(await page.locator('#pad-input').inputValue(), '0'));
  await assertFigures(page, { ...layer, pad: 0 });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a hand-edited link with bad values keeps the good ones and names the bad', async () => {
  const page = await open(env.browser, env.server.url, '?df=abc&n=0&dk=99999&m=16&pad=valid');
  const layer = { ...DEFAULT, m: 16, pad: 'valid' };
  await assertFigures(page, layer);
  const text = await page.locator('#notice[role="status"]').textContent();
  for (const named of ['df=abc', 'n=0', 'dk=99999']) assert.ok(text.includes(named), `notice names ${named}: ${text}`);
  // The URL is rewritten to what is on screen.
  assert.deepEqual(await urlParams(page), { df: '8', dk: '3', m: '16', n: '8', pad: 'valid', stride: '1', dil: '1', mode: 'separable', step: '0', lang: 'en' });
  await page.locator('.notice-close').click();
  await eventually(async () => assert.equal(await page.locator('#notice-text').count(), 0));
  assert.deepEqual(page.problems, []);
});

test('a link with a mistyped key or a key twice says so, and keeps the rest', async () => {
  // A lecturer's hand-typed link: a slip (dff), a key given twice (n), and what a blog's
  // share button adds (utm_source), which is not the reader's and goes unremarked.
  const query = '?df=16&dff=32&n=4&n=64&utm_source=slides';
  const page = await open(env.browser, env.server.url, query);
  await assertFigures(page, { ...DEFAULT, df: 16, n: 64 });
  await textOf(page.locator('#notice-text'), 'The link gives n more than once; using the last, n=64. '
    + 'Ignored dff=32 in the link (the page reads no key dff; did you mean df?).');
  // The address bar is rewritten to what is on screen: each key once, and no stranger.
  const params = new URLSearchParams(new URL(page.url()).search);
  assert.deepEqual(params.getAll('n'), ['64']);
  assert.equal(params.has('dff') || params.has('utm_source'), false, page.url());
  const zh = await open(env.browser, env.server.url, `${query}&lang=zh`);
  await textOf(zh.locator('#notice-text'), '链接中 n 出现了不止一次；使用最后一个：n=64。'
    + '已忽略链接中的 dff=32（页面不读取 dff 这个键；是否想写 df？）。');
  assert.deepEqual([...page.problems, ...zh.problems], []);
});

test('a link to a step past the animation\'s end shows the last step and says so', async () => {
  for (const step of ['99999999', '18446744073709551616']) {
    const page = await open(env.browser, env.server.url, `?df=8&dk=3&m=3&n=8&pad=same&step=${step}`);
    const last = await page.locator('#anim-scrubber').getAttribute('max');
    await textOf(page.locator('#notice-text'), `The link's step is past the animation's last, ${last}; showing the last.`);
    assert.equal(await page.locator('#anim-scrubber').inputValue(), last);
    assert.equal((await urlParams(page)).step, last);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the largest layer the controls accept is counted exactly, past 64 bits', async () => {
  const layer = { df: 4096, dk: 512, m: 8192, n: 8192, pad: '512' };
  const page = await open(env.browser, env.server.url, '?df=4096&dk=512&m=8192&n=8192&pad=512');
  await assertFigures(page, layer);
  assert.ok(BigInt((await figures(page))['cost-standard']) > 2n ** 64n);
  // Past T (or 万亿) a short form is a power of ten, in either language: "≈ 3.7 × 10²⁰",
  // which a student reads, not "373.7 E" or "373,708,714.7 万亿"; each is its card's exact
  // count to two figures.
  const powers = async () => page.evaluate(() => [...document.querySelectorAll('.card')].map((card) => ({
    exact: card.querySelector('.exact').textContent.replaceAll(',', ''),
    short: card.querySelector('.short')?.textContent ?? '',
  })));
  for (const lang of ['en', 'zh']) {
    if (lang === 'zh') await page.goto(`${env.server.url}?df=4096&dk=512&m=8192&n=8192&pad=512&lang=zh`);
    const cards = await eventually(async () => {
      const read = await powers();
      assert.equal(read.length, 4);
      return read;
    });
    const standard = cards.find((c) => c.exact === '373708714671389802496');
    assert.equal(standard?.short, '3.7 × 10²⁰', `${lang}: ${JSON.stringify(cards)}`);
    for (const { exact, short } of cards) {
      assert.doesNotMatch(short, /[EP,]/, `${lang}: ${short} for ${exact}`);
      const [, mantissa, power] = short.match(/^(\d\.\d) × 10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/) ?? [];
      // Below 10¹⁶ Chinese still counts in 万亿: "1425.6 万亿".
      if (!mantissa && lang === 'zh' && exact.length <= 16) continue;
      assert.ok(mantissa, `${lang}: ${short}`);
      const exponent = [...power].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(d)).join('');
      assert.equal(Number(exponent), exact.length - 1, `${lang}: ${short} for ${exact}`);
      assert.ok(Math.abs(Number(mantissa) - Number(`${exact[0]}.${exact.slice(1, 3)}`)) <= 0.05 + 1e-9, `${lang}: ${short} for ${exact}`);
    }
  }
  await page.goto(`${env.server.url}?df=4096&dk=512&m=8192&n=8192&pad=512`);
  await assertFigures(page, layer);
  // Legible too: counts of 20 characters and more come two cards to a row, each at 14 px
  // or more (four to a row set them at 9 px), inside its card.
  const sizes = await page.evaluate(() => [...document.querySelectorAll('.card .exact')].map((e) => {
    const [r, card] = [e.getBoundingClientRect(), e.closest('.card').getBoundingClientRect()];
    return { px: parseFloat(getComputedStyle(e).fontSize), inside: r.left >= card.left && r.right <= card.right, top: Math.round(card.top) };
  }));
  for (const { px, inside } of sizes) assert.ok(px >= 14 && inside, JSON.stringify(sizes));
  assert.equal(new Set(sizes.map((s) => s.top)).size, 2, `two rows of cards: ${JSON.stringify(sizes)}`);
  // On a phone, one card to a row, as for any layer: the counts at 14 px or more there too.
  await page.setViewportSize({ width: 390, height: 844 });
  await eventually(async () => {
    const phone = await page.evaluate(() => [...document.querySelectorAll('.card .exact')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
    for (const px of phone) assert.ok(px >= 14, `on a phone: ${phone}`);
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  // The default layer's short counts keep four to a row.
  await page.goto(`${env.server.url}?df=14&dk=3&m=512&n=512`);
  await page.waitForSelector('#cost-standard');
  const tops = await page.evaluate(() => [...document.querySelectorAll('.card')].map((c) => Math.round(c.getBoundingClientRect().top)));
  assert.equal(new Set(tops).size, 1, `one row: ${tops}`);
  assert.deepEqual(page.problems, []);
});

test('stride and dilation change Dp by the rule, from the controls and the URL', async () => {
  const page = await open(env.browser, env.server.url, '?df=9&dk=3&m=2&n=4&pad=1&stride=2&dil=2');
  await assertFigures(page, { df: 9, dk: 3, m: 2, n: 4, pad: '1', stride: 2, dil: 2 });
  assert.equal((await figures(page)).dp, '4');
  await page.locator('#stride-input').fill('3');
  await assertFigures(page, { df: 9, dk: 3, m: 2, n: 4, pad: '1', stride: 3, dil: 2 });
  assert.equal((await urlParams(page)).stride, '3');
  assert.deepEqual(page.problems, []);
});

test('on a phone, everything fits the width', async () => {
  const page = await open(env.browser, env.server.url, '?df=4096&dk=512&m=8192&n=8192&pad=512', { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert.deepEqual(page.problems, []);
});

/** The page's panels, by class, in the order they come down the page. */
const panelsDown = (page) => page.evaluate(() => [...document.querySelectorAll('.layout .results > *')]
  .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
  .map((panel) => panel.classList[panel.classList[0] === 'panel' ? 1 : 0]));

test('the picture of where the multiplications come from follows the counts, on the first screen at 1080p', async () => {
  const order = ['summary', 'cards', 'anim', 'charts', 'code', 'measure'];
  const built = await withoutWasm(env.browser, '', { width: 1920, height: 1080 });
  assert.deepEqual(await panelsDown(built), order, 'the built page');
  await built.close();
  for (const [width, height] of [[1920, 1080], [1280, 720]]) {
    const page = await open(env.browser, env.server.url, '', { width, height });
    assert.deepEqual(await panelsDown(page), order, `${width}x${height}`);
    if (height === 1080) {
      // At least half of the picture without scrolling (the code above it pushed it all below).
      const { top, bottom } = await page.locator('#anim-canvas').boundingBox()
        .then((box) => ({ top: box.y, bottom: box.y + box.height }));
      assert.ok((top + bottom) / 2 < height, `the picture runs from ${top} to ${bottom} px`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('every request stays under the sub-path, with relative asset URLs', async () => {
  const page = await open(env.browser, env.server.url);
  await page.close();
  assert.ok(env.server.requests.length > 0);
  for (const path of env.server.requests) assert.ok(path.startsWith('/courses/cnn/sepconv/'), path);
});

// The brief asks for under 100 KB. Yew and the exact core fit in 95 KB; plotters' charts
// (issue 4), the animation (issue 5), and theme, share and embed (issue 6) took the page to
// about 188 KB; the full cost model and the network view (issue 3: six more components,
// serde_json for the network definitions) to about 238 KB, and English and Chinese for
// every text (issue 6) to about 256 KB, the 3D scene to 276 KB. Dropping serde from the
// wasm (issue 12) took 19 KB off; the pre-rendered default page adds 6 KB of HTML, which
// buys a first paint with real numbers. The lecture (issue 13: ten stops, classroom keys,
// the projector palette) costs 7 KB more; blogs and phones (issue 14: the measured embed
// dialog, the recorder, the phone layout, the preset and truth fixes) 19 KB; the "Run it"
// panel's view and roofline (issue 15) 26 KB less 15 KB by sharing the charts' backend,
// while its worker and kernels load only when a reader runs it; "Your network"'s view
// (issue 16) 14 KB, while its ONNX reader loads only with a file. The first-load island
// and its loader (issue 12) add 38 KB to the whole, and in return the page answers after
// about 51 KB (55 with the Chinese page) instead of all of it (island.test.mjs holds
// that ceiling). Minifying the
// wasm-bindgen glue of both took 3 KB off, and views with no state of their own as plain
// functions instead of components 9 KB more. The page pre-rendered in Chinese too, with
// the island's Chinese words, adds 6 KB: a Chinese reader gets numbers at the first paint
// and a live page seconds before the app, as an English one does. The island's reading of
// a link to other sizes adds 0.7 KB: such a link, the one a reader shares after moving the
// sliders, is live at 2.5 s on a slow phone instead of 5. Short names for what the wasms
// and their glue call each other by (scripts/short-names.mjs) took 9.5 KB off: 350.8 KB.
// Drawing the pictures in the frame that brings the slow panels an input, not the frame
// after, and once a frame (`during_frame` in hooks.rs), added 0.3 KB: 351.1 KB. Fixes
// that reviews found added 2.3 KB: the scene's labels on a halo (in exports too), room
// for them, its notes said shorter where they do not fit and its lens marked on each
// slice, the race's counts each of its own whole, a mouse's click that reveals the
// lecture's hidden numbers, a video that lasts as long as it says with every step in it,
// a network's shares unknown when its total is, the charts' level named over the curves
// that cross it, the cards' formulas broken evenly. Reading and writing the link without
// `form_urlencoded` took 1.3 KB off, and drawing the lens's marks from what was drawn
// 0.2 more: 351.6 KB. A video that lets go of its capture, Your network's bar saying what it
// is a whole of, the projector's type that grows with a wide screen and the level's name
// placed clear of the curves added 1.1 KB; Talc in place of Rust's default allocator took
// 2.8 KB off the app and 2.6 off the island: 347.4 KB. What a visual and a robustness
// review asked for added 3.7 KB: a refused change said beside its control, the embed width
// and the video's steps typed with a message where they are wrong, a step past the end
// and a printed figure that differs each said, "1,024" read as a number, the scene's
// numbers kept off the step's cells and its words fitted to real widths, wide counts two
// cards to a row, the roofline's names placed clear of its dots: 351.9 KB. Sorting the
// chart's few labels by insertion instead of the library's stable sort, whose code
// shipped for that one call, took 1.9 KB off: 349.8 KB. The animation's first frame,
// drawn at build time into the page for a laptop and a phone, in the page's colours,
// added 2.9: 352.7 KB. The few figures of Run it and Your network written in integer
// arithmetic and by the browser, not with Rust's float formatting to a precision or with
// an exponent, took 1.4 off: 351.3 KB. Counts past T as powers of ten, with room for them
// beside the bars' axis, added 0.3: 351.6 KB. A link's keys that the page does not read,
// with the key each is a slip for, and its keys given twice, said instead of passed over
// in silence, added 1.7: 353.3 KB. The scene's slices and the ratio chart's curves sorted
// by insertion, as its labels were, not with the library's unstable sort: 0.9 off,
// 352.4 KB. The built page's still first frame offering to play, and the scene's channel
// numbers kept off one another, added 0.2: 352.6 KB. What a visual review asked for added
// 2.4: a phone's race saying every name and size whole (two rows of words where one is
// too narrow, with a line up to each picture), each channel's number beside its sheet's
// corner across the stack where no other sheet is (with room for it in its volume's box),
// a kernel wider than its input said so, the video's step boxes wide enough for every
// digit and the headline's factor with its thousands apart: 355.0 KB. The slider's
// logarithmic scale as e^(share · ln max), not with `powf`, took 1.0 off: 354.1 KB. The
// charts drawn on the canvas and into an SVG by backends of our own, not plotters', whose
// colours and font sizes were written with Rust's float formatting (which the last of Run
// it's figures and Your network's messages no longer use either), took 11.3 off: 342.9 KB.
// The three charts drawn into the page at build time, so that the first paint shows them,
// added 6.3: 349.2 KB. Their lines written as a first point and steps, not as points
// (most of a picture's bytes are its curves, whose steps are a pixel or a few), took 2.1
// off: 347.2 KB. The stylesheet in the page, a phone's built page laying out its lower
// panels as they near the screen, its ratio bar coming down only once the headline has
// scrolled away, and a clear embed's wide table fading out at the edge that hides more
// added 0.2: 347.42 KB. The page pre-rendered in Chinese in a file of its own, which only
// a Chinese reader gets, took 3.2 off: 344.24 KB (a Chinese reader's, with it, 348.97).
// The lecture's stop 7 with its counts twice as large added 0.05: 344.29 (349.02). A race
// that the separable side loses (1 × 1 kernels) running on until it is done, and saying so,
// added 0.61: 344.90 (349.63). Counters of a large layer that stay in their boxes, in the
// lecture and on the page, added 0.36: 345.26; the race on a lecture's stop with room for
// its two pictures, 0.07: 345.33; explicit padding starting from same's, 0.04: 345.37; a
// refused padding said under its buttons, 0.11: 345.48; α's box reading signs and trailing
// zeros, 0.05: 345.52; the preset menu naming the one chosen of presets that are one
// layer, 0.03; leaving the lecture back where it began, 0.43 (a hook of its own, run once
// the page is drawn again, cost 0.84; the effect that writes the link does it now):
// 345.98. The lecture's layout in a stylesheet of its own, which loads only when a lecture
// begins, took 0.63 off (0.89 of the page's stylesheet, less the few lines that ask for
// it): 345.35. The network views' rules, their phone's with them, in network.css, which
// loads when one is opened, took 0.86 off: 344.50; a run's figures' rules in measure.css,
// which loads when a run starts, 0.17: 344.33; the roofline's names placed further out, 0.01;
// the keys' list (?) and the lecture's last two rules in lecture.css too, 0.16 off: 344.19.
// Measured again after the page's panels were reordered (the animation after the counts)
// and the depthwise filter kept its grid at rest: 344.11; "Your network"'s two example
// networks, a button each, added 0.85: 344.96; its note that batch norm's parameters are
// not counted (torchvision's ResNet-18 counts them), 0.10: 345.06; a race's counts in a
// column beside its pictures where its rows are short and wide, which made the lecture's
// race pictures half as large again at 720p and 1024 × 768, 0.41: 345.47. A P and an
// Escape before the browser grants full screen leaving the page as it was, and the last of
// two quick reads of a network winning, added 0.41: 345.88; wasm-opt told that the low 1 KB
// of memory is unused (it is the bottom of the stack, which grows down from 1 MiB, the data
// above), which folds constant addresses into loads and stores, took 1.05 off: 344.83; the
// wasms' producers and target-features sections, which no browser reads, 0.31 off: 344.52.
// "Your network"'s example in the link (`example=`), so that a post can open ResNet-18's
// count, added 0.68 (1.5 KB of code, the first form, a field and an action of the page's
// state, 0.86): 345.20; what a wrong name takes, and the open example's button pressed,
// 0.07: 345.27.
// The ceiling is the next tenth above the figure, as issue 12 asks: the whole does not grow
// unseen while the gap to its targets is worked on (see the README).
const BUDGET_KB = 345.3;

test(`the whole page stays under ${BUDGET_KB} KB gzipped`, async () => {
  const { gzipSync } = await import('node:zlib');
  const { readFile } = await import('node:fs/promises');
  const before = env.server.requests.length;
  const page = await open(env.browser, env.server.url);
  await page.close();
  const loaded = new Set(env.server.since(before));
  let total = 0;
  for (const path of loaded) {
    const file = new URL(`../../dist/${path.slice('/courses/cnn/sepconv/'.length) || 'index.html'}`, import.meta.url);
    total += gzipSync(await readFile(file), { level: 9 }).length;
  }
  assert.ok(loaded.size >= 4, `page loaded ${[...loaded]}`);
  assert.ok(total < BUDGET_KB * 1024, `the page weighs ${(total / 1024).toFixed(2)} KB gzipped`);
});

// The stylesheets that load on demand go out without the comments written for the next
// reader of static/ (scripts/strip-css.mjs), about a third of them gzipped; the browser
// reads from each the very rules that static/ holds.
test('the stylesheets that load on demand ship without their comments, and with every rule', async () => {
  const { gzipSync } = await import('node:zlib');
  const { readFile } = await import('node:fs/promises');
  const page = await env.browser.newPage();
  for (const name of ['lecture', 'network', 'measure']) {
    const [written, shipped] = await Promise.all(['../../static', '../../dist']
      .map((dir) => readFile(new URL(`${dir}/${name}.css`, import.meta.url), 'utf8')));
    assert.ok(!shipped.includes('/*'), `${name}.css ships a comment`);
    assert.ok(gzipSync(shipped).length < 0.8 * gzipSync(written).length, `${name}.css is lighter`);
    const rules = await page.evaluate((sheets) => sheets.map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return [...sheet.cssRules].map((rule) => rule.cssText);
    }), [written, shipped]);
    assert.ok(rules[0].length > 5, `${name}.css has its rules`);
    assert.deepEqual(rules[1], rules[0], `${name}.css says what static/ says`);
  }
  await page.close();
});

// Rust's float formatting is some 11 KB of the app's wasm, and nothing needs it: figures are
// written in integer arithmetic (`crate::format`) or by the browser. What brings it back
// shows here by name (the wasm as cargo built it, before wasm-opt dropped the names), not
// only as weight.
test('the app ships no float formatting', async () => {
  const { readFile } = await import('node:fs/promises');
  const wasm = await readFile(new URL('../../target/wasm32-unknown-unknown/release/sepconv.wasm', import.meta.url));
  assert.ok(wasm.includes('RenderRunner'), 'the wasm keeps its function names');
  for (const name of ['float_to_decimal', 'fmt5floatd', 'plotters_canvas', 'plotters_svg']) {
    assert.ok(!wasm.includes(name), `${name} is in the app's wasm`);
  }
});

// Every size and weight of a face that the page sets text in is a font the browser loads
// and shapes the page's words for, once each, in its first layout: here, the app's page on
// the link whose first render `make bench` times. The type scale in style.css keeps them
// few: from 38 to 22 took that layout from about 60 ms to 42 on the benchmark's machine. A
// new size belongs on that scale, not beside it.
const FONTS = 22;

test(`the first view sets its text in at most ${FONTS} fonts`, async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&step=1');
  const fonts = await page.evaluate(() => {
    const seen = new Set();
    const add = (element) => {
      if (!element.getClientRects().length) return;
      const s = getComputedStyle(element);
      seen.add([s.fontFamily, s.fontSize, s.fontWeight, s.fontStyle].join(' | '));
    };
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (node.textContent.trim()) add(node.parentElement);
    }
    document.querySelectorAll('input[type=text], input[type=number], select').forEach(add);
    return [...seen].sort();
  });
  await page.close();
  assert.ok(fonts.length > 5, `the page has its type: ${fonts.join('\n')}`);
  assert.ok(fonts.length <= FONTS, `${fonts.length} fonts:\n${fonts.join('\n')}`);
});

test('<html data-ready> comes once the sliders answer and the counts are live', async () => {
  const layer = { df: 14, dk: 3, m: 512, n: 512, pad: 'same' };
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same&step=3', undefined, 'html[data-ready]');
  // At the moment it is set, the counts are there and are the link's.
  const at = await page.evaluate(() => document.getElementById('cost-standard')?.dataset.value);
  assert.equal(at, expected(layer)['cost-standard']);
  await page.locator('#n-slider').focus();
  await page.keyboard.press('ArrowRight');
  await eventually(async () => assert.equal((await figures(page))['cost-standard'], expected({ ...layer, n: 513 })['cost-standard']));
  assert.deepEqual(page.problems, []);
});

/** The page as it is before any wasm runs: the built HTML, its stylesheet and script. */
async function withoutWasm(context, query = '', viewport = { width: 1280, height: 720 }) {
  const page = await context.newPage({ viewport });
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(env.server.url + query);
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false);
  return page;
}

test('the built page shows the default layer\'s exact numbers before any wasm runs', async () => {
  const before = await withoutWasm(env.browser);
  await checkFigures(before, DEFAULT);
  for (const id of ['speedup', 'cost-standard', 'cost-separable', 'df-slider', 'n-input']) {
    assert.ok(await before.locator(`#${id}`).isVisible(), `#${id} is on the first paint`);
  }
  assert.equal(await before.locator('#df-input').inputValue(), '8');
  assert.equal(await before.locator('#app > .loading').isVisible(), false, 'no loading line over the page');
  assert.equal(await before.locator('#cost-standard').textContent(), '13,824');
  // In English, with the Chinese page's template gone from the document.
  assert.equal(await before.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await before.locator('template, fieldset.prerendered').count(), 1);
  // Its controls would drop what is typed until the wasm takes over: they say so.
  assert.ok(await before.locator('#df-input').isDisabled());
  assert.ok(await before.locator('#n-slider').isDisabled());
  // The separable bar is drawn, in proportion, without the wasm's help.
  const bars = await before.evaluate(() => ['.bar-standard', '.bar-depthwise', '.bar-pointwise']
    .map((s) => document.querySelector(s).getBoundingClientRect().width));
  assert.ok(Math.abs(bars[1] / bars[0] - 1728 / 13824) < 0.01 && Math.abs(bars[2] / bars[0] - 1536 / 13824) < 0.01, `bars ${bars}`);
  const shown = await figures(before);

  // The live page, once the wasm runs, says the same and replaces the pre-rendered one.
  const after = await open(env.browser, env.server.url);
  assert.deepEqual(await figures(after), shown);
  assert.deepEqual(await after.evaluate(() => [
    document.querySelectorAll('#cost-standard').length,
    document.getElementById('app').hasAttribute('data-prerendered'),
    document.querySelector('fieldset.prerendered'),
  ]), [1, false, null]);
  assert.equal(await after.locator('#df-input').isDisabled(), false);
  assert.deepEqual(after.problems, []);
});

test('a link to another layer never shows the pre-rendered default as its own', async () => {
  // A language the page cannot read (a typo, two of them) is for the app to name.
  // Without the wasm, only the default page's own link (island.test.mjs) shows it: not a
  // frame of the animation (step=1), a key twice, other sizes (n=08, whose page waits for
  // the island to write them in) or another key.
  for (const query of ['?df=14&dk=3&m=512&n=512', '?n=9&theme=dark', '?n=9&lang=zh', '?step=1', '?n=8&n=8', '?n=08', '?n=8&g=1',
    '?df=', '?n=+9', '?n=%39', '?theme=dark&theme=light', '?theme=bogus', '?embed=cost', '?net=mobilenet_v1', '?df=abc', '?lang=xx', '?lang=en&lang=zh']) {
    const page = await withoutWasm(env.browser, query);
    // Not hidden but gone: a script reading the count must not find the default's.
    assert.equal(await page.locator('#cost-standard').count(), 0, `${query} takes out the default's numbers`);
    assert.equal(await page.locator('#speedup').count(), 0, query);
    // A link to another page never had it built: its holders, which kept it as text, are
    // gone with it. (A link to other sizes holds it in a template for the island, beside
    // the copies of its pictures' groups.)
    assert.equal(await page.locator('#prerendered-en, fieldset').count(), 0, query);
    const sizes = await page.evaluate(() => document.documentElement.hasAttribute('data-sizes'));
    assert.equal(await page.locator('svg.first-frames').count() > 0, sizes, query);
    assert.ok(await page.locator('#app > .loading').isVisible(), `${query} says it is loading`);
    await page.close();
  }
  // A reader whose browser or link asks for Chinese gets the default page in Chinese,
  // not English first: one page, its numbers, and not an English word of its headings.
  const chinese = await env.browser.newContext({ locale: 'zh-CN' });
  for (const zh of [await withoutWasm(chinese), await withoutWasm(env.browser, '?lang=zh')]) {
    assert.equal(await zh.evaluate(() => document.documentElement.lang), 'zh-Hans');
    await checkFigures(zh, DEFAULT);
    assert.ok(await zh.locator('#cost-standard').isVisible());
    assert.equal(await zh.locator('#app > .loading').isVisible(), false);
    assert.equal(await zh.locator('#layer-title').textContent(), '这一层');
    assert.deepEqual(await zh.locator('h2').evaluateAll((hs) => hs.map((h) => h.textContent).filter((t) => /[A-Za-z]{4}/.test(t))), []);
    await zh.close();
  }
  const unread = await withoutWasm(chinese, '?lang=ZH');
  assert.equal(await unread.locator('#cost-standard').count(), 0, 'a Chinese browser on lang=ZH waits for the app');
  assert.ok(await unread.locator('#app > .loading').isVisible());
  // A link that asks for English gets English, whatever the browser's language.
  const english = await withoutWasm(chinese, '?lang=en');
  assert.equal(await english.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await english.locator('#layer-title').textContent(), 'The layer');
  await checkFigures(english, DEFAULT);
  await chinese.close();
  // A dark system gets the whole dark palette before the wasm: a pressed button is light
  // on dark, as the app draws it.
  const system = await env.browser.newContext({ colorScheme: 'dark' });
  const night = await withoutWasm(system);
  assert.equal(await night.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await night.evaluate(() => getComputedStyle(document.getElementById('lang-en')).backgroundColor), 'rgb(201, 212, 255)');
  await system.close();
  // The default page's own link (a reload) is the default page, before any wasm too.
  for (const own of ['?df=8&dk=3&m=3&n=8&pad=same&stride=1&dil=1&mode=separable&step=0&lang=en', '?&n=8&theme=system']) {
    const page = await withoutWasm(env.browser, own);
    assert.ok(await page.locator('#cost-standard').isVisible(), own);
    await checkFigures(page, DEFAULT);
    await page.close();
  }
  // The colours a link asks for apply before the wasm; the numbers are still the default's.
  const dark = await withoutWasm(env.browser, '?theme=dark&lang=en');
  assert.equal(await dark.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.ok(await dark.locator('#cost-standard').isVisible());
  await checkFigures(dark, DEFAULT);

  // With the wasm, the link shows its own numbers.
  const layer = { df: 14, dk: 3, m: 512, n: 512, pad: 'same' };
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same');
  await live(page);
  assert.ok(await page.locator('#cost-standard').isVisible());
  await assertFigures(page, layer);
  assert.deepEqual(page.problems, []);
});

// Phones (390 x 844): nothing overflows its card, every control is 44 px to a thumb, no
// number breaks, read-outs stay in the chart and pin on a tap, the ratio stays in sight
// while a slider moves. And the truth when separable costs more; presets that say which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, eventually, live } from './harness.mjs';
import { expected } from './reference.mjs';

const env = shared();
const PHONE = { width: 390, height: 844 };
// The largest counts the sliders reach, so that the longest numbers are on the page.
const LARGE = '?df=4096&dk=7&m=8192&n=8192&pad=same&step=123456789';

/** Elements whose box sticks out of the card (or table card) around them. */
function overflowing(page, selector) {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)].flatMap((e) => {
    const card = e.closest('.card, .panel, tr') ?? document.body;
    const [r, c] = [e.getBoundingClientRect(), card.getBoundingClientRect()];
    const out = r.width > 0 && (r.left < c.left - 0.5 || r.right > c.right + 0.5 || e.scrollWidth > e.clientWidth + 1);
    return out ? [`${e.id || e.className || e.tagName}: ${e.textContent.slice(0, 30)} (${Math.round(r.left)}-${Math.round(r.right)} in ${Math.round(c.left)}-${Math.round(c.right)}, ${e.scrollWidth}/${e.clientWidth})`] : [];
  }), selector);
}

/** Numbers laid out on more than one line: a break inside or after a digit group. */
function brokenNumbers(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-value], .exact, .short, .num, .anim-counters strong, .ratios strong, #ratio-bar strong')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => {
      // All the text with digits in it sits on one line (a <wbr> splits a number into
      // several text nodes, so they are measured together; an icon beside it is not text).
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      const lines = new Set();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/\d/.test(node.textContent)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.bottom));
      }
      return lines.size > 1;
    })
    .map((e) => `${e.id || e.className}: ${e.textContent}`));
}

test('the network as cards on a phone: every figure whole, nothing off its card', async () => {
  const page = await open(env.browser, env.server.url, '?net=mobilenet_v1', PHONE, '#net-macs');
  assert.deepEqual(await overflowing(page, '.net-table td'), []);
  const first = page.locator('.net-table tbody tr').first();
  // Each figure under its own label (the column's name, which the header no longer shows).
  const macs = first.locator('td[data-label="Multiply-adds"]');
  assert.equal(await macs.textContent(), '10,838,016');
  assert.equal(await macs.evaluate((td) => getComputedStyle(td, '::before').content), '"Multiply-adds"');
  assert.equal(await page.locator('.net-table thead').evaluate((h) => h.getBoundingClientRect().height), 1, 'the header is for screen readers');
  const box = await first.boundingBox();
  assert.ok(box.width <= 390 && box.x >= 0, `the row is ${box.width}px wide at ${box.x}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways');
  assert.deepEqual(await brokenNumbers(page), []);
  // The two networks' totals one above the other, each count whole in its card.
  for (const query of ['?net=mobilenet_v1', '?net=mobilenet_v2&lang=zh']) {
    await page.goto(env.server.url + query);
    await page.waitForSelector('#net-macs');
    const [a, b] = await page.locator('.net-total').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    assert.ok(b.top >= a.bottom && Math.abs(a.width - b.width) < 1, `${query}: ${JSON.stringify([a, b])}`);
    assert.deepEqual(await overflowing(page, '.net-total .exact'), [], query);
  }
  assert.deepEqual(page.problems, []);
});

test('on a phone the panels come in one column, the headline first and Run it last', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same', PHONE);
  const tops = await page.evaluate(() => Object.fromEntries(
    ['.summary', '.layer-panel', '.cards', '.geometry', '.anim', '.charts', '.code', '.measure']
      .map((s) => [s, document.querySelector(s).getBoundingClientRect().top])));
  const order = Object.entries(tops).sort((a, b) => a[1] - b[1]).map(([s]) => s);
  assert.equal(order[0], '.summary', `the headline first: ${order}`);
  assert.equal(order[1], '.layer-panel', `then the sliders: ${order}`);
  assert.equal(order.at(-1), '.measure', `running it for real comes last: ${order}`);
  await page.close();
});

test('on a phone the code is a full-width card that scrolls inside itself', async () => {
  const page = await open(env.browser, env.server.url, '?df=112&dk=3&m=64&n=128&pad=same', PHONE);
  const [card, code] = await Promise.all([page.locator('.code').boundingBox(), page.locator('#code').boundingBox()]);
  assert.ok(card.width >= 360, `the code card is ${card.width}px wide`);
  assert.ok(code.width >= card.width - 40, `the code box is ${code.width}px of ${card.width}`);
  assert.equal(await page.locator('#code').evaluate((e) => getComputedStyle(e).overflowX), 'auto');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.deepEqual(page.problems, []);
});

for (const [query, viewport] of [['?df=112&dk=3&m=64&n=128&pad=same', PHONE], [LARGE, PHONE],
  ['?df=512&dk=512&m=3&n=100&pad=same&lang=zh', { width: 1280, height: 720 }], [LARGE, { width: 1280, height: 720 }]]) {
  test(`no number breaks and nothing overflows its card (${query}, ${viewport.width} px)`, async () => {
    const page = await open(env.browser, env.server.url, query, viewport);
    await eventually(async () => assert.deepEqual(await brokenNumbers(page), []));
    assert.deepEqual(await overflowing(page, '.exact, .anim-counters dd, .ratios dd, .count, .card, .panel'), []);
    // A long count gets smaller with its card, never larger than the card's usual count.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.card')].filter((c) => c.checkVisibility()).flatMap((card) => {
      const usual = card.appendChild(document.createElement('span'));
      usual.className = 'exact';
      const most = parseFloat(getComputedStyle(usual).fontSize) + 0.5;
      usual.remove();
      return [...card.querySelectorAll('.long, .longer, .longest')].filter((e) => parseFloat(getComputedStyle(e).fontSize) > most).map((e) => e.id);
    })), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), viewport.width);
    assert.deepEqual(page.problems, []);
  });
}

test('every button, box, menu, slider and checkbox is at least 44 px to a thumb', async () => {
  const page = await open(env.browser, env.server.url, '?df=112&dk=3&m=64&n=128&pad=same', PHONE);
  // A checkbox is measured by its label, which takes the tap for it. The share panel's
  // link and embed code are boxes too: a thumb selects them to copy by hand.
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, .param-slider')]
    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
    .map((e) => (e.type === 'checkbox' ? e.closest('label') ?? e : e))
    .map((e) => [e.id || e.textContent.trim() || e.className, e.getBoundingClientRect()])
    .filter(([, r]) => r.height < 44 || r.width < 44)
    .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  assert.deepEqual(page.problems, []);
});

test('a chart\'s read-out stays inside the chart and stays put after a tap', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${env.server.url}?df=112&dk=3&m=64&n=128&pad=same`);
  // The charts answer a tap once the app runs (the island's page has them waiting).
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  const chart = page.locator('#ratio-vs-n');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  // Near the right end of the plot (its labels take the last 80 px) and near the left.
  for (const x of [box.x + box.width - 90, box.x + 90]) {
    await page.touchscreen.tap(x, box.y + box.height / 2);
    const readout = page.locator('.readout');
    await eventually(async () => assert.ok(await readout.isVisible(), 'pinned after the finger lifts'));
    const r = await readout.boundingBox();
    const body = await page.locator('.chart-body', { has: chart }).boundingBox();
    assert.ok(r.x >= body.x - 1 && r.x + r.width <= body.x + body.width + 1, `read-out ${r.x}..${r.x + r.width} in ${body.x}..${body.x + body.width}`);
    assert.ok(r.y >= body.y - 1, 'not above the chart');
  }
  await context.close();
});

test('the ratio stays in sight while a slider far down the page moves', async () => {
  const page = await open(env.browser, env.server.url, '?df=112&dk=3&m=64&n=128&pad=same', PHONE);
  const bar = page.locator('#ratio-bar');
  assert.match(await bar.textContent(), /^8\.4×fewer multiply-adds · R = 0\.119$/);
  await page.locator('#n-slider').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  await page.locator('#n-input').fill('16');
  await eventually(async () => assert.match(await bar.textContent(), /^5\.8×/));
  const box = await bar.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 120, `the bar is at ${box.y}`);
  assert.ok(await page.locator('#speedup').evaluate((e) => e.getBoundingClientRect().bottom < 0), 'the headline itself is off screen');
  assert.deepEqual(page.problems, []);
});

test('the ratio bar comes down only once the headline\'s factor has scrolled away, and goes when it is back', async () => {
  const page = await open(env.browser, env.server.url, '', PHONE);
  const bar = page.locator('#ratio-bar');
  const shown = () => bar.evaluate((b) => b.checkVisibility({ visibilityProperty: true }) && b.getBoundingClientRect().bottom > 0);
  assert.equal(await shown(), false, 'at the top the headline says it already');
  await page.evaluate(() => window.scrollTo(0, document.getElementById('speedup').getBoundingClientRect().bottom + scrollY + 10));
  await eventually(async () => assert.equal(await shown(), true, 'the factor is off screen'));
  const box = await bar.boundingBox();
  assert.ok(Math.abs(box.y) <= 1, `the bar is at the top of the screen: ${box.y}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await eventually(async () => assert.equal(await shown(), false, 'back at the top'));
  assert.deepEqual(page.problems, []);
});

test('when separable costs more the bars and the headline say so', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=1&m=3&n=8&pad=same');
  const want = expected({ df: 8, dk: 1, m: 3, n: 8, pad: 'same' });
  assert.ok(BigInt(want['cost-separable']) > BigInt(want['cost-standard']));
  const speedup = page.locator('#speedup');
  assert.match(await speedup.getAttribute('class'), /\bmore\b/);
  assert.match(await page.locator('.headline-text').textContent(), /^ more multiply-adds when separable/);
  const [colour, warn] = await page.evaluate(() => {
    const p = document.createElement('p');
    p.style.color = 'var(--warn-ink)';
    document.body.append(p);
    return [getComputedStyle(document.getElementById('speedup')).color, getComputedStyle(p).color];
  });
  assert.equal(colour, warn, 'a warning colour, not the green of a saving');
  const widths = await page.evaluate(() => ['.bar-standard', '.bar-depthwise', '.bar-pointwise']
    .map((s) => document.querySelector(s).getBoundingClientRect().width));
  const separable = widths[1] + widths[2];
  assert.ok(separable > widths[0] * 1.1, `separable ${separable}px against standard ${widths[0]}px`);
  assert.ok(Math.abs(widths[0] / separable - Number(want['cost-standard']) / Number(want['cost-separable'])) < 0.02);
  assert.deepEqual(page.problems, []);
});

test('the preset menu shows the preset loaded, then "custom"; a huge kernel gets its word', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same');
  const menu = page.locator('#preset');
  const chosen = () => menu.evaluate((s) => s.selectedOptions[0].textContent);
  assert.equal(await chosen(), 'a preset layer…');
  const value = await page.locator('#preset option', { hasText: "MobileNet's 14×14×512" }).getAttribute('value');
  await menu.selectOption(value);
  await eventually(async () => assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), '462422016'));
  assert.match(await chosen(), /^MobileNet's 14×14×512/);
  assert.equal(await page.locator('#kernel-note').count(), 0);
  await page.locator('#n-input').fill('500');
  await eventually(async () => assert.match(await chosen(), /^custom layer/));
  const article = await page.locator('#preset option', { hasText: 'The article:' }).getAttribute('value');
  await menu.selectOption(article);
  await eventually(async () => assert.match(await chosen(), /^The article:/));
  assert.match(await page.locator('#kernel-note').textContent(), /512 × 512 kernel is arithmetic, not a real layer/);
  assert.deepEqual(page.problems, []);
});

test('the headline\'s words break into lines of even length on a phone, in both languages', async () => {
  for (const lang of ['en', 'zh']) {
    const page = await open(env.browser, env.server.url, `?df=14&dk=3&m=512&n=512&pad=same&lang=${lang}`, PHONE);
    // The width of each line the words take, top to bottom.
    const lines = await page.locator('#summary-title .headline-text').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const widths = new Map();
      for (const r of range.getClientRects()) widths.set(Math.round(r.top), (widths.get(Math.round(r.top)) ?? 0) + r.width);
      return [...widths.values()];
    });
    if (lines.length > 1) {
      assert.ok(lines.at(-1) >= 0.4 * lines[0], `${lang}: the last line is ${lines.at(-1)} px against ${lines[0]}`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('a kernel wider than its input says that most of what is counted falls on the padding', async () => {
  const page = await open(env.browser, env.server.url, '?df=4&dk=7&m=3&n=8&pad=same');
  assert.match(await page.locator('#padding-note').textContent(), /^The kernel reaches 7\u00a0×\u00a07, wider than the 4\u00a0×\u00a04 input: most of every window lies on the zero padding/);
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(8 * 16 * 49 * 3));
  // Once the kernel fits, the note goes; a dilation that stretches it past the input brings it back.
  await page.locator('#df-input').fill('7');
  await eventually(async () => assert.equal(await page.locator('#padding-note').count(), 0));
  await page.goto(`${env.server.url}?df=6&dk=3&m=3&n=8&pad=same&dil=3&lang=zh`);
  await live(page);
  assert.match(await page.locator('#padding-note').textContent(), /^卷积核覆盖 7\u00a0×\u00a07，比 6\u00a0×\u00a06 的输入还大/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('every preset is read whole in the closed menu, in a laptop\'s column and on a phone, in both languages', async () => {
  const cuts = [];
  for (const [viewport, lang] of [[{ width: 1280, height: 720 }, 'en'], [{ width: 1280, height: 720 }, 'zh'], [PHONE, 'en'], [PHONE, 'zh']]) {
    const page = await open(env.browser, env.server.url, `?lang=${lang}`, viewport);
    const cut = await page.evaluate(() => {
      const menu = document.getElementById('preset');
      const style = getComputedStyle(menu);
      // The room for the text: the box less its padding and the arrow.
      const room = menu.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      const pen = document.createElement('canvas').getContext('2d');
      pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return [...menu.options].map((o) => [o.textContent, Math.round(pen.measureText(o.textContent).width), Math.round(room)])
        .filter(([, width, space]) => width > space);
    });
    assert.ok(await page.locator('#preset option').count() > 10, 'the menu is there');
    cuts.push(...cut.map((c) => [viewport.width, lang, ...c]));
    await page.close();
  }
  assert.deepEqual(cuts, [], 'cut in the closed menu (px wide, language, label, its width, the room)');
});

test('on a phone the other views fit its width too: the networks and "Your network"', async () => {
  const page = await open(env.browser, env.server.url, '?net=mobilenet_v1', PHONE, '#net-macs');
  for (const query of ['?net=mobilenet_v1', '?view=model', '?view=model&lang=zh']) {
    await page.goto(env.server.url + query);
    await live(page);
    await page.waitForSelector(query.includes('model') ? '#model-file' : '#net-macs');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, query);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

for (const viewport of [{ width: 1280, height: 720 }, PHONE]) {
  test(`a card's formula breaks into even lines, never one factor alone nor inside a bracket (${viewport.width} px)`, async () => {
    const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same', viewport);
    const lines = await page.evaluate(() => [...document.querySelectorAll('.card .eq-numbers')].map((eq) => {
      // The numbers on each line of the formula, by the top of their boxes.
      const tops = [...eq.querySelectorAll('.num')].map((n) => Math.round(n.getBoundingClientRect().top));
      const perLine = [...new Set(tops)].map((top) => tops.filter((t) => Math.abs(t - top) < 4).length);
      const groups = [...eq.querySelectorAll('.group')].map((g) => g.getClientRects().length);
      return { text: eq.textContent, perLine, groups };
    }));
    assert.ok(lines.length >= 4, JSON.stringify(lines));
    for (const { text, perLine, groups } of lines) {
      if (perLine.length > 1) assert.ok(perLine.at(-1) >= 2, `${text}: ${perLine} numbers a line`);
      assert.ok(groups.every((n) => n === 1), `${text}: a bracket split over ${groups} lines`);
    }
    assert.deepEqual(page.problems, []);
  });
}

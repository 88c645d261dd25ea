// The lecture: ten stops a clicker walks through, each filling a 720p or 1080p projector
// without scrolling, in type the back row reads; classroom keys; links to one stop; the
// projector palette.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { shared, open, live, eventually, launch, contrasts, overrun } from './harness.mjs';
import { expected } from './reference.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const env = shared();
// MobileNet v1's second separable layer.
const LAYER = 'df=112&dk=3&m=64&n=128&pad=same';

const stop = async (page) => Number(/^(\d+) \/ 10/.exec(await page.locator('#slide-title').textContent())?.[1]);
const atStop = (page, n) => eventually(async () => assert.equal(await stop(page), n));

/** How the stop sits on the screen: what scrolls, what is cut, what the type is. */
function measure(page) {
  return page.evaluate(() => {
    const deck = document.querySelector('.presentation').getBoundingClientRect();
    const outside = [...document.querySelectorAll('.presentation *')]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.height > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5); })
      .map((e) => e.id || e.className);
    // A panel that hides what does not fit in it would hide it from the class.
    const cut = [...document.querySelectorAll('.stop *')]
      .filter((e) => getComputedStyle(e).overflowY === 'hidden' && e.scrollHeight > e.clientHeight + 1 && e.tagName !== 'SPAN')
      .map((e) => e.id || e.className);
    // A count set smaller than the words of its row reads as a footnote from the back row.
    const small = [...document.querySelectorAll('.stop .ratios dd')].flatMap((row) => {
      const words = parseFloat(getComputedStyle(row).fontSize);
      return [...row.querySelectorAll('.exact')].filter((e) => parseFloat(getComputedStyle(e).fontSize) < words - 0.5).map((e) => e.id);
    });
    // How much of each card its words and count take, top to bottom (stop 7).
    const filled = Math.min(...[...document.querySelectorAll('.stop > .cards > .card')].map((card) => {
      const parts = [...card.children].map((e) => e.getBoundingClientRect());
      const style = getComputedStyle(card);
      const inner = card.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return (parts.at(-1).bottom - parts[0].top) / inner;
    }));
    // The animation's counts against the body's words (stops 2-6): the back row reads them.
    const counts = [...document.querySelectorAll('.stop .anim-counters dd')].map((e) => parseFloat(getComputedStyle(e).fontSize));
    return {
      small,
      filled,
      counts: counts.length ? Math.min(...counts) / parseFloat(getComputedStyle(document.body).fontSize) : null,
      scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
      used: (Math.min(deck.bottom, innerHeight) - Math.max(deck.top, 0)) / innerHeight,
      body: parseFloat(getComputedStyle(document.body).fontSize),
      height: innerHeight,
      outside,
      cut,
    };
  });
}

// A 4:3 projector's 1024x768 too, where the counters take two rows rather than small type.
for (const [width, height, lang] of [[1280, 720, 'en'], [1920, 1080, 'zh'], [1024, 768, 'en']]) {
  test(`every stop fills a ${width}x${height} projector without scrolling, in type the back row reads (${lang})`, async () => {
    const page = await open(env.browser, env.server.url, `?${LAYER}&lang=${lang}&slide=1`, { width, height }, '#slide-title');
    for (let n = 1; n <= 10; n++) {
      await atStop(page, n);
      // The canvases have their size and the charts and the picture are drawn.
      await eventually(async () => {
        for (const id of ['anim-canvas', 'ratio-vs-n']) {
          if (await page.locator(`#${id}`).count()) assert.ok(Number(await page.locator(`#${id}`).getAttribute('data-draws')) >= 1, id);
        }
      });
      const m = await measure(page);
      assert.equal(m.scrolls, false, `stop ${n} scrolls`);
      assert.ok(m.used >= 0.9, `stop ${n} uses ${(m.used * 100).toFixed(1)} % of the height`);
      assert.ok(m.body >= m.height / 40, `stop ${n}: body text ${m.body}px at ${m.height}px high`);
      assert.deepEqual(m.outside, [], `stop ${n}: off screen`);
      assert.deepEqual(m.cut, [], `stop ${n}: cut off inside its panel`);
      assert.deepEqual(m.small, [], `stop ${n}: counts smaller than their row's words`);
      if (n >= 2 && n <= 6) assert.ok(m.counts >= 0.85, `stop ${n}: the counters' type is ${m.counts.toFixed(2)} of the body's`);
      // The four counts are the stop: they fill their cards rather than float in them.
      if (n === 7) assert.ok(m.filled >= 0.65, `stop 7: the cards' words take ${(m.filled * 100).toFixed(0)} % of their height`);
      // The network's notes stay under its table, which the stop leaves out: nothing on
      // the stop points to them.
      if (n === 10) assert.doesNotMatch(await page.locator('.stop').innerText(), /notes below|下方说明/);
      await page.keyboard.press('PageDown');
    }
    await page.keyboard.press('PageDown');
    assert.equal(await stop(page), 10, 'the last stop stays');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('in an 800x600 window the question\'s stop keeps the layer first and fits, and the network\'s totals stay side by side, with where its cost goes under them', async () => {
  // Below 820 px the page puts its headline first and its network totals one above the
  // other, as a phone wants; the stops keep their own layout.
  const page = await open(env.browser, env.server.url, `?${LAYER}&slide=1`, { width: 800, height: 600 }, '#slide-title');
  const left = (selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().left);
  assert.ok(await left('.stop-question .layer-panel') < await left('.stop-question .question'), 'the layer, then its question');
  const m = await measure(page);
  assert.equal(m.scrolls, false, 'stop 1 scrolls');
  assert.deepEqual(m.outside, [], 'stop 1: off screen');
  for (let n = 1; n < 10; n++) await page.keyboard.press('PageDown');
  await atStop(page, 10);
  const tops = await page.locator('.stop .net-total').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().top));
  assert.equal(tops.length, 2);
  assert.ok(Math.abs(tops[0] - tops[1]) < 1, `the totals side by side: ${tops}`);
  // The bar of where the cost goes and its legend, the stop's last words, on the stop (they
  // ran 77 px past its foot, which hides what does not fit).
  const [bar, foot] = await page.evaluate(() => [
    document.querySelector('.stop .where').getBoundingClientRect().bottom,
    document.querySelector('.stop > .network').getBoundingClientRect().bottom,
  ]);
  assert.ok(bar <= foot, `stop 10's bar and legend end at ${bar.toFixed(0)} px, the stop at ${foot.toFixed(0)}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the race on a stop has the room for its two pictures: no word on the canvas runs into another', async () => {
  // At 720p the race had a third of the stop: its volumes came out as dots, under words
  // drawn over each other ("lens ×2" on "input"). At 1024x768 its counters take two rows,
  // and the pictures the height left. The window's cells as drawn (here, in the standard
  // side's lens) are at least `cell` px: 2.0, 4.5 and 1.4 while each side's count took a
  // line above its pictures, before it went in a column beside them in rows this short.
  for (const [width, height, lang, cell] of [[1280, 720, 'en', 4.0], [1920, 1080, 'zh', 5.2], [1024, 768, 'zh', 3.0]]) {
    const page = await open(env.browser, env.server.url, `?${LAYER}&lang=${lang}&slide=3`, { width, height }, '#slide-title');
    await page.evaluate(() => {
      window.words = [];
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
        if (this.canvas.id === 'anim-canvas') {
          const { width: w, actualBoundingBoxAscent: up, actualBoundingBoxDescent: down } = this.measureText(text);
          const left = this.textAlign === 'center' ? x - w / 2 : this.textAlign === 'right' || this.textAlign === 'end' ? x - w : x;
          window.words.push({ text, left, right: left + w, top: y - up, bottom: y + down, draw: Number(this.canvas.dataset.draws ?? 0) });
        }
        return fill.call(this, text, x, y, ...rest);
      };
    });
    await page.locator('#anim-mode-race').click();
    await eventually(async () => assert.ok(await page.locator('#race-separable-mults').count()));
    // A step forward (the → key is the clicker's in a lecture, and goes to stop 4).
    await page.locator('#anim-play + .tool').click();
    assert.equal(await stop(page), 3);
    assert.equal(await page.locator('#race-separable-mults').count(), 1, 'still the race');
    const words = await eventually(async () => {
      const drawn = await page.evaluate(() => window.words.filter((w) => w.draw === Math.max(...window.words.map((v) => v.draw))));
      assert.ok(drawn.length >= 10, JSON.stringify(drawn));
      return drawn;
    });
    const clash = words.flatMap((a, i) => words.slice(i + 1)
      .filter((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      .map((b) => `"${a.text}" on "${b.text}"`));
    assert.deepEqual(clash, [], `${width}x${height}`);
    // Each side's count, in a column left of its pictures and their names.
    const heads = words.filter((w) => /multiply-adds|次乘加/.test(w.text));
    const names = words.filter((w) => /^(input|filter|output|输入|卷积核|输出)$/.test(w.text));
    assert.equal(heads.length, 2, JSON.stringify(heads));
    assert.ok(heads.every((head) => names.every((n) => head.right < n.left)), JSON.stringify({ heads, names }));
    const drawn = Number(await page.locator('#anim-canvas').getAttribute('data-cell-px'));
    assert.ok(drawn >= cell, `${width}x${height}: the window's cells are ${drawn} px`);
    const m = await measure(page);
    assert.equal(m.scrolls, false);
    assert.deepEqual(m.outside, []);
    assert.ok(m.counts >= 0.85, `${width}x${height}: the race's counters' type is ${m.counts.toFixed(2)} of the body's`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the counters of a large layer stay in their own boxes, on the stop, in both modes', async () => {
  // MobileNet's widest layers (counts of 10 digits), and the largest the controls take (27).
  const layers = ['df=224&dk=7&m=256&n=512', 'df=4096&dk=512&m=8192&n=8192&pad=valid'];
  for (const [width, height, lang] of [[1280, 720, 'en'], [1920, 1080, 'zh'], [1024, 768, 'zh']]) {
    for (const layer of layers) {
      const page = await open(env.browser, env.server.url, `?${layer}&lang=${lang}&slide=6`, { width, height }, '#slide-title');
      for (const mode of ['separable', 'race']) {
        await page.locator(`#anim-mode-${mode}`).click();
        await page.keyboard.press('End');
        await eventually(async () => assert.equal(await page.locator('#anim-mults-total').getAttribute('data-value'), await page.locator('#anim-total-formula').getAttribute('data-value')));
        const m = await measure(page);
        const where = `${layer}, ${mode}, ${width}x${height}`;
        assert.equal(m.scrolls, false, `${where}: the stop scrolls`);
        assert.deepEqual(m.outside, [], `${where}: off screen`);
        assert.deepEqual(await overrun(page), [], `${where}: counters out of their boxes`);
      }
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  }
});

test('the animation\'s stops end exactly on the formulas, and the canvases redraw larger', async () => {
  const want = expected({ df: 112, dk: 3, m: 64, n: 128, pad: 'same' });
  const page = await open(env.browser, env.server.url, `?${LAYER}&slide=2`, { width: 1920, height: 1080 }, '#slide-title');
  const value = (id) => page.locator(`#${id}`).getAttribute('data-value');
  await eventually(async () => assert.equal(await value('anim-mults-total'), '9'));
  const cell = Number(await page.locator('#anim-canvas').getAttribute('data-cell-px'));
  await page.keyboard.press('PageDown');
  // Channel 2's first position: one whole channel of 112² positions of 9, and one more step.
  await eventually(async () => assert.equal(await value('anim-mults-total'), String(112 * 112 * 9 + 9)));
  await page.keyboard.press('PageDown');
  await eventually(async () => assert.equal(await value('anim-mults-phase'), want['cost-depthwise']));
  assert.equal(await value('anim-phase-formula'), want['cost-depthwise']);
  await page.keyboard.press('PageDown');
  await eventually(async () => assert.equal(await value('anim-mults-step'), '64'));
  await page.keyboard.press('PageDown');
  await eventually(async () => assert.equal(await value('anim-mults-total'), want['cost-separable']));
  await page.keyboard.press('PageDown');
  await eventually(async () => assert.equal(await value('cost-standard'), want['cost-standard']));
  // The same picture on the page at the same window: the lecture draws its cells larger.
  await page.goto(`${env.server.url}?${LAYER}&step=1`);
  await live(page);
  await eventually(async () => assert.ok(Number(await page.locator('#anim-canvas').getAttribute('data-cell-px')) > 0));
  const onPage = Number(await page.locator('#anim-canvas').getAttribute('data-cell-px'));
  assert.ok(cell > onPage * 1.3, `cells ${cell}px in the lecture, ${onPage}px on the page`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Page Down and Page Up move exactly one stop from any focused control', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}&slide=1`, { width: 1280, height: 720 }, '#slide-title');
  // On the first stop: a slider, a number box and the preset menu.
  for (const id of ['n-slider', 'df-input', 'preset']) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('PageDown');
    await atStop(page, 2);
    await page.keyboard.press('PageUp');
    await atStop(page, 1);
  }
  assert.equal(await page.locator('#n-input').inputValue(), '128', 'the slider did not move');
  // On an animation stop: the picture, the play button, the timeline, the speed.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await atStop(page, 3);
  const step = () => page.locator('#anim-step').getAttribute('data-value');
  await eventually(async () => assert.equal(await step(), String(112 * 112 + 1)));
  for (const id of ['anim-canvas', 'anim-play', 'anim-scrubber', 'anim-speed', 'anim-mode-standard']) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('PageDown');
    await atStop(page, 4);
    await eventually(async () => assert.equal(await step(), String(64 * 112 * 112)), 'the stop, not the end of a phase');
    await page.keyboard.press('PageUp');
    await atStop(page, 3);
    await eventually(async () => assert.equal(await step(), String(112 * 112 + 1)));
  }
  assert.equal(await page.locator('#anim-play').textContent(), '▶ Play', 'Page Down never played');
  // Space and the arrows, from outside any control; the arrows stay with a slider.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press(' ');
  await atStop(page, 4);
  await page.keyboard.press('ArrowLeft');
  await atStop(page, 3);
  await page.locator('#anim-play').focus();
  await page.keyboard.press(' ');
  await atStop(page, 4);
  assert.equal(await page.locator('#anim-play').textContent(), '▶ Play', 'Space on the button moved on and did not click it');
  await page.locator('#anim-scrubber').focus();
  await page.keyboard.press('ArrowRight');
  await eventually(async () => assert.equal(await step(), String(64 * 112 * 112 + 1)));
  assert.equal(await stop(page), 4);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('going back restores a stop whole, and its link opens it', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}&slide=3`, { width: 1280, height: 720 }, '#slide-title');
  const canvas = page.locator('#anim-canvas');
  await canvas.focus();
  await page.keyboard.press('d');
  await page.keyboard.press('ArrowRight');
  await eventually(async () => assert.equal(await canvas.getAttribute('data-yaw'), '45'));
  await eventually(async () => assert.equal(await page.locator('#anim-step').getAttribute('data-value'), String(112 * 112 + 2)));
  await page.keyboard.press('PageDown');
  await atStop(page, 4);
  await page.keyboard.press('PageUp');
  await atStop(page, 3);
  await eventually(async () => assert.equal(await page.locator('#anim-step').getAttribute('data-value'), String(112 * 112 + 1)));
  assert.equal(await canvas.getAttribute('data-yaw'), '35');
  assert.equal(await canvas.getAttribute('data-scene'), 'volume');
  // The address bar names the stop; opening it lands there, with its step.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await atStop(page, 5);
  await eventually(async () => assert.match(page.url(), /[?&]slide=5(&|$)/));
  await page.reload();
  await live(page);
  await atStop(page, 5);
  assert.equal(await page.locator('#anim-step').getAttribute('data-value'), String(64 * 112 * 112 + 1));
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await page.locator('#slide-title').count(), 0));
  await eventually(async () => assert.doesNotMatch(page.url(), /slide=/));
  assert.deepEqual(page.problems.filter((p) => !/fullscreen/i.test(p)), []);
  await page.close();
});

test('B blanks the screen; H hides the numbers and the next click reveals them', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}&slide=7`, { width: 1280, height: 720 }, '#slide-title');
  await page.keyboard.press('b');
  const blank = page.locator('#blank');
  await eventually(async () => assert.ok(await blank.isVisible()));
  const box = await blank.boundingBox();
  assert.deepEqual([box.width, box.height], [1280, 720]);
  assert.equal(await blank.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(0, 0, 0)');
  await page.keyboard.press('PageDown');
  await eventually(async () => assert.equal(await blank.count(), 0));
  assert.equal(await stop(page), 7, 'out of the black, on the same stop');

  const colour = () => page.locator('#cost-standard').evaluate((e) => getComputedStyle(e).color);
  const shown = await colour();
  await page.keyboard.press('h');
  await eventually(async () => assert.equal(await colour(), 'rgba(0, 0, 0, 0)'));
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), expected({ df: 112, dk: 3, m: 64, n: 128, pad: 'same' })['cost-standard'], 'hidden, not gone');
  await page.locator('#slide-next').click();
  await eventually(async () => assert.equal(await colour(), shown));
  assert.equal(await stop(page), 7, 'the click revealed, and did not move');
  // A mouse's click on the stop reveals them as well.
  await page.keyboard.press('h');
  await eventually(async () => assert.equal(await colour(), 'rgba(0, 0, 0, 0)'));
  await page.locator('#cost-standard').click();
  await eventually(async () => assert.equal(await colour(), shown));
  assert.equal(await stop(page), 7, 'the click revealed, and did not move');
  await page.keyboard.press('PageDown');
  await atStop(page, 8);
  // Letters typed into a box stay there.
  for (let i = 0; i < 7; i++) await page.keyboard.press('PageUp');
  await atStop(page, 1);
  await page.locator('#df-input').focus();
  await page.keyboard.press('b');
  await page.keyboard.press('h');
  assert.equal(await blank.count(), 0);
  const hidden = () => page.evaluate(() => document.documentElement.hasAttribute('data-numbers-hidden'));
  assert.equal(await hidden(), false);
  // A click on a control is the control's: the numbers stay hidden until one elsewhere.
  await page.locator('#df-input').blur();
  await page.keyboard.press('h');
  await eventually(async () => assert.equal(await hidden(), true));
  await page.locator('#df-slider').click();
  await page.locator('#dk-input').click();
  assert.equal(await hidden(), true);
  await page.locator('.question-ask').click();
  await eventually(async () => assert.equal(await hidden(), false));
  assert.equal(await stop(page), 1);
  // So is one on a picture: a drag turns the animation.
  await page.keyboard.press('PageDown');
  await atStop(page, 2);
  await page.keyboard.press('h');
  await eventually(async () => assert.equal(await hidden(), true));
  await page.locator('#anim-canvas').click();
  assert.equal(await hidden(), true);
  await page.locator('.stop .anim-caption').click();
  await eventually(async () => assert.equal(await hidden(), false));
  assert.equal(await stop(page), 2);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('P starts the lecture from a slider, ? lists the keys, Escape closes and then leaves', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}`, { width: 1280, height: 720 });
  const fontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  assert.equal(await fontSize(), '16px');
  // The lecture's styles load when it begins, once: a reader who never lectures never loads them.
  const styles = () => page.requests.filter((u) => /\/lecture\.css$/.test(u)).length;
  assert.equal(styles(), 0);
  await page.locator('#n-slider').focus();
  await page.keyboard.press('p');
  await atStop(page, 1);
  assert.equal(await fontSize(), '18.72px', '2.6 % of 720 px');
  await eventually(async () => assert.deepEqual(await page.evaluate(() => [
    getComputedStyle(document.getElementById('app')).visibility,
    getComputedStyle(document.querySelector('.stop')).display,
  ]), ['visible', 'flex']));
  assert.equal(styles(), 1);
  await page.keyboard.press('?');
  await eventually(async () => assert.ok(await page.locator('#lecture-help').isVisible()));
  assert.match(await page.locator('#lecture-help').textContent(), /Page Down.*next stop.*blank the screen.*hide the numbers/s);
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await page.locator('#lecture-help').count(), 0));
  assert.equal(await stop(page), 1, 'Escape closed the help first');
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await page.locator('#slide-title').count(), 0));
  assert.equal(await fontSize(), '16px');
  await page.locator('#present').click();
  await atStop(page, 1);
  await page.locator('#present-exit').click();
  await eventually(async () => assert.equal(await page.locator('.masthead').count(), 1));
  // Leaving puts the reader back where they started it: down the page, on the same
  // control (they were at the top, on nothing).
  await page.locator('#anim-speed').evaluate((slider) => { slider.scrollIntoView({ block: 'center' }); slider.focus(); });
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 300, `scrolled to ${y}`);
  await page.keyboard.press('p');
  await atStop(page, 1);
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'anim-speed'));
  await eventually(async () => assert.ok(Math.abs(await page.evaluate(() => scrollY) - y) <= 2, `back at ${y}`));
  assert.equal(styles(), 1, 'a second lecture asks for its styles no more');
  assert.deepEqual(page.problems.filter((p) => !/fullscreen/i.test(p)), []);
  await page.close();
});

test('P and Escape pressed before the browser grants full screen leave the page as it was', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}`, { width: 1280, height: 720 });
  // A slower machine, so that Escape comes while the browser is still making the screen
  // whole: its grant, when it comes, is given back, and the place waits for the screen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.locator('#anim-speed').evaluate((slider) => { slider.scrollIntoView({ block: 'center' }); slider.focus(); });
  const y = await page.evaluate(() => scrollY);
  await page.keyboard.press('p');
  await page.keyboard.press('Escape');
  const state = () => page.evaluate(() => ({
    full: Boolean(document.fullscreenElement),
    lecture: Boolean(document.getElementById('slide-title')),
    focus: document.activeElement.id,
    y: Math.round(scrollY),
  }));
  await eventually(async () => assert.deepEqual(await state(),
    { full: false, lecture: false, focus: 'anim-speed', y: Math.round(y) }), 8000);
  // And it stays so: no late grant takes the screen afterwards.
  await new Promise((ok) => setTimeout(ok, 1000));
  assert.deepEqual(await state(), { full: false, lecture: false, focus: 'anim-speed', y: Math.round(y) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.deepEqual(page.problems.filter((p) => !/fullscreen/i.test(p)), []);
  await page.close();
});

test('? on the page lists the keys over it, with the lecture\'s styles asked for then and not before', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}`, { width: 1280, height: 720 });
  const styles = () => page.requests.filter((u) => /\/lecture\.css$/.test(u)).length;
  assert.equal(styles(), 0);
  await page.locator('#m-slider').focus();
  await page.keyboard.press('?');
  await page.waitForSelector('#lecture-help');
  await eventually(async () => assert.deepEqual(await page.evaluate(() => {
    const backdrop = document.querySelector('.help-backdrop');
    return [getComputedStyle(backdrop).visibility, getComputedStyle(backdrop).position];
  }), ['visible', 'fixed']));
  assert.equal(styles(), 1);
  assert.equal(await page.locator('#slide-title').count(), 0, 'the keys, not the lecture');
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await page.locator('#lecture-help').count(), 0));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a lecture whose styles fail to come shows in the page\'s own rather than not at all', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}`, { width: 1280, height: 720 });
  await page.route(/\/lecture\.css$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.keyboard.press('p');
  await atStop(page, 1);
  // Hidden while the styles are on their way, then, after 2 s, shown without them.
  const visibility = () => page.evaluate(() => getComputedStyle(document.getElementById('app')).visibility);
  assert.equal(await visibility(), 'hidden');
  await eventually(async () => assert.equal(await visibility(), 'visible'), 4000);
  assert.ok(await page.locator('#slide-next').isVisible());
  assert.deepEqual(page.problems.filter((p) => !/404|Failed to load resource/.test(p)), []);
  await page.close();
});

test('nothing jumps: the animation\'s buttons keep their place while captions and banners change', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}&slide=2`, { width: 1280, height: 720 }, '#slide-title');
  const places = [];
  for (let n = 2; n <= 6; n++) {
    await atStop(page, n);
    await eventually(async () => assert.equal(await page.locator('#anim-done').count(), n === 4 || n === 6 ? 1 : 0));
    places.push(JSON.stringify(await page.evaluate(() => ['anim-play', 'anim-scrubber', 'anim-mode-race', 'slide-next']
      .map((id) => { const r = document.getElementById(id).getBoundingClientRect(); return [id, r.x, r.y, r.width]; }))));
    await page.keyboard.press('PageDown');
  }
  assert.deepEqual(new Set(places).size, 1, places.join('\n'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the projector palette: text at 7:1, graphics at 3:1, axe finds nothing, kept in the link', async () => {
  const page = await open(env.browser, env.server.url, `?${LAYER}&theme=projector&step=900`, { width: 1280, height: 720 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'projector');
  assert.equal(await page.locator('#theme-projector').getAttribute('aria-pressed'), 'true');
  const text = await contrasts(page, ['--ink', '--muted', '--accent', '--ok', '--error', '--focus'], ['--panel', '--bg']);
  for (const [name, ratio] of Object.entries(text)) assert.ok(ratio >= 7, `${name}: ${ratio.toFixed(2)}:1`);
  const graphics = await contrasts(page, ['--line', '--standard', '--depthwise', '--pointwise', '--highlight',
    '--series-1', '--series-2', '--series-3', '--series-4', '--anim-line', '--anim-done', '--anim-read', '--anim-filter'], ['--panel', '--bg']);
  for (const [name, ratio] of Object.entries(graphics)) assert.ok(ratio >= 3, `${name}: ${ratio.toFixed(2)}:1`);
  const speedup = await page.locator('#speedup').evaluate((e) => getComputedStyle(e).color);
  assert.equal(speedup, await page.evaluate(() => { const p = document.createElement('p'); p.style.color = 'var(--ok)'; document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c; }));
  const axe = async () => {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  };
  assert.deepEqual(await axe(), []);
  // In the lecture, on the counts and on the animation, with the keys shown.
  await page.keyboard.press('p');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await atStop(page, 4);
  await page.keyboard.press('?');
  await page.waitForSelector('#lecture-help');
  assert.deepEqual(await axe(), []);
  await page.keyboard.press('Escape');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await atStop(page, 7);
  assert.deepEqual(await axe(), []);
  assert.match(page.url(), /theme=projector/);
  assert.deepEqual(page.problems.filter((p) => !/fullscreen/i.test(p)), []);
  await page.close();
});

test('the projector palette on a wide screen: the type and the scene\'s words grow with it, nothing scrolls sideways', async () => {
  const read = async (width, height, theme) => {
    const page = await open(env.browser, env.server.url, `?${LAYER}&theme=${theme}&step=20`, { width, height });
    await eventually(async () => assert.ok(Number(await page.locator('#anim-canvas').getAttribute('data-min-text-px')) > 0));
    const seen = await page.evaluate(() => ({
      type: parseFloat(getComputedStyle(document.documentElement).fontSize),
      wide: document.documentElement.scrollWidth,
      words: Number(document.getElementById('anim-canvas').dataset.minTextPx),
      plot: document.getElementById('ratio-vs-dk').getBoundingClientRect().height,
    }));
    assert.deepEqual(page.problems, []);
    await page.close();
    return seen;
  };
  const [wide, light, narrow] = [await read(1920, 1080, 'projector'), await read(1920, 1080, 'light'), await read(1280, 720, 'projector')];
  // As if the page at 1400 px were zoomed to 1920: 16 × 1920 / 1400.
  assert.ok(Math.abs(wide.type - 16 * 1920 / 1400) < 0.1, `${wide.type} px`);
  assert.equal(wide.wide, 1920);
  assert.ok(wide.words >= light.words * 1.3, `the scene writes at ${wide.words} px, ${light.words} px in the light palette`);
  // The charts grow with their words, so that their curves keep their room.
  assert.ok(wide.plot >= light.plot * 1.3, `the chart is ${wide.plot} px tall, ${light.plot} px in the light palette`);
  assert.equal(light.type, 16);
  // At 1280 the page's own layout fits: 16 px, as ever.
  assert.equal(narrow.type, 16);
});

test('the lecture runs from the single file on disk, in Chinese', async () => {
  const file = `${ROOT}target/e2e/sepconv-lecture.html`;
  execFileSync('node', ['scripts/single.mjs', 'dist', file], { cwd: ROOT });
  const browser = await launch();
  const page = await open(browser, `file://${file}`, `?${LAYER}&lang=zh&theme=projector&slide=4`, { width: 1920, height: 1080 }, '#slide-title');
  await atStop(page, 4);
  assert.match(await page.locator('#slide-title').textContent(), /深度卷积：所有通道都完成了/);
  // The lecture's styles are in the file: the stop fills the screen.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.stop')).display), 'flex');
  await eventually(async () => assert.equal(await page.locator('#anim-mults-phase').getAttribute('data-value'), String(64 * 112 * 112 * 9)));
  await page.keyboard.press('PageDown');
  await atStop(page, 5);
  const others = page.requests.filter((u) => !u.startsWith(`file://${file}`) && !/^(data|blob):/.test(u));
  assert.deepEqual(others, []);
  assert.deepEqual(page.problems, []);
  await browser.close();
});

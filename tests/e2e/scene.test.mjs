// The 3D scene in a real browser: what is lit matches an independent model for layers
// from 6 x 6 x 1 to 4096 x 4096 x 512 in every mode and look, it stays in view, a lens
// keeps it legible at real sizes, the camera orbits by drag and by keys and lives in the
// URL, the keys do what their controls say, nothing jumps while it plays, and the race.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, eventually, live, contrasts, overrun } from './harness.mjs';
import { outputSize, expected } from './reference.mjs';

const env = shared();

const query = (l, extra = '') => `?df=${l.df}&dk=${l.dk}&m=${l.m}&n=${l.n}&pad=${l.pad}&stride=${l.stride ?? 1}&dil=${l.dil ?? 1}${extra}`;
const attrs = (page) => page.evaluate(() => ({ ...document.getElementById('anim-canvas').dataset }));

/** Padding before the first row, as TensorFlow's same padding or an explicit P puts it. */
function padBefore(l, dp) {
  if (l.pad === 'valid') return 0;
  if (l.pad !== 'same') return Number(l.pad);
  const span = (l.dil ?? 1) * (l.dk - 1) + 1;
  const needed = (dp - 1) * (l.stride ?? 1) + span;
  return Math.floor(Math.max(0, needed - l.df) / 2);
}

/**
 * The step that shows output (row, col) of channel or filter `group` (all 0-based) in
 * `phase`, and the lit cells there as the page writes them: 1-based inclusive ranges.
 */
function litAt(l, phase, group, row, col) {
  const dp = outputSize(l);
  const positions = dp * dp;
  const before = phase === 'pointwise' ? l.m * positions : 0;
  const step = before + group * positions + row * dp + col + 1;
  if (phase === 'pointwise') {
    return { step, channels: `1-${l.m}`, x: `${col + 1}-${col + 1}`, y: `${row + 1}-${row + 1}` };
  }
  const span = (l.dil ?? 1) * (l.dk - 1) + 1;
  const range = (start) => {
    const [a, b] = [Math.max(start, 0), Math.min(start + span - 1, l.df - 1)];
    return `${a + 1}-${b + 1}`;
  };
  const p = padBefore(l, dp);
  const stride = l.stride ?? 1;
  const g = l.g ?? 1;
  const channels = phase === 'depthwise'
    ? `${group + 1}-${group + 1}`
    : (() => {
        const perGroup = l.m / g;
        const which = Math.floor(group / (l.n / g));
        return `${which * perGroup + 1}-${(which + 1) * perGroup}`;
      })();
  return { step, channels, x: range(col * stride - p), y: range(row * stride - p) };
}

const LAYERS = [
  { df: 6, dk: 3, m: 1, n: 4, pad: 'same' },
  { df: 6, dk: 3, m: 3, n: 8, pad: 'same' },
  { df: 112, dk: 3, m: 4, n: 8, pad: 'same' },
  { df: 224, dk: 3, m: 3, n: 16, pad: 'same' },
  { df: 4096, dk: 3, m: 512, n: 512, pad: 'same' },
  { df: 9, dk: 3, m: 4, n: 6, pad: '1', stride: 2, dil: 2, g: 2 },
];

test('what is lit matches the model, stays in view and is legible, in every mode and look', async () => {
  const page = await open(env.browser, env.server.url, query(LAYERS[0]));
  for (const l of LAYERS) {
    const dp = outputSize(l);
    const inner = Math.floor(dp / 2);
    const cases = [
      ['standard', 'standard', Math.min(1, l.n - 1)],
      ['separable', 'depthwise', Math.min(1, l.m - 1)],
      ['separable', 'pointwise', Math.min(2, l.n - 1)],
      // The race's timeline is the standard one; what it lights is the standard side's.
      ['race', 'standard', Math.min(1, l.n - 1)],
    ];
    for (const [mode, phase, group] of cases) {
      const want = litAt(l, phase, group, inner, inner);
      for (const scene of ['volume', 'slices']) {
        const extra = `${l.g ? `&g=${l.g}` : ''}&mode=${mode}&step=${want.step}&scene=${scene}`;
        await page.goto(env.server.url + query(l, extra));
        await live(page);
        await page.waitForSelector('#anim-canvas[data-lit-visible]');
        const label = `${JSON.stringify(l)} ${phase} ${scene}`;
        await eventually(async () => {
          const a = await attrs(page);
          assert.equal(a.scene, scene, label);
          assert.deepEqual([a.litChannels, a.litX, a.litY], [want.channels, want.x, want.y], label);
        });
        const a = await attrs(page);
        if (phase !== 'depthwise') {
          assert.ok(Number(a.litVisible) >= 0.5, `${label}: ${a.litVisible} in view`);
        }
        if (l.df >= 224) assert.ok(Number(a.cellPx) >= 8, `${label}: ${a.cellPx} px`);
        // A lens wherever a lit cell would be drawn under 8 px, and at real sizes always.
        if (a.lens === 'false') assert.ok(Number(a.cellPx) >= 8, `${label}: ${a.cellPx} px, no lens`);
        if (l.df >= 112) assert.equal(a.lens, 'true', `${label}: lens`);
      }
    }
  }
  assert.deepEqual(page.problems, []);
});

test('on a phone, too, a lens keeps the lit cells at 8 px or more, in every mode', async () => {
  const l = { df: 224, dk: 3, m: 32, n: 64, pad: 'same' };
  const page = await open(env.browser, env.server.url, query(l), { width: 390, height: 844 });
  for (const [mode, phase] of [['standard', 'standard'], ['separable', 'depthwise'], ['separable', 'pointwise'], ['race', 'standard']]) {
    const want = litAt(l, phase, 1, 100, 120);
    await page.goto(env.server.url + query(l, `&mode=${mode}&step=${want.step}`));
    await live(page);
    await page.waitForSelector('#anim-canvas[data-lit-visible]');
    await eventually(async () => assert.equal((await attrs(page)).litChannels, want.channels));
    const a = await attrs(page);
    assert.ok(Number(a.cellPx) >= 8, `${mode} ${phase}: ${a.cellPx} px`);
    assert.equal(a.lens, 'true');
  }
  assert.deepEqual(page.problems, []);
});

test('the look and the camera are switched, orbited and kept in the URL', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=70');
  const url = () => new URL(page.url()).searchParams;
  await page.locator('#anim-scene-slices').click();
  await eventually(async () => assert.equal((await attrs(page)).scene, 'slices'));
  await eventually(async () => assert.equal(url().get('scene'), 'slices'));
  assert.equal(await page.locator('#anim-scene-slices').getAttribute('aria-pressed'), 'true');
  await page.locator('#anim-scene-volume').click();
  await eventually(async () => assert.equal(url().get('scene'), null));

  // Keys that do not collide with stepping: A, D turn; W, S tilt; R resets.
  await page.locator('#anim-canvas').focus();
  for (const [key, yaw, pitch] of [['a', 25, 25], ['a', 15, 25], ['w', 15, 35], ['d', 25, 35]]) {
    await page.keyboard.press(key);
    await eventually(async () => {
      const a = await attrs(page);
      assert.deepEqual([a.yaw, a.pitch], [String(yaw), String(pitch)], key);
    });
  }
  assert.equal((await attrs(page)).litChannels, '2-2', 'turning does not step');
  await eventually(async () => assert.equal(url().get('yaw'), '25'));
  assert.equal(url().get('pitch'), '35');
  assert.equal(url().get('step'), '70');
  // A link with the camera opens with it.
  const again = await open(env.browser, env.server.url, `?${url().toString()}`);
  await eventually(async () => assert.deepEqual([(await attrs(again)).yaw, (await attrs(again)).pitch], ['25', '35']));
  await again.close();
  await page.keyboard.press('r');
  await eventually(async () => assert.equal(url().get('yaw'), null));

  // A drag to the left turns the view the other way round.
  const box = await page.locator('#anim-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await eventually(async () => assert.equal(url().get('yaw'), '65'));
  assert.equal(url().get('pitch'), '35');
  await page.locator('#anim-camera-reset').click();
  await eventually(async () => assert.equal(url().get('yaw'), null));
  assert.deepEqual(page.problems, []);
});

test('the speed keys change the speed, Space plays from anywhere in the panel, and a channel jump lands on its first position', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=70');
  const step = () => page.evaluate(() => document.getElementById('anim-step').dataset.value);
  const speed = page.locator('#anim-speed');
  const before = await speed.inputValue();
  await speed.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await speed.inputValue(), String(Number(before) + 2));
  assert.equal(await step(), '70', 'the speed slider does not move the timeline');
  // Space on the speed slider plays, and pauses.
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '❚❚ Pause'));
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '▶ Play'));
  // A click on the panel's heading, then Space, without touching the picture.
  await page.locator('#anim-title').click();
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '❚❚ Pause'));
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '▶ Play'));
  // Space on a focused button plays once, not twice (keydown and the button's click).
  await page.locator('#anim-next-group').focus();
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '❚❚ Pause'));
  await page.keyboard.press(' ');
  await eventually(async () => assert.equal(await page.locator('#anim-play').textContent(), '▶ Play'));

  await page.goto(env.server.url + '?df=8&dk=3&m=3&n=8&pad=same&mode=separable&step=70');
  await live(page);
  await page.waitForSelector('#anim-step');
  await page.locator('#anim-next-group').click();
  await eventually(async () => assert.equal(await step(), '129'));
  assert.match(await page.locator('#anim-caption').textContent(), /channel 3 of 3, position \(1, 1\)/);
  await page.locator('#anim-canvas').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await eventually(async () => assert.equal(await step(), '193'));
  assert.match(await page.locator('#anim-caption').textContent(), /Pointwise: filter 1 of 8, position \(1, 1\)/);
  await page.keyboard.press('Shift+ArrowLeft');
  await eventually(async () => assert.equal(await step(), '129'));
  assert.deepEqual(page.problems, []);
});

for (const lang of ['en', 'zh']) {
  test(`the play and step buttons stay put while a phase plays to its end (${lang})`, async () => {
    const page = await open(env.browser, env.server.url, `?df=6&dk=3&m=2&n=3&pad=same&mode=separable&step=1&lang=${lang}`);
    await page.locator('#anim-speed').fill('45'); // about 180 steps a second: 180 steps in all
    const boxes = () => page.evaluate(() => ['anim-play', 'anim-next-group', 'anim-scrubber']
      .map((id) => { const r = document.getElementById(id).getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(); })
      .join(' '));
    const first = await boxes();
    await page.locator('#anim-play').click();
    const seen = new Set([first]);
    let sawBanner = false;
    for (let i = 0; i < 60; i += 1) {
      seen.add(await boxes());
      sawBanner ||= (await page.locator('#anim-done').count()) > 0;
      if ((await page.locator('#anim-play').textContent()).includes('▶')) break;
      await page.waitForTimeout(40);
    }
    seen.add(await boxes());
    sawBanner ||= (await page.locator('#anim-done').count()) > 0;
    assert.ok(sawBanner, 'a phase ended while it played');
    assert.deepEqual([...seen], [first], 'the buttons never moved');
    assert.deepEqual(page.problems, []);
  });
}

test('the race: the same multiplications a second, the separable side done at R of the time', async () => {
  const l = { df: 8, dk: 3, m: 3, n: 8, pad: 'same' };
  const e = expected(l);
  const [standard, separable] = [BigInt(e['cost-standard']), BigInt(e['cost-separable'])];
  const perStep = BigInt(l.dk * l.dk * l.m);
  // The first standard step at which the separable side has had enough multiplications.
  const finish = (separable + perStep - 1n) / perStep;
  const value = (page, id) => page.evaluate((id) => document.getElementById(id)?.dataset.value, id);
  const page = await open(env.browser, env.server.url, query(l, `&mode=race&step=${finish - 1n}`));
  await eventually(async () => assert.equal(await value(page, 'anim-step'), String(finish - 1n)));
  assert.equal(await value(page, 'anim-total-formula'), String(standard));
  assert.equal(await value(page, 'race-separable-formula'), String(separable));
  const spent = BigInt(await value(page, 'anim-mults-total'));
  const other = BigInt(await value(page, 'race-separable-mults'));
  assert.equal(spent, (finish - 1n) * perStep);
  assert.ok(other <= spent && other < separable, 'not done yet');
  assert.equal(await page.locator('#anim-done').count(), 0);
  await page.locator('#anim-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await eventually(async () => assert.equal(await value(page, 'race-separable-mults'), String(separable)));
  const r = Number(separable) / Number(standard);
  assert.match(await page.locator('#anim-done').textContent(), /Separable done after 3,264 multiplications: R = 0\.236/);
  assert.ok(Math.abs(Number(finish) / (Number(standard) / Number(perStep)) - r) < 0.01, 'finishes at R of the time');
  assert.equal(new URL(page.url()).searchParams.get('mode'), 'race');
  assert.equal(await page.locator('#anim-mode-race').getAttribute('aria-pressed'), 'true');
  // Played to the end, both sides stop on their formulas.
  await page.keyboard.press('Home');
  await page.locator('#anim-speed').fill('100');
  await page.locator('#anim-play').click();
  await eventually(async () => assert.equal(await value(page, 'anim-mults-total'), String(standard)), 15000);
  assert.equal(await value(page, 'race-separable-mults'), String(separable));
  assert.deepEqual(page.problems, []);
});

test('a race the separable side loses (1 x 1 kernels) goes on until it is done, and says so', async () => {
  const l = { df: 8, dk: 1, m: 3, n: 8, pad: 'same' };
  const e = expected(l);
  const [standard, separable] = [BigInt(e['cost-standard']), BigInt(e['cost-separable'])];
  assert.ok(separable > standard, 'R > 1');
  // The standard side's pace, Dk²·M a step, until the separable side's whole is spent.
  const perStep = BigInt(l.dk * l.dk * l.m);
  const last = (separable + perStep - 1n) / perStep;
  const ownEnd = standard / perStep;
  const value = (page, id) => page.evaluate((id) => document.getElementById(id)?.dataset.value, id);
  const page = await open(env.browser, env.server.url, query(l, `&mode=race&step=${ownEnd}`));
  await eventually(async () => assert.equal(await value(page, 'anim-step'), String(ownEnd)));
  assert.equal(await value(page, 'anim-steps-total'), String(last));
  assert.equal(await value(page, 'anim-mults-total'), String(standard));
  assert.ok(BigInt(await value(page, 'race-separable-mults')) < separable);
  const done = page.locator('#anim-done');
  assert.match(await done.textContent(), /Standard done: 1,536 .* has R = 1\.13 times as many to do: it goes on/);
  await page.locator('#anim-canvas').focus();
  await page.keyboard.press('End');
  await eventually(async () => assert.equal(await value(page, 'anim-step'), String(last)));
  assert.equal(await value(page, 'race-separable-mults'), String(separable));
  assert.equal(await value(page, 'anim-mults-total'), String(standard), 'the standard side stays done');
  assert.match(await done.textContent(), /Separable done after 1,728 multiplications: R = 1\.13, so at the same speed it needs 113 % of the standard's time/);
  await page.locator('#lang-zh').click();
  await eventually(async () => assert.match(await done.textContent(), /反而需要标准卷积 113 % 的时间/));
  assert.deepEqual(page.problems, []);
});

test('the counters say what they count, and in FLOPs mode that they count multiply-adds', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&unit=flops&bias=1&step=5');
  assert.equal(await page.locator('#anim-unit').getAttribute('data-unit'), 'flops');
  assert.match(await page.locator('#anim-unit').textContent(), /count multiply-adds; the cards above count FLOPs/);
  await page.goto(env.server.url + '?df=8&dk=3&m=3&n=8&pad=same&step=5&lang=zh');
  await live(page);
  await page.waitForSelector('#anim-unit');
  assert.match(await page.locator('#anim-unit').textContent(), /乘加次数/);
  assert.deepEqual(page.problems, []);
});

for (const theme of ['light', 'dark']) {
  for (const lang of ['en', 'zh']) {
    test(`cells, grid lines and highlights stand out at 3:1 (${theme}, ${lang})`, async () => {
      const page = await open(env.browser, env.server.url, `?df=8&dk=3&m=3&n=8&pad=same&step=70&theme=${theme}&lang=${lang}`);
      const ratios = await contrasts(page, ['--anim-line', '--anim-read', '--anim-done', '--anim-filter', '--standard', '--ink', '--muted']);
      for (const [name, ratio] of Object.entries(ratios)) assert.ok(ratio >= 3, `${name}: ${ratio.toFixed(2)}:1`);
      assert.deepEqual(page.problems, []);
    });
  }
}

test('every label in the scene sits on a halo of the panel\'s colour, and on none over a host\'s page', async () => {
  const mobilenet = '?df=14&dk=3&m=512&n=512&pad=same&step=40';
  const page = await open(env.browser, env.server.url, mobilenet);
  // Every text the scene's canvas draws, in order, with the pen it is drawn with.
  await page.addInitScript(() => {
    window.texts = [];
    const proto = CanvasRenderingContext2D.prototype;
    for (const [op, pen] of [['fillText', 'fillStyle'], ['strokeText', 'strokeStyle']]) {
      const draw = proto[op];
      proto[op] = function (text, x, y, ...rest) {
        // The scene on the page, or a picture of it being made off the page (a PNG).
        const on = this.canvas.id === 'anim-canvas' ? 'page' : !this.canvas.isConnected && 'export';
        if (on) window.texts.push({ on, op, text, x, y, pen: this[pen], width: this.lineWidth });
        return draw.call(this, text, x, y, ...rest);
      };
    }
  });
  const drawn = async (query) => {
    await page.goto(env.server.url + query);
    await live(page);
    await page.waitForFunction(() => Number(document.getElementById('anim-canvas').dataset.draws) >= 1);
    return page.evaluate(() => window.texts);
  };
  for (const [theme, panel] of [['light', '#ffffff'], ['dark', '#181c2e'], ['projector', '#ffffff']]) {
    const texts = await drawn(`${mobilenet}&theme=${theme}`);
    const labels = texts.filter((t) => t.op === 'fillText');
    // The volumes' names and sizes, and the numbers of the channels drawn.
    assert.ok(labels.length >= 10 && labels.some((t) => t.text === '512'), `${theme}: ${labels.map((t) => t.text)}`);
    // The mark for the channels left out is drawn bare: its dots would read as rings.
    assert.ok(texts.some((t) => t.op === 'fillText' && t.text === '⋯' && texts[texts.indexOf(t) - 1]?.op !== 'strokeText'), theme);
    texts.forEach((t, i) => {
      if (t.op !== 'fillText' || t.text === '⋯') return;
      const halo = texts[i - 1];
      assert.deepEqual(halo && [halo.op, halo.text, halo.x, halo.y], ['strokeText', t.text, t.x, t.y], `${theme}: ${t.text}`);
      assert.equal(halo.pen, panel, `${theme}: ${t.text}`);
      // 3 px of the scene, which is scaled to fit its canvas.
      assert.ok(halo.width >= 2.5 && halo.width <= 6, `${theme}: ${t.text}, ${halo.width} px`);
    });
  }
  // An embed over its host's background has no panel of its own to draw round its labels;
  // its PNG has one, and its labels their halo.
  const over = await drawn(`${mobilenet}&embed=anim&bg=transparent&theme=light`);
  assert.ok(over.some((t) => t.op === 'fillText'));
  assert.deepEqual(over.filter((t) => t.op === 'strokeText'), []);
  await page.locator('#anim-png').click();
  await eventually(async () => {
    const exported = (await page.evaluate(() => window.texts)).filter((t) => t.on === 'export');
    assert.ok(exported.some((t) => t.op === 'strokeText' && t.text === '512' && t.pen === '#ffffff'), JSON.stringify(exported.slice(0, 4)));
  });
  assert.deepEqual(page.problems, []);
});

test('the zero padding stands apart from the input in every palette', async () => {
  // Beige against blue in the light palettes; the dark one had two blues 22 apart.
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&step=1');
  for (const theme of ['light', 'dark', 'projector']) {
    await page.locator(`#theme-${theme}`).click();
    const [padding, input] = await page.evaluate(() => ['--anim-padding', '--anim-slice'].map((name) => {
      const hex = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
      return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    }));
    const apart = Math.hypot(...padding.map((v, i) => v - input[i]));
    assert.ok(apart >= 35, `${theme}: padding ${padding} and input ${input} are ${apart.toFixed(0)} apart`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the counters of the largest layer stay in their own boxes, on a laptop and a phone', async () => {
  // Counts of 27 digits: two of them side by side ran into each other at 1280 px, and one
  // ran off a phone's screen.
  const query = '?df=4096&dk=512&m=8192&n=8192&pad=valid&mode=race&step=105285427200';
  for (const [width, height, lang] of [[1280, 720, 'en'], [390, 844, 'zh']]) {
    const page = await open(env.browser, env.server.url, `${query}&lang=${lang}`, { width, height });
    await eventually(async () => assert.equal(await page.locator('#race-separable-mults').getAttribute('data-value'), await page.locator('#race-separable-formula').getAttribute('data-value')));
    assert.deepEqual(await overrun(page), [], `${width}x${height}: counters out of their boxes`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${width}x${height}: the page scrolls sideways`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('on a phone, in the race, the words under the volumes are whole and never run into each other', async () => {
  // Five volumes and a lens in 390 px: "14×14×512" four times over is wider than the
  // canvas. The words take turns on two rows, so that none is cut ("depthwi…", "14×14…",
  // as they were), none runs into another (at 0.56 em a character, "3×3×1" ran into
  // "14×14×5…") and none off the canvas.
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same&mode=race&step=40', { width: 390, height: 844 });
  await page.addInitScript(() => {
    window.words = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
      if (this.canvas.id === 'anim-canvas') {
        const width = this.measureText(text).width;
        const left = this.textAlign === 'center' ? x - width / 2 : this.textAlign === 'right' || this.textAlign === 'end' ? x - width : x;
        window.words.push({ text, left, right: left + width, y: Math.round(y), draw: Number(this.canvas.dataset.draws ?? 0) });
      }
      return fill.call(this, text, x, y, ...rest);
    };
  });
  for (const lang of ['en', 'zh']) {
    await page.goto(`${env.server.url}?df=14&dk=3&m=512&n=512&pad=same&mode=race&step=40&lang=${lang}`);
    await live(page);
    await page.waitForFunction(() => Number(document.getElementById('anim-canvas').dataset.draws) >= 1);
    const words = await page.evaluate(() => {
      const last = Math.max(...window.words.map((w) => w.draw));
      return window.words.filter((w) => w.draw === last);
    });
    const said = words.map((w) => w.text);
    assert.ok(said.every((w) => !w.includes('…')), `${lang}: ${said}`);
    const count = (text) => said.filter((w) => w === text).length;
    // Both sides' input and output, and the depthwise output; each side's filters.
    assert.equal(count('14×14×512'), 5, `${lang}: ${said}`);
    for (const filter of ['3×3×512', '3×3×1', '1×1×512']) assert.equal(count(filter), 1, `${lang}: ${filter} in ${said}`);
    const width = await page.evaluate(() => document.getElementById('anim-canvas').getBoundingClientRect().width);
    for (const w of words) assert.ok(w.left >= 0 && w.right <= width, `${lang}: "${w.text}" runs off the canvas (${w.left}–${w.right} of ${width})`);
    const lines = new Map();
    for (const w of words) lines.set(w.y, [...(lines.get(w.y) ?? []), w]);
    for (const line of lines.values()) {
      const sorted = line.sort((a, b) => a.left - b.left);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1], sorted[i]];
        // The channels' numbers sit on the volumes, not in a line of words.
        if (/^\d+$/.test(a.text) || /^\d+$/.test(b.text)) continue;
        assert.ok(b.left - a.right >= 2, `${lang}: "${a.text}" (to ${a.right.toFixed(1)}) runs into "${b.text}" (from ${b.left.toFixed(1)})`);
      }
    }
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Blogs: two embeds on one post each get their own height from dist/embed.js, at a 700 px
// column and on a phone; a clear embed takes a dark post's background; a broken link in an
// embed is the author's business, not the readers'; the share dialog measures the height;
// a post without iframes gets a PNG or a WebM of the animation, counters included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shared, open, eventually, live, textOf } from './harness.mjs';
import { expected } from './reference.mjs';

const env = shared({ cors: true });
const host = (query) => env.server.url.replace(/\/courses.*/, `/blog/page.html?${query}`);

/** Each frame's height, and its document's height, once both have settled with the app
 *  running in the frame (before it, a frame's page is no taller than the frame, which
 *  would pass for settled at the post's first 150 px). */
function fitted(page, ids) {
  return eventually(async () => {
    const sizes = [];
    for (const id of ids) {
      const frame = page.frame({ url: new RegExp(`id=${id}`) });
      assert.ok(frame, `${id} has a frame`);
      assert.ok(await frame.evaluate(() => document.documentElement.hasAttribute('data-app')), `${id} runs`);
      const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
      const outer = await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
      assert.ok(Math.abs(inner - outer) <= 1, `${id}: the frame is ${outer}px, its page ${inner}px`);
      sizes.push(outer);
    }
    return sizes;
  }, 8000);
}

for (const [width, viewport] of [[700, { width: 1280, height: 900 }], [366, { width: 390, height: 844 }]]) {
  test(`two embeds on one post each get their own height (${width} px column)`, async () => {
    const page = await open(env.browser, host(`frames=anim,plots&width=${width}`), '', viewport, null);
    await page.frameLocator('#sepconv-anim').locator('#anim-canvas').waitFor();
    await page.frameLocator('#sepconv-plots').locator('#ratio-vs-n').waitFor();
    const [anim, plots] = await fitted(page, ['sepconv-anim', 'sepconv-plots']);
    assert.ok(anim > 300 && plots > 600 && anim !== plots, `anim ${anim}, plots ${plots}`);
    // Every resize message names its frame.
    const messages = await page.evaluate(() => window.messages.filter((m) => m?.type === 'sepconv:resize'));
    assert.deepEqual([...new Set(messages.map((m) => m.id))].sort(), ['sepconv-anim', 'sepconv-plots']);
    // Nothing inside either frame is wider than its column.
    for (const id of ['sepconv-anim', 'sepconv-plots']) {
      const frame = page.frame({ url: new RegExp(`id=${id}`) });
      const wide = await frame.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(wide <= 0, `${id} overflows by ${wide}px`);
    }
    // The words on the animation's canvas stay legible in the column, in a race too.
    const anim12 = page.frameLocator('#sepconv-anim').locator('#anim-canvas');
    await eventually(async () => assert.ok(Number(await anim12.getAttribute('data-min-text-px')) >= 12));
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('a post whose script comes after its frames reported still gets their heights', async () => {
  const page = await open(env.browser, host('frames=anim,plots&width=700&late=1'), '', { width: 1280, height: 900 }, null);
  await page.frameLocator('#sepconv-plots').locator('#ratio-vs-n').waitFor();
  await page.waitForTimeout(1000);
  assert.equal((await page.locator('#sepconv-plots').boundingBox()).height, 150, 'no script yet');
  const [anim, plots] = await fitted(page, ['sepconv-anim', 'sepconv-plots']);
  assert.ok(anim > 300 && plots > 600, `anim ${anim}, plots ${plots}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a race in a 700 px column still writes at 12 px or more', async () => {
  const page = await open(env.browser, host('frames=anim&width=700&extra=%26mode%3Drace%26step%3D40'), '', { width: 1280, height: 900 }, null);
  const canvas = page.frameLocator('#sepconv-anim').locator('#anim-canvas');
  await eventually(async () => assert.equal(await canvas.getAttribute('data-mode'), 'race'));
  await eventually(async () => assert.ok(Number(await canvas.getAttribute('data-min-text-px')) >= 12,
    `smallest text ${await canvas.getAttribute('data-min-text-px')}px`));
  await page.close();
});

test('a clear embed on a dark post shows the post\'s background, not a box', async () => {
  // The frame as the share dialog writes it for a dark post, on a post that does not
  // declare its colour scheme (most do not): a frame whose scheme differs from its
  // post's gets an opaque backdrop from the browser.
  const dialog = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same');
  await dialog.locator('#share-embed').scrollIntoViewIfNeeded();
  await dialog.locator('#embed-bg-dark').click();
  const style = (await dialog.locator('#share-embed').inputValue()).match(/ style="([^"]*)"/)[1];
  assert.match(style, /color-scheme: dark/);
  await dialog.close();
  const post = `frames=anim,plots&width=700&dark=1&scheme=none&style=${encodeURIComponent(style)}&extra=%26bg%3Dtransparent%26theme%3Ddark`;
  const page = await open(env.browser, host(post), '', { width: 1280, height: 900 }, null);
  for (const id of ['sepconv-anim', 'sepconv-plots']) {
    const frame = page.frameLocator(`#${id}`);
    await frame.locator('.panel').first().waitFor();
    const backgrounds = await frame.locator('html').evaluate(() => ['html', 'body', '#app', '.embedded', '.panel', '.anim-canvas, .chart-canvas']
      .map((s) => [s, getComputedStyle(document.querySelector(s)).backgroundColor]));
    for (const [selector, colour] of backgrounds) assert.equal(colour, 'rgba(0, 0, 0, 0)', `${id} ${selector}`);
  }
  // The chart leaves its canvas clear too: a corner pixel has no colour of its own.
  const chart = page.frameLocator('#sepconv-plots').locator('#ratio-vs-n');
  await eventually(async () => assert.ok(Number(await chart.getAttribute('data-draws')) >= 1));
  const alpha = await chart.evaluate((c) => c.getContext('2d').getImageData(1, 1, 1, 1).data[3]);
  assert.equal(alpha, 0);
  // On screen, the space beside the animation's picture is the post's own colour.
  const box = await page.locator('#sepconv-anim').boundingBox();
  const shot = await page.screenshot({ clip: { x: box.x + 2, y: box.y + box.height - 6, width: 1, height: 1 } });
  const pixel = await page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const c = new OffscreenCanvas(1, 1).getContext('2d');
    c.drawImage(bitmap, 0, 0);
    return [...c.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, [...shot]);
  assert.deepEqual(pixel, [0x1b, 0x1e, 0x27]);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a clear embed\'s wide table fades out at the edge that hides more, as its own shadows cannot', async () => {
  const fades = (page) => page.locator('.table-wrap').evaluate((t) => ['--fade-start', '--fade-end']
    .map((name) => getComputedStyle(t).getPropertyValue(name)));
  const page = await open(env.browser, env.server.url, '?embed=network&bg=transparent&theme=dark', { width: 700, height: 900 }, '.table-wrap');
  const wrap = page.locator('.table-wrap');
  assert.ok(await wrap.evaluate((t) => t.scrollWidth > t.clientWidth + 100), 'the table scrolls in a 700 px column');
  assert.deepEqual(await fades(page), ['0px', '48px'], 'at the start, the right edge hides more');
  assert.match(await wrap.evaluate((t) => getComputedStyle(t).maskImage), /^linear-gradient\(to right, .* 0px, .*calc\(100% - 48px\), rgba\(0, 0, 0, 0\)\)$/);
  await wrap.evaluate((t) => { t.scrollLeft = t.scrollWidth; });
  await eventually(async () => assert.deepEqual(await fades(page), ['48px', '0px'], 'at the end, the left edge does'));
  assert.deepEqual(page.problems, []);
  // With room for the whole table, and in an embed with its own background, nothing fades.
  const wide = await open(env.browser, env.server.url, '?embed=network&bg=transparent&theme=dark', { width: 1280, height: 900 }, '.table-wrap');
  assert.ok(await wide.locator('.table-wrap').evaluate((t) => t.scrollWidth <= t.clientWidth), 'the table fits');
  assert.deepEqual(await fades(wide), ['0px', '0px']);
  await wide.close();
  const opaque = await open(env.browser, env.server.url, '?embed=network&theme=dark', { width: 700, height: 900 }, '.table-wrap');
  assert.equal(await opaque.locator('.table-wrap').evaluate((t) => getComputedStyle(t).maskImage), 'none');
  await page.close();
  await opaque.close();
});

test('a typo in an embed\'s link goes to the console, not to the readers', async () => {
  const page = await open(env.browser, host('frames=cost&width=700&extra=%26df%3Dabc'), '', { width: 1280, height: 900 }, null);
  const frame = page.frameLocator('#sepconv-cost');
  await frame.locator('#cost-standard').waitFor();
  assert.equal(await frame.locator('#notice-text').count(), 0, 'no banner');
  await eventually(async () => assert.ok(page.problems.some((p) => /console warning: sepconv embed: .*df/.test(p)), page.problems.join('\n')));
  // The reader sees the repaired layer's counts: Df back at its default, 8.
  assert.equal(await frame.locator('#cost-standard').getAttribute('data-value'), expected({ df: 8, dk: 3, m: 512, n: 512, pad: 'same' })['cost-standard']);
  await page.close();
});

test('the share dialog gives the height measured at the chosen width', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same');
  await page.locator('#share-embed').scrollIntoViewIfNeeded();
  await page.locator('#embed-plots').click();
  await page.locator('#embed-width').fill('700');
  const measured = await eventually(async () => {
    assert.equal(await page.locator('#embed-height').getAttribute('data-for'), 'plots@700');
    const value = Number(await page.locator('#embed-height').getAttribute('data-value'));
    assert.ok(value > 600, `measured ${value}`);
    return value;
  }, 10000);
  const code = await page.locator('#share-embed').inputValue();
  assert.match(code, new RegExp(`^<iframe id="sepconv-plots" src="[^"]+&amp;embed=plots&amp;id=sepconv-plots" [^>]*height="${measured}"`));
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/courses\/cnn\/sepconv\/embed\.js" async><\/script>$/);
  assert.match(await page.locator('#embed-height').textContent(), new RegExp(`${measured} px, measured at 700 px`));
  // That height is what a post with no script of its own needs at 700 px.
  const post = await open(env.browser, host('frames=plots&width=700'), '', { width: 1280, height: 900 }, null);
  const [fits] = await fitted(post, ['sepconv-plots']);
  assert.ok(Math.abs(fits - measured) <= 2, `the post settles at ${fits}px, the dialog said ${measured}px`);
  // A clear backdrop for a dark post is one click.
  await page.locator('#embed-bg-dark').click();
  assert.match(await page.locator('#share-embed').inputValue(), /&amp;bg=transparent&amp;theme=dark&amp;id=/);
  assert.deepEqual(page.problems, []);
  await post.close();
  await page.close();
});

test('the column width is typed a digit at a time: a width in range is taken, anything else said and not taken', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same');
  const box = page.locator('#embed-width');
  await box.scrollIntoViewIfNeeded();
  await page.locator('#embed-plots').click();
  await box.selectText();
  // "5" and "50" on the way to 500 are not widths: said, not taken (they were clamped to
  // 280 at once, and the box could not be typed into).
  await page.keyboard.type('5');
  assert.match(await page.locator('#embed-width-error').textContent(), /A column from 280 to 1600 px; the code keeps 700 px\./);
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await page.keyboard.type('00');
  assert.equal(await box.inputValue(), '500');
  assert.equal(await page.locator('#embed-width-error').textContent(), '');
  await eventually(async () => assert.equal(await page.locator('#embed-height').getAttribute('data-for'), 'plots@500'), 10000);
  // Past the widest column: kept at 500, and the box shows 500 again once left.
  await page.keyboard.type('0');
  assert.match(await page.locator('#embed-width-error').textContent(), /keeps 500 px/);
  assert.equal(await page.locator('#embed-height').getAttribute('data-for'), 'plots@500');
  await page.locator('#share-embed').focus();
  assert.equal(await box.inputValue(), '500');
  assert.equal(await page.locator('#embed-width-error').textContent(), '');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the video\'s step boxes show every digit of the last step, at the largest layer too', async () => {
  // 4096 × 4096 outputs of 8192 filters: 137,438,953,472 steps, cut to "1374389" before.
  for (const [query, width] of [['?df=4096&dk=3&m=8192&n=8192&pad=same&mode=standard', 1280], ['?df=4096&dk=3&m=8192&n=8192&pad=same&mode=standard', 390], ['?df=8&dk=3&m=3&n=8&pad=same', 1280]]) {
    const page = await open(env.browser, env.server.url, query, { width, height: 800 });
    const to = page.locator('#record-to');
    const last = await to.getAttribute('max');
    if (query.includes('4096')) assert.equal(last, '137438953472');
    await to.fill(last);
    const [shown, needed] = await to.evaluate((box) => [box.clientWidth, box.scrollWidth]);
    assert.ok(needed <= shown, `${query} at ${width}: ${needed} px of digits in a ${shown} px box`);
    const row = await page.locator('.anim-save').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(row[0] <= row[1], `${query} at ${width}: the row runs over (${row})`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the video\'s step boxes say what they take, and the video keeps its last range', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=3&n=8&pad=same&step=1');
  const [from, said] = [page.locator('#record-from'), page.locator('#record-range-error')];
  const last = Number(await from.getAttribute('max'));
  await from.fill('4');
  await page.locator('#record-to').fill('9');
  for (const bad of ['-5', '3.5', '1e30', String(last + 1)]) {
    await from.fill(bad);
    await textOf(said, new RegExp(`^Steps 0 to ${last}; the video keeps 4–9\\.$`));
    assert.equal(await from.getAttribute('aria-invalid'), 'true', bad);
    // The box keeps what was typed, to be mended, while the video keeps 4.
    assert.equal(await from.inputValue(), bad);
  }
  // Left, it shows the step kept again, and nothing is wrong any more.
  await page.locator('#record-to').focus();
  await eventually(async () => assert.equal(await from.inputValue(), '4'));
  await textOf(said, '');
  assert.equal(await from.getAttribute('aria-invalid'), 'false');
  await from.fill(String(last + 1));
  await from.fill('2');
  await textOf(said, '');
  assert.equal(await from.getAttribute('aria-invalid'), 'false');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the share dialog tells the author what was wrong with the link', async () => {
  const page = await open(env.browser, env.server.url, '?df=abc&dk=3&m=64&n=64');
  await page.locator('#share-embed').scrollIntoViewIfNeeded();
  assert.match(await page.locator('#share-problems').textContent(), /df/);
  await page.close();
});

async function downloaded(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/**
 * The video frames in a WebM file: its blocks, found by walking its EBML elements into the
 * segment, its clusters and their block groups.
 */
function webmFrames(bytes) {
  const CONTAINERS = new Set(['18538067', '1f43b675', 'a0']); // segment, cluster, block group
  const BLOCKS = new Set(['a3', 'a1']); // simple block, block
  const width = (byte) => Math.clz32(byte) - 23; // the bytes of a number, from its first
  let frames = 0;
  const walk = (at, end) => {
    while (at < end) {
      const idLength = width(bytes[at]);
      const id = bytes.subarray(at, at + idLength).toString('hex');
      const sizeLength = width(bytes[at + idLength]);
      const sizeBytes = [...bytes.subarray(at + idLength, at + idLength + sizeLength)];
      sizeBytes[0] &= 0xff >> sizeLength;
      const size = sizeBytes.reduce((sum, byte) => sum * 256 + byte, 0);
      const body = at + idLength + sizeLength;
      // Every bit of the size set: unknown, as a live recording's segment and open
      // clusters are; they run to the end of what holds them.
      const unknown = sizeBytes.every((byte, k) => byte === (k ? 0xff : 0xff >> sizeLength));
      const next = unknown ? end : Math.min(end, body + size);
      if (CONTAINERS.has(id)) walk(body, next);
      if (BLOCKS.has(id)) frames += 1;
      at = next;
    }
  };
  walk(0, bytes.length);
  return frames;
}

for (const lang of ['en', 'zh']) {
  test(`the animation as a PNG and as a playable WebM, counters included (${lang})`, async () => {
    const page = await open(env.browser, env.server.url, `?df=8&dk=3&m=3&n=8&pad=same&step=1&lang=${lang}`);
    const png = await downloaded(page, () => page.locator('#anim-png').click());
    assert.equal(png.name, 'sepconv-df8-dk3-m3-n8-separable-step-1.png');
    assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    const canvasHeight = await page.locator('#anim-canvas').evaluate((c) => c.height);
    const pngHeight = png.bytes.readUInt32BE(20);
    assert.ok(pngHeight > canvasHeight + 40, `the picture (${pngHeight}px) has room for the counters under the scene (${canvasHeight}px)`);

    await page.locator('#record-from').fill('1');
    await page.locator('#record-to').fill('45');
    // Every stream captured from a canvas, to see that each recording lets go of its own.
    await page.evaluate(() => {
      const capture = HTMLCanvasElement.prototype.captureStream;
      window.__streams = [];
      HTMLCanvasElement.prototype.captureStream = function (...rate) {
        const stream = capture.apply(this, rate);
        window.__streams.push(stream);
        return stream;
      };
    });
    const ended = () => page.evaluate(() => window.__streams.flatMap((s) => s.getTracks()).map((t) => t.readyState));
    const video = await downloaded(page, () => page.locator('#anim-record').click());
    assert.equal(video.name, 'sepconv-df8-dk3-m3-n8-separable-steps-1-45.webm');
    assert.deepEqual([...video.bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'an EBML (WebM) file');
    assert.ok(video.bytes.length > 5000, `${video.bytes.length} bytes`);
    const played = await page.evaluate(async (bytes) => {
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'video/webm' }));
      await new Promise((ok, fail) => { v.onloadedmetadata = ok; v.onerror = () => fail(new Error('not playable')); });
      // A recorder's WebM says its length once the end has been sought.
      if (!Number.isFinite(v.duration)) {
        v.currentTime = 1e6;
        await new Promise((ok) => { v.ondurationchange = ok; setTimeout(ok, 3000); });
      }
      return { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
    }, [...video.bytes]);
    // 45 frames at 30 a second, as the status says: 1.5 s, less the last frame's
    // 33 ms, which a recorder's WebM does not count. (Before, each step often waited
    // three screen frames where it should wait two: 2.0 s.)
    assert.ok(played.duration > 1.3 && played.duration < 1.7, `duration ${played.duration}`);
    // Every step, none dropped (a stream that samples on its own drops those that come a
    // little early); one more as the recording starts, the first step already up.
    assert.ok([45, 46].includes(webmFrames(video.bytes)), `${webmFrames(video.bytes)} frames`);
    assert.ok(played.width > 300 && played.height > 150, `${played.width}x${played.height}`);
    assert.match(await page.locator('#record-status').textContent(), lang === 'en' ? /^Saved .*\.webm: [\d,]+ KB, 1\.5 s\.$/ : /^已保存 .*\.webm：[\d,]+ KB，1\.5 秒。$/);
    // Saved: the capture has stopped.
    assert.deepEqual(await ended(), ['ended']);
    // A second press stops a recording under way: nothing saved, nothing said, the
    // capture stopped, and no error from the recorder's stop coming after.
    await page.locator('#anim-record').click();
    await eventually(async () => assert.equal((await ended()).length, 2));
    await page.locator('#anim-record').click();
    assert.equal(await page.locator('#anim-record').getAttribute('aria-pressed'), 'false');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#record-status').textContent(), '');
    assert.deepEqual(await ended(), ['ended', 'ended']);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('a reader can navigate away from an embed\'s full view link and back', async () => {
  const page = await open(env.browser, host('frames=cost&width=700'), '', { width: 1280, height: 900 }, null);
  const href = await page.frameLocator('#sepconv-cost').locator('.open-full a').getAttribute('href');
  assert.doesNotMatch(href, /id=|bg=/, 'the full page is not an embed');
  await page.goto(env.server.url + href);
  await live(page);
  await page.waitForSelector('.masthead');
  await page.close();
});

test('a Chinese reader\'s sandboxed frame of the bare page gets the Chinese page, live; a frame without scripts the English one', async () => {
  const page = await env.browser.newPage({ locale: 'zh-CN' });
  await page.setContent(`<iframe id="live" sandbox="allow-scripts" src="${env.server.url}" width="800" height="600"></iframe>
<iframe id="still" sandbox="" src="${env.server.url}" width="800" height="600"></iframe>`);
  const frame = (id) => page.frameLocator(`#${id}`);
  const live = await (await page.locator('#live').elementHandle()).contentFrame();
  await live.waitForFunction(() => document.documentElement.hasAttribute('data-ready'));
  assert.equal(await frame('live').locator('#layer-title').textContent(), '这一层');
  await frame('live').locator('#n-input').fill('100');
  await eventually(async () => assert.equal(await frame('live').locator('#cost-standard').getAttribute('data-value'),
    expected({ df: 8, dk: 3, m: 3, n: 100, pad: 'same' })['cost-standard']));
  // Without scripts the <noscript> is the page: English, with its numbers, and no markup as text.
  await eventually(async () => assert.equal(await frame('still').locator('#layer-title').textContent(), 'The layer'));
  assert.equal(await frame('still').locator('#cost-standard').getAttribute('data-value'), expected({ df: 8, dk: 3, m: 3, n: 8, pad: 'same' })['cost-standard']);
  assert.equal(await frame('still').locator('body').evaluate((b) => b.innerText.includes('<svg')), false);
  await page.close();
});

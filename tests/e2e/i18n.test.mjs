// English and Simplified Chinese: the switch changes every visible text, the charts and
// the animation included, and the URL; a link's `lang` wins; without one the browser's
// language decides; messages and number short forms follow the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shared, open, figures, eventually, live } from './harness.mjs';

const env = shared();

// English words that must not be left on a Chinese page. ("same" and "valid" are the
// frameworks' own names for the paddings and stay; so do PyTorch, Keras, FLOPs, R.)
const ENGLISH = /\b(the|of|and|filters?|kernel|input|output|channels?|multiplications?|multiply-adds|standard|separable|depthwise|pointwise|share|copy|link|layer|network|padding|stride|dilation|speed|step|play|pause|groups?|bias|width|resolution|parameters|published|printed|load|present|charts?|animation|counts)\b/i;

/** The page's visible text, without the code box and the link boxes (code is code). */
async function visibleText(page) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    for (const el of clone.querySelectorAll('textarea, noscript, script, [hidden]')) el.remove();
    // The language switch names each language in itself.
    for (const el of clone.querySelectorAll('#lang-en')) el.remove();
    return clone.innerText ?? clone.textContent;
  });
}

function englishIn(text) {
  return text.split('\n').filter((line) => ENGLISH.test(line));
}

test('the switch turns every text Chinese and back, and keeps every figure', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&pad=same&step=700');
  const before = await figures(page);
  await page.locator('#ratio-vs-n').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(Number(await page.locator('#ratio-vs-n').getAttribute('data-draws')) >= 1));
  const draws = await page.locator('#ratio-vs-n').getAttribute('data-draws');
  await page.locator('#lang-zh').click();
  await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans'));
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh');
  assert.deepEqual(await figures(page), before, 'the same exact figures');
  assert.match(await page.locator('.headline').textContent(), /8\.8×\s*标准卷积与深度可分离卷积的乘加次数之比/);
  assert.match(await page.locator('#anim-caption').textContent(), /^深度卷积：第 4 个通道（共 512 个）/);
  assert.equal(await page.locator('.card-standard .short').textContent(), '4.6 亿');
  // The charts drew again, in Chinese, once back in view (the switch is at the top).
  await page.locator('#ratio-vs-n').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(Number(await page.locator('#ratio-vs-n').getAttribute('data-draws')) > Number(draws)));
  assert.equal(await page.locator('#ratio-vs-n').getAttribute('aria-label'), 'R 随卷积核个数 N 的变化');
  assert.deepEqual(englishIn(await visibleText(page)), []);
  // The network view, too.
  await page.locator('#view-network').click();
  await page.waitForSelector('#net-macs');
  assert.deepEqual(englishIn(await visibleText(page)), []);
  assert.match(await page.locator('.net-notes').textContent(), /论文表 1 把倒数第二个深度卷积层/);
  // And back.
  await page.locator('#lang-en').click();
  await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'en'));
  assert.match(await page.locator('#network-title').textContent(), /MobileNet v1 layer by layer/);
  assert.deepEqual(page.problems, []);
});

test('a chart exported in Chinese is labelled in Chinese', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=512&n=512&lang=zh');
  const chart = page.locator('.chart', { has: page.locator('#cost-bars') });
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /为 SVG/ }).click()]);
  const text = await readFile(await svg.path(), 'utf8');
  for (const label of ['乘法次数', '标准', '可分离', '4.6 亿']) assert.ok(text.includes(label), label);
  assert.ok(!text.includes('multiplications'));
});

test('without lang the browser decides; with lang the link does', async () => {
  for (const [locale, want, headline] of [['zh-CN', 'zh', /乘加次数之比/], ['en-GB', 'en', /fewer multiply-adds/]]) {
    const context = await env.browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${env.server.url}?df=14&dk=3&m=512&n=512`);
    await live(page);
    await page.waitForSelector('#cost-standard');
    assert.match(await page.locator('.headline').textContent(), headline);
    await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('lang'), want));
    // A copied link carries the language, whatever the reader's browser says.
    await page.goto(`${env.server.url}?df=14&lang=${want === 'zh' ? 'en' : 'zh'}`);
    await live(page);
    await page.waitForSelector('#cost-standard');
    assert.match(await page.locator('.headline').textContent(), want === 'zh' ? /fewer/ : /之比/);
    await context.close();
  }
});

test('messages in Chinese: a bad link, a bad entry, a refused change', async () => {
  const page = await open(env.browser, env.server.url, '?lang=zh&df=abc&dk=3&m=8&n=8&pad=valid');
  assert.match(await page.locator('#notice-text').textContent(), /^已忽略链接中的 df=abc（不是数字：Df 取 1 到 4096 之间的整数），改用 Df = 8。$/);
  await page.locator('#n-input').fill('x');
  assert.match(await page.locator('#n-error').textContent(), /^不是数字：N 取 1 到 8192 之间的整数。保留 8。$/);
  await page.locator('#dk-input').fill('9');
  await eventually(async () => assert.match(await page.locator('#notice-text').textContent(), /^已保留原来的层：Dk = 9 不可行（没有输出：卷积核覆盖 9 个像素，但填充后的输入只有 8 个）。$/));
  await page.locator('#alpha-input').fill('2');
  assert.match(await page.locator('#alpha-error').textContent(), /^超出范围：α 取大于 0 且不超过 1 的数，如 0\.75。保留 1。$/);
  assert.deepEqual(page.problems, []);
});

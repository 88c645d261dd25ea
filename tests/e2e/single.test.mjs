// The single-file build opens from a file:// URL, with no server, and works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch, open, figures, eventually } from './harness.mjs';
import { expected } from './reference.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the single file works from disk: figures, charts, animation, a run, no other file', async () => {
  const file = `${ROOT}target/e2e/sepconv.html`;
  execFileSync('node', ['scripts/single.mjs', 'dist', file], { cwd: ROOT });
  const browser = await launch();
  const page = await open(browser, `file://${file}`, '?df=14&dk=3&m=512&n=512&pad=same&mode=separable&step=0');
  const want = expected({ df: 14, dk: 3, m: 512, n: 512, pad: 'same' });
  await eventually(async () => assert.equal((await figures(page))['cost-separable'], want['cost-separable']));
  await page.locator('#n-input').fill('100');
  await eventually(async () => assert.equal((await figures(page))['cost-standard'], expected({ df: 14, dk: 3, m: 512, n: 100, pad: 'same' })['cost-standard']));
  for (const id of ['ratio-vs-n', 'cost-bars', 'anim-canvas']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await eventually(async () => assert.ok(Number(await page.locator(`#${id}`).getAttribute('data-draws')) >= 1, id));
  }
  // "Run it" finds its worker and kernels inline too (base64 data blocks), not beside it.
  await page.locator('#measure-run').scrollIntoViewIfNeeded();
  await page.click('#measure-run');
  await page.waitForSelector('#measure-max-error', { timeout: 60_000 });
  assert.ok(Number(await page.locator('#measure-max-error').getAttribute('data-value')) < 1e-4);
  const others = page.requests.filter((u) => !u.startsWith(`file://${file}`) && !/^(data|blob):/.test(u));
  assert.deepEqual(others, [], 'nothing but the one file is loaded');
  assert.ok(page.requests.length >= 1);
  assert.deepEqual(page.problems, []);
  // The page pre-rendered in Chinese, which a server sends as a file of its own, is in it:
  // a Chinese reader's page is Chinese from its first frame, live before the app.
  const zh = await browser.newPage({ locale: 'zh-CN' });
  await zh.addInitScript(() => {
    window.titles = [];
    const look = () => {
      const title = document.getElementById('layer-title')?.textContent;
      if (title && window.titles.at(-1) !== title) window.titles.push(title);
      if (!document.documentElement.hasAttribute('data-app')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const asked = [];
  zh.on('request', (r) => asked.push(r.url()));
  await zh.goto(`file://${file}`);
  await zh.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  assert.deepEqual(await zh.evaluate(() => window.titles), ['这一层']);
  assert.deepEqual(asked.filter((u) => !u.startsWith(`file://${file}`) && !/^(data|blob):/.test(u)), []);
  await browser.close();
});

// Accessibility: axe-core finds no serious or critical violation, light or dark, on a
// projector and on a phone, with the animation paused on a frame and with a notice shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, eventually, live, violations } from './harness.mjs';

const env = shared();

for (const [scheme, width, height] of [['light', 1280, 720], ['dark', 390, 844]]) {
  test(`no serious or critical violations, ${scheme}, ${width}x${height}`, async () => {
    const page = await env.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(`${env.server.url}?df=abc&dk=3&m=32&n=64&pad=same&mode=separable&step=500`);
    await live(page);
    await page.waitForSelector('#notice-text');
    await page.locator('#cost-bars').scrollIntoViewIfNeeded();
    await eventually(async () => assert.ok(Number(await page.locator('#cost-bars').getAttribute('data-draws')) >= 1));
    await page.locator('#m-input').fill('lots');
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}

for (const [scheme, width, height] of [['dark', 1280, 720], ['light', 390, 844]]) {
  test(`the network view and the full model's controls, ${scheme}, ${width}x${height}`, async () => {
    const page = await env.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(`${env.server.url}?net=mobilenet_v2`);
    await live(page);
    await page.waitForSelector('#net-macs');
    assert.deepEqual(await violations(page), []);
    await page.goto(`${env.server.url}?m=64&n=64&g=4&bias=1&unit=flops&alpha=0.5`);
    await live(page);
    await page.waitForSelector('#g-slider');
    await page.locator('#rho-input').fill('2');
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}

for (const [scheme, width, height, query] of [
  ['light', 1280, 720, '?lang=zh&df=abc&dk=3&m=32&n=64&g=4&bias=1&unit=flops&step=500'],
  ['dark', 390, 844, '?lang=zh&net=mobilenet_v1&alpha=0.5'],
]) {
  test(`in Chinese: no serious or critical violations, ${scheme}, ${width}x${height}`, async () => {
    const page = await env.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(`${env.server.url}${query}`);
    await live(page);
    await page.waitForSelector('#cost-standard, #net-macs');
    await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans'));
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}

for (const [scheme, width, height] of [['light', 1280, 720], ['dark', 390, 844]]) {
  test(`Your network with a model read, and Run it with its figures, ${scheme}, ${width}x${height}`, async () => {
    const page = await env.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(`${env.server.url}?view=model`);
    await live(page);
    await page.locator('#model-file').setInputFiles(new URL('../fixtures/onnx/mystery.onnx', import.meta.url).pathname);
    await page.waitForSelector('#model-params[data-value]');
    assert.deepEqual(await violations(page), []);
    await page.goto(`${env.server.url}?df=8&dk=3&m=16&n=16`);
    await live(page);
    await page.locator('#measure-run').scrollIntoViewIfNeeded();
    await page.click('#measure-run');
    await page.waitForSelector('#measure-max-error', { timeout: 60_000 });
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}

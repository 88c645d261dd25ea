// The network view: every MobileNet v1 variant the paper prints and MobileNetV2, loaded
// by URL and read back from the page's machine-readable figures; the published figures
// beside them; a row loads its layer into the layer view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, eventually } from './harness.mjs';

const env = shared();

async function totals(page) {
  return page.evaluate(() => Object.fromEntries(
    ['net-macs', 'net-params', 'net-macs-standard', 'net-params-standard']
      .map((id) => [id, document.getElementById(id)?.dataset.value])));
}

// Exact counts; the paper prints them in millions (Tables 4, 6 and 7).
const V1 = [
  ['alpha=1&res=224', '568740352', '4210088', '569', '4.2'],
  ['alpha=0.75&res=224', '325400448', '2569144', '325', '2.6'],
  ['alpha=0.5&res=224', '149497088', '1320648', '149', '1.3'],
  ['alpha=0.25&res=224', '41030272', '464600', '41', '0.5'],
  ['alpha=1&res=192', '418121728', '4210088', '418', '4.2'],
  ['alpha=1&res=160', '290675200', '4210088', '290', '4.2'],
  ['alpha=1&res=128', '186400768', '4210088', '186', '4.2'],
];

for (const [query, macs, params, printedMacs, printedParams] of V1) {
  test(`MobileNet v1 ${query} reproduces the paper`, async () => {
    const page = await open(env.browser, env.server.url, `?net=mobilenet_v1&${query}`, undefined, '#net-macs');
    const t = await totals(page);
    assert.equal(t['net-macs'], macs);
    assert.equal(t['net-params'], params);
    const published = await page.locator('.net-total').first().locator('.published').allTextContents();
    assert.match(published[0], new RegExp(`printed ${printedMacs} M · ✓`));
    assert.match(published[1], new RegExp(`printed ${printedParams.replace('.', '\\.')} M · ✓`));
    // Every row's figures add up to the totals the page shows.
    const sums = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.net-row')];
      const sum = (key) => rows.reduce((s, r) => s + BigInt(r.dataset[key]), 0n).toString();
      return [sum('macs'), sum('params'), rows.length];
    });
    assert.deepEqual(sums, [macs, params, 29]);
    assert.equal(await page.locator('#net-alpha').inputValue(), new URLSearchParams(query).get('alpha'));
    assert.deepEqual(page.problems, []);
  });
}

test('Conv MobileNet beside MobileNet, with the difference explained', async () => {
  const page = await open(env.browser, env.server.url, '?net=mobilenet_v1', undefined, '#net-macs');
  const t = await totals(page);
  assert.equal(t['net-macs-standard'], '4867293184');
  assert.equal(t['net-params-standard'], '29282120');
  const printed = await page.locator('.net-total').nth(1).locator('.published').allTextContents();
  // By how much, which a lecture's stop (without the notes) says too.
  assert.match(printed[0], /printed 4866 M · ≠ differs by \+1\.29 M \(\+0\.03 %\): see the notes below/);
  assert.match(printed[1], /printed 29\.3 M · ✓/);
  const notes = await page.locator('.net-notes').textContent();
  assert.match(notes, /0\.03 % more\. Without the classifier's 1\.02 M it is 4866\.27 M, the printed figure/);
  assert.match(notes, /534 M multiply-adds, not 569 M/);
  assert.match(await page.locator('.net-factor').textContent(), /^8\.6× fewer multiply-adds and 7\.0× fewer parameters/);
  assert.match(await page.locator('.where-bar').getAttribute('aria-label'), /1×1 pointwise 94\.86 %/);
});

test('MobileNetV2 against torchvision and TF-slim', async () => {
  const page = await open(env.browser, env.server.url, '?net=mobilenet_v2', undefined, '#net-macs');
  const t = await totals(page);
  assert.equal(t['net-macs'], '300774272');
  assert.equal(t['net-params'], '3470760');
  const published = await page.locator('.net-total').first().locator('.published').allTextContents();
  assert.match(published[0], /printed 300 M · ✓ the paper cut the decimals here/);
  assert.match(published[1], /printed 3\.47 M · ✓ rounds/);
  assert.equal(await page.locator('.net-row').count(), 54);
  assert.match(await page.locator('.net-notes').textContent(), /less batch norm's 34,112/);
});

test('choosing a variant updates the figures and the URL', async () => {
  const page = await open(env.browser, env.server.url, '', undefined);
  await page.locator('#view-network').click();
  await page.locator('#net-alpha').selectOption('0.5');
  await eventually(async () => assert.equal(await page.locator('#net-macs').getAttribute('data-value'), '149497088'));
  await page.locator('#net-res').selectOption('128');
  await eventually(async () => {
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('net'), 'mobilenet_v1');
    assert.equal(url.searchParams.get('alpha'), '0.5');
    assert.equal(url.searchParams.get('res'), '128');
  });
  await page.locator('#net').selectOption('mobilenet_v2');
  await eventually(async () => assert.equal(await page.locator('#net-macs').getAttribute('data-value'), '300774272'));
  assert.deepEqual(page.problems, []);
});

test('the network views\' styles load when one is first opened, once, and never for the layer view', async () => {
  const page = await open(env.browser, env.server.url);
  const styles = () => page.requests.filter((u) => /\/network\.css$/.test(u)).length;
  assert.equal(styles(), 0);
  await page.locator('#view-network').click();
  // Out of sight until its styles have come, then laid out by them.
  await page.waitForSelector('#net-macs');
  await eventually(async () => assert.deepEqual(await page.evaluate(() => [
    getComputedStyle(document.querySelector('.network')).visibility,
    getComputedStyle(document.querySelector('.net-totals')).display,
  ]), ['visible', 'grid']));
  await page.locator('#view-layer').click();
  await page.locator('#view-model').click();
  await eventually(async () => assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.model-drop')).display), 'flex'));
  assert.equal(styles(), 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a row loads its layer into the layer view, exactly as counted', async () => {
  const page = await open(env.browser, env.server.url, '?net=mobilenet_v1&alpha=0.75', undefined, '#net-macs');
  const row = page.locator('.net-row').nth(13); // layer 14: 3x3 depthwise on 14x14x384
  const dwMacs = await row.getAttribute('data-macs');
  const pwMacs = await page.locator('.net-row').nth(14).getAttribute('data-macs');
  await row.getByRole('button', { name: 'Load layer 14 into the layer view' }).click();
  await page.waitForSelector('#cost-depthwise');
  assert.equal(await page.locator('#cost-depthwise').getAttribute('data-value'), dwMacs);
  assert.equal(await page.locator('#cost-pointwise').getAttribute('data-value'), pwMacs);
  assert.equal(await page.locator('#m-input').inputValue(), '384');
  assert.equal(await page.locator('#df-input').inputValue(), '14');
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('net'), null));
  assert.deepEqual(page.problems, []);
});

/**
 * How dark the leftmost and rightmost few pixels of `selector`'s box are (0 black to 255
 * white, the mean of every pixel's channels there), read from a screenshot of it.
 */
async function edges(page, selector) {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (bytes) => {
    const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(image, 0, 0);
    const mean = (x) => {
      const { data } = g.getImageData(x, 0, 4, image.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += data[i] + data[i + 1] + data[i + 2];
      return sum / (data.length / 4) / 3;
    };
    return { left: mean(0), right: mean(image.width - 4) };
  }, [...png]);
}

test('a table wider than a 700 px embed shows, at each edge, that there is more to scroll to', async () => {
  const page = await open(env.browser, env.server.url, '?embed=network&theme=light', { width: 700, height: 900 }, '#net-macs');
  const wrap = page.locator('.table-wrap');
  const [wide, box] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(wide > box + 100, `the table (${wide} px) is wider than its box (${box} px)`);
  // The table's own ink out of the way, so that only what is under it is measured.
  await page.addStyleTag({ content: '.table-wrap * { color: transparent !important; border-color: transparent !important; visibility: hidden; }' });
  // At the start: a shade at the right edge only; at the end, at the left only.
  const start = await edges(page, '.table-wrap');
  assert.ok(start.right < start.left - 4, `at the start, right ${start.right} against left ${start.left}`);
  await wrap.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
  const end = await edges(page, '.table-wrap');
  assert.ok(end.left < end.right - 4, `at the end, left ${end.left} against right ${end.right}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

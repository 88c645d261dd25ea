// The full single-layer model on the page: groups, bias, the unit, α and ρ, presets,
// and the layer as PyTorch and Keras code; each read back from the page and the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, figures, eventually, live, textOf } from './harness.mjs';

const env = shared();
const MOBILENET = '?df=14&dk=3&m=512&n=512&pad=same';

test('groups run from standard to depthwise over the divisors of M', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  const depthwise = await page.locator('#cost-depthwise').getAttribute('data-value');
  const slider = page.locator('#g-slider');
  assert.equal(await slider.getAttribute('max'), '9'); // 1, 2, 4, ..., 512
  await slider.fill('2');
  await eventually(async () => assert.equal(await page.locator('#g-value').getAttribute('data-value'), '4'));
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(462422016 / 4));
  assert.match(await page.locator('.card-standard h3').textContent(), /Grouped convolution, g = 4/);
  assert.match(await page.locator('#ratio-check').textContent(), /R = g\/N \+ g\/Dk² = 4\/512 \+ 4\/3²/);
  // The chart levels out at g/Dk², not the article's 1/Dk², and says so.
  await eventually(async () => assert.equal(await page.locator('#ratio-vs-n').getAttribute('data-asymptote'), '0.444444444444444'));
  assert.match(await page.locator('#ratio-vs-n-desc').textContent(), /levels out at its limit = 0\.444/);
  await slider.fill('9');
  await eventually(async () => assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), depthwise));
  assert.equal(new URL(page.url()).searchParams.get('g'), '512');
  assert.deepEqual(page.problems, []);
});

test('the groups slider offers only what divides M and N; a link with others is repaired', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=6&n=8');
  assert.equal(await page.locator('#g-slider').getAttribute('max'), '1'); // gcd(6, 8) = 2: g is 1 or 2
  await page.locator('#g-slider').fill('1');
  await eventually(async () => assert.equal(await page.locator('#g-value').getAttribute('data-value'), '2'));
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(8 * 64 * 9 * 3));
  const repaired = await open(env.browser, env.server.url, '?df=8&dk=3&m=6&n=8&g=3');
  assert.match(await repaired.locator('#notice-text').textContent(), /g = 3 groups, which do not divide N = 8.*g = 1\./);
  assert.equal(await repaired.locator('#g-value').getAttribute('data-value'), '1');
  await repaired.close();
});

test('bias and FLOPs change the counts, the formulas and the convention said', async () => {
  const page = await open(env.browser, env.server.url, MOBILENET);
  await page.locator('#unit-flops').click();
  await eventually(async () => assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(2 * 462422016)));
  assert.equal(await page.locator('#ratio').getAttribute('data-value'), await page.locator('#ratio-closed').getAttribute('data-value'));
  await page.locator('#bias').check();
  const outputs = 512 * 14 * 14;
  await eventually(async () => assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(2 * 462422016 + outputs)));
  assert.equal(await page.locator('#cost-separable').getAttribute('data-value'), String(2 * 52283392 + 2 * outputs));
  assert.equal(await page.locator('#params-standard').getAttribute('data-value'), String(2359296 + 512));
  assert.match(await page.locator('.card-standard .eq').first().textContent(), /2 × N × Dp2 × Dk2 × M \+ N × Dp2/);
  assert.match(await page.locator('#convention').textContent(), /plus 1 addition per output value for the bias/);
  assert.match(await page.locator('#ratio-check').textContent(), /differs: in FLOPs a bias adds/);
  // The charts count as the page does: the ratio chart's point is the page's R, and the
  // bars are FLOPs.
  await eventually(async () => assert.equal(await page.locator('#ratio-vs-n').getAttribute('data-value'), await page.locator('#ratio').getAttribute('data-value')));
  assert.equal(await page.locator('#cost-bars').getAttribute('data-unit'), 'flops');
  assert.equal(await page.locator('#cost-bars').getAttribute('aria-label'), 'FLOPs: standard against separable');
  assert.equal(await page.locator('#cost-bars').getAttribute('data-standard'), String(2 * 462422016 + outputs));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('unit'), 'flops');
  assert.equal(url.searchParams.get('bias'), '1');
  assert.deepEqual(page.problems, []);
});

test('α and ρ reproduce Table 3 of the MobileNets paper', async () => {
  const page = await open(env.browser, env.server.url, `${MOBILENET}&alpha=0.75&rho=0.714`);
  assert.equal(await page.locator('#cost-separable').getAttribute('data-value'), '15091200');
  assert.equal(await page.locator('#params-separable').getAttribute('data-value'), '150912');
  assert.match(await page.locator('#scaled-note').textContent(), /M = ⌊0\.75·512⌋ = 384, N = ⌊0\.75·512⌋ = 384, Df = round\(0\.714·14\) = 10/);
  await page.locator('#alpha-input').fill('1.5');
  assert.match(await page.locator('#alpha-error').textContent(), /out of range: α takes a number above 0 and at most 1.*Kept 0\.75/);
  assert.equal(await page.locator('#cost-separable').getAttribute('data-value'), '15091200');
  await page.locator('#rho-input').fill('1');
  await eventually(async () => assert.equal(await page.locator('#cost-separable').getAttribute('data-value'), '29578752'));
  assert.equal(new URL(page.url()).searchParams.get('rho'), null);
});

test('the α box reads signs and trailing zeros as numbers do: a negative is out of range, 1.0000 is 1', async () => {
  const page = await open(env.browser, env.server.url, `${MOBILENET}&alpha=0.75`);
  const separable = () => page.locator('#cost-separable').getAttribute('data-value');
  // "-3" was "not a number", and "1.0000", which is 1, "more than three decimals".
  await page.locator('#alpha-input').fill('-3');
  await textOf(page.locator('#alpha-error'), /^out of range: α takes a number above 0 and at most 1/);
  assert.equal(await separable(), '29578752', 'α = 0.75 is kept');
  await page.locator('#alpha-input').fill('+0.5');
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('alpha'), '0.5'));
  assert.equal(await page.locator('#alpha-error').textContent(), '');
  await page.locator('#alpha-input').fill('1.0000');
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('alpha'), null));
  assert.equal(await page.locator('#alpha-error').textContent(), '');
  assert.equal(await separable(), '52283392');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an α that thins M to nothing is refused beside its box too, and the box shows α in force once left', async () => {
  const page = await open(env.browser, env.server.url, '?df=14&dk=3&m=3&n=8&pad=same', { width: 390, height: 844 });
  await page.locator('#alpha-input').scrollIntoViewIfNeeded();
  await page.locator('#alpha-input').fill('0.25');
  await textOf(page.locator('#alpha-error'), /Kept the last layer: α = 0\.25 gives α·M = 0 once rounded/);
  assert.equal(await page.locator('#alpha-input').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(8 * 14 * 14 * 9 * 3));
  await page.locator('#rho-input').focus();
  await eventually(async () => assert.equal(await page.locator('#alpha-input').inputValue(), '1'));
  assert.equal(await page.locator('#alpha-input').getAttribute('aria-invalid'), 'false');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('of presets that are one layer, the menu names the one chosen', async () => {
  // MobileNet's example is its layers #14 to #22; choosing #18 showed "MobileNet's 14×14×512".
  const page = await open(env.browser, env.server.url);
  const shown = () => page.locator('#preset').evaluate((menu) => menu.selectedOptions[0].textContent);
  for (const label of ['#18 dw + 1×1', '#14 dw + 1×1', "MobileNet's 14×14×512"]) {
    const value = await page.locator('#preset option', { hasText: label }).first().getAttribute('value');
    await page.locator('#preset').selectOption(value);
    await eventually(async () => assert.equal(await page.locator('#m-input').inputValue(), '512'));
    await eventually(async () => assert.ok((await shown()).startsWith(label), `${label}: shown ${await shown()}`));
  }
  // Another layer and back by hand: the layer is still one of them, and the last named.
  await page.locator('#n-input').fill('256');
  await eventually(async () => assert.match(await shown(), /custom layer/));
  await page.locator('#n-input').fill('512');
  await eventually(async () => assert.ok((await shown()).startsWith("MobileNet's 14×14×512"), await shown()));
  assert.deepEqual(page.problems, []);
  await page.close();
});

for (const [label, df, dk, m, n] of [
  ['The article:', '512', '512', '3', '100'],
  ["MobileNet's 14×14×512", '14', '3', '512', '512'],
  ['RGB stem:', '224', '3', '3', '32'],
  ['#1 conv', '224', '3', '3', '32'],
]) {
  test(`preset: ${label}`, async () => {
    const page = await open(env.browser, env.server.url, '?theme=dark');
    const value = await page.locator('#preset option', { hasText: label }).first().getAttribute('value');
    await page.locator('#preset').selectOption(value);
    await eventually(async () => assert.equal(await page.locator('#df-input').inputValue(), df));
    assert.deepEqual([await page.locator('#dk-input').inputValue(), await page.locator('#m-input').inputValue(), await page.locator('#n-input').inputValue()], [dk, m, n]);
    if (label.startsWith('The article')) {
      assert.equal(await page.locator('#ratio').getAttribute('data-value'), '0.0100038146972656');
    }
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('df'), df);
    // The preset's link opens the same layer with the same figures.
    const before = await figures(page);
    const again = await open(env.browser, page.url(), '');
    assert.deepEqual(await figures(again), before);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(again.problems, []);
    await again.close();
  });
}

test('the layer as PyTorch and Keras code, copied', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${env.server.url}?df=224&dk=3&m=3&n=32&pad=same&stride=2&bias=1`);
  await live(page);
  await page.waitForSelector('#code');
  const torch = await page.locator('#code').inputValue();
  // TensorFlow's same padding at stride 2 pads 0 before and 1 after: PyTorch needs ZeroPad2d.
  assert.match(torch, /standard = nn\.Sequential\(nn\.ZeroPad2d\(\(0, 1, 0, 1\)\), nn\.Conv2d\(3, 32, 3, stride=2, padding=0, dilation=1, groups=1, bias=True\)\)/);
  assert.match(torch, /nn\.Conv2d\(3, 3, 3, stride=2, padding=0, dilation=1, groups=3, bias=True\)\), {2}# depthwise/);
  assert.match(torch, /nn\.Conv2d\(3, 32, 1, bias=True\), {2}# pointwise/);
  assert.match(torch, /== \(1, 32, 112, 112\)/);
  await page.locator('#copy-code').click();
  await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), torch));
  await page.locator('#code-keras').click();
  const keras = await page.locator('#code').inputValue();
  assert.match(keras, /layers\.DepthwiseConv2D\(3, strides=2, padding="same", dilation_rate=1, use_bias=True\)/);
  assert.match(keras, /layers\.SeparableConv2D\(32, 3, strides=2/);
  await context.close();
});

test('the animation of a grouped layer ends on the grouped count', async () => {
  const page = await open(env.browser, env.server.url, '?df=8&dk=3&m=8&n=8&g=4&mode=standard&step=0');
  assert.match(await page.locator('.anim').textContent(), /N × Dp² × Dk² × M\/g/);
  await page.locator('#anim-canvas').focus();
  await page.keyboard.press('End');
  const standard = await page.locator('#cost-standard').getAttribute('data-value');
  assert.equal(standard, String(8 * 64 * 9 * 2));
  await eventually(async () => assert.equal(await page.locator('#anim-mults-total').getAttribute('data-value'), standard));
  assert.deepEqual(page.problems, []);
});

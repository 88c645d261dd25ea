// "Your network" (view=model): each fixture of scripts/onnx/make_fixtures.py, opened
// through #model-file, shows the per-node and total counts onnx's own shape inference
// gives; named input sizes take the size asked for; an unknown operator is named and the
// counts after it are unknown; bad files get their message; a 100 MB file leaves the page
// drawing frames; the single file reads models too; a reader with no file at hand opens
// one of the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shared, open, eventually, launch } from './harness.mjs';

const env = shared({ csp: true });
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = `${ROOT}tests/fixtures/onnx/`;
const expected = (name) => JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8'));

/** Opens `file` in the view and waits for its totals. */
async function load(page, file) {
  await page.locator('#model-file').setInputFiles(file);
  await page.waitForSelector('#model-params[data-value], #model-error', { timeout: 60_000 });
}

/** Every counted row's data-* as the held-out checks read them. */
const rows = (page) => page.locator('tr[data-node]').evaluateAll((trs) => trs.map((tr) => ({
  node: tr.dataset.node, kind: tr.dataset.kind, macs: tr.dataset.macs, params: tr.dataset.params,
})));

/** Each row's share of the model's multiply-adds, as its cell shows it. */
const shares = (page) => page.locator('tr[data-node] td:nth-of-type(6)').allTextContents();

for (const name of ['mobilenet_v1', 'mobilenet_v2', 'resnet_block', 'resnet18', 'odd_layers', 'dynamic']) {
  test(`${name}.onnx counts as onnx's own shape inference says`, async () => {
    const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
    await load(page, `${FIXTURES}${name}.onnx`);
    const want = expected(name);
    assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(want.macs));
    assert.equal(await page.locator('#model-params').getAttribute('data-value'), String(want.params));
    assert.deepEqual(await rows(page), want.nodes.map((n) => ({
      node: n.node, kind: n.kind, macs: String(n.macs), params: String(n.params),
    })));
    assert.deepEqual(await shares(page), want.nodes.map((n) => `${(100 * n.macs / want.macs).toFixed(1)} %`));
    const separable = BigInt(await page.locator('#model-macs-separable').getAttribute('data-value'));
    const hasStandard = want.nodes.some((n) => n.kind === 'standard');
    assert.ok(hasStandard ? separable < BigInt(want.macs) : separable === BigInt(want.macs));
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('MobileNet v1 is the paper\'s, and the tab and the link open the view', async () => {
  const page = await open(env.browser, env.server.url);
  await page.click('#view-model');
  await eventually(async () => assert.match(page.url(), /view=model/));
  await load(page, `${FIXTURES}mobilenet_v1.onnx`);
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), '568740352');
  assert.equal(await page.locator('#model-params').getAttribute('data-value'), '4210088');
  assert.match(await page.locator('.model-totals').textContent(), /1,137,480,704 FLOPs/);
  await page.close();
});

test('a reader with no file at hand opens ResNet-18, and sees what separable convolutions would buy it, or MobileNetV2', async () => {
  const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
  const shows = (name) => eventually(async () => {
    assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(expected(name).macs));
    assert.match(await page.locator('[data-read]').textContent(), new RegExp(`^${name}\\.onnx`));
  }, 30_000);
  await page.click('#model-example-resnet18');
  await shows('resnet18');
  assert.equal(await page.locator('#model-params').getAttribute('data-value'), String(expected('resnet18').params));
  // torchvision's 11,689,512 less batch norm's 9,600 scales and shifts, as the view says.
  assert.equal(expected('resnet18').params, 11_689_512 - 9_600);
  assert.match(await page.locator('.model > .panel-note').textContent(), /batch norm's are left out/);
  assert.equal(await page.locator('tr[data-node]').count(), expected('resnet18').nodes.length);
  // Each k x k standard convolution as a depthwise k x k and a 1 x 1 (Dp²·M·(Dk² + N)), the
  // 1 x 1 shortcuts and the classifier as they are.
  const separable = (m, n, k, dp) => dp * dp * m * (k * k + n);
  let want = separable(3, 64, 7, 112) + 4 * separable(64, 64, 3, 56) + 512 * 1000;
  for (const [m, n, dp] of [[64, 128, 28], [128, 256, 14], [256, 512, 7]]) {
    want += separable(m, n, 3, dp) + 3 * separable(n, n, 3, dp) + dp * dp * m * n;
  }
  assert.equal(await page.locator('#model-macs-separable').getAttribute('data-value'), String(want));
  assert.match(await page.locator('.model-totals').textContent(), /8\.13× fewer/);
  await page.click('#model-example-mobilenet_v2');
  await shows('mobilenet_v2');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the link says which example is open, opens it, and loses it for a reader\'s own file', async () => {
  const page = await open(env.browser, env.server.url, '?example=resnet18&lang=zh', undefined, '#model-file');
  const macs = () => page.locator('#model-macs').getAttribute('data-value');
  await eventually(async () => assert.equal(await macs(), String(expected('resnet18').macs)), 30_000);
  assert.equal(await page.locator('#view-model').getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /[?&]view=model&example=resnet18&/);
  // Its button says it is the one open.
  const pressed = () => page.locator('.model-examples button').evaluateAll((bs) => bs.map((b) => [b.id, b.getAttribute('aria-pressed')]));
  assert.deepEqual(await pressed(), [['model-example-resnet18', 'true'], ['model-example-mobilenet_v2', 'false']]);
  // The share panel's link is the address bar's.
  await eventually(async () => assert.match(await page.locator('#share-link').inputValue(), /[?&]example=resnet18&/));
  await page.click('#model-example-mobilenet_v2');
  await eventually(async () => assert.equal(await macs(), String(expected('mobilenet_v2').macs)), 30_000);
  await eventually(async () => assert.match(page.url(), /[?&]example=mobilenet_v2&/));
  assert.deepEqual(await pressed(), [['model-example-resnet18', 'false'], ['model-example-mobilenet_v2', 'true']]);
  // The view's own tab keeps it; the layer's tab leaves it, and the link with it.
  await page.click('#view-model');
  await page.waitForTimeout(300);
  assert.match(page.url(), /[?&]example=mobilenet_v2&/);
  await page.click('#view-layer');
  await eventually(async () => assert.doesNotMatch(page.url(), /example=|view=model/));
  await page.click('#view-model');
  await eventually(async () => assert.match(page.url(), /[?&]view=model&/));
  assert.doesNotMatch(page.url(), /example=/);
  await page.click('#model-example-mobilenet_v2');
  await eventually(async () => assert.equal(await macs(), String(expected('mobilenet_v2').macs)), 30_000);
  await eventually(async () => assert.match(page.url(), /[?&]example=mobilenet_v2&/));
  // A reader's own file is not in any link: the example leaves it.
  await load(page, `${FIXTURES}resnet_block.onnx`);
  await eventually(async () => assert.equal(await macs(), String(expected('resnet_block').macs)), 30_000);
  await eventually(async () => assert.doesNotMatch(page.url(), /example=/));
  assert.match(page.url(), /[?&]view=model&/);
  assert.deepEqual(await pressed(), [['model-example-resnet18', 'false'], ['model-example-mobilenet_v2', 'false']]);
  assert.deepEqual(page.problems, []);
  await page.close();

  // A name it does not know: said on the page, and the view stays as it was asked for.
  const bad = await open(env.browser, env.server.url, '?example=vgg16');
  await eventually(async () => assert.match(await bad.locator('body').textContent(), /example=vgg16 in the link \(it is resnet18 or mobilenet_v2\)/));
  assert.equal(await bad.locator('#model-macs').count(), 0);
  assert.equal(await bad.locator('#view-model').getAttribute('aria-pressed'), 'false');
  await bad.close();
});

test('two examples opened quickly end on the second, though the first comes back last', async () => {
  const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
  // ResNet-18 takes a second longer to come than MobileNetV2.
  let held = 0;
  await page.route(/resnet18\.onnx$/, async (route) => {
    held += 1;
    await new Promise((ok) => setTimeout(ok, 1000));
    await route.continue();
  });
  await page.click('#model-example-resnet18');
  await page.click('#model-example-mobilenet_v2');
  const macs = () => page.locator('#model-macs').getAttribute('data-value');
  await eventually(async () => assert.equal(await macs(), String(expected('mobilenet_v2').macs)), 30_000);
  // After ResNet-18's file has come and well past it, the view still shows the last one asked for.
  await eventually(async () => assert.equal(held, 1));
  await new Promise((ok) => setTimeout(ok, 2000));
  assert.equal(await macs(), String(expected('mobilenet_v2').macs));
  assert.match(await page.locator('[data-read]').textContent(), /^mobilenet_v2\.onnx/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the picker speaks the page\'s language: its label is the button, the browser\'s own is out of sight', async () => {
  const page = await open(env.browser, env.server.url, '?view=model&lang=zh', undefined, '#model-file');
  // The browser's button and "No file chosen" would be in the browser's language (English here).
  const input = await page.locator('#model-file').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { width: r.width, height: r.height, opacity: getComputedStyle(e).opacity };
  });
  assert.ok(input.width <= 1 && input.height <= 1 && input.opacity === '0', JSON.stringify(input));
  const label = page.locator('label[for="model-file"]');
  assert.equal(await label.textContent(), '选择一个 .onnx 文件，或拖放到这里');
  assert.ok((await label.boundingBox()).height >= 44, 'a thumb\'s height');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), label.click()]);
  await chooser.setFiles(`${FIXTURES}resnet_block.onnx`);
  await eventually(async () => assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(expected('resnet_block').macs)), 30_000);
  // From the keys: the input takes the focus (the click left it there, and Tab and
  // Shift+Tab bring it back as keys do), and its label shows it.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'model-example-resnet18');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'model-file');
  assert.notEqual(await label.evaluate((e) => getComputedStyle(e).outlineStyle), 'none');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('named input sizes take the size asked for, and a bad size keeps the last count', async () => {
  const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
  await load(page, `${FIXTURES}dynamic.onnx`);
  const at224 = BigInt(expected('dynamic').macs);
  await page.locator('#model-size').fill('112');
  await eventually(async () => assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(at224 / 4n)), 10_000);
  await page.locator('#model-size').fill('0');
  assert.match(await page.locator('.model-size [role=alert]').textContent(), /1 to 4096/);
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(at224 / 4n));
  await page.close();
});

test('after an operator it cannot infer, the counts are unknown and the operator named', async () => {
  const page = await open(env.browser, env.server.url, '?view=model&lang=zh', undefined, '#model-file');
  await load(page, `${FIXTURES}mystery.onnx`);
  assert.equal(await page.locator('tr[data-node="before"]').getAttribute('data-macs'), String(16 * 32 * 32 * 8 * 9));
  assert.equal(await page.locator('tr[data-node="after"]').getAttribute('data-macs'), null);
  // Its own count is known, but not the whole of which it would be a share.
  assert.deepEqual(await shares(page), ['?', '?']);
  // The bar is then a whole of the counted layers only, and says so before its parts.
  assert.match(await page.locator('.where-bar').getAttribute('aria-label'), /乘加次数的去向：仅限已计数的层（其余未知）： 标准/);
  assert.equal(await page.locator('.where-scope').textContent(), '仅限已计数的层（其余未知）：');
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), null);
  assert.match(await page.locator('.model-error').textContent(), /“mystery”（Mystery）/);
  await page.close();
});

test('bad files each get their message, and the page goes on', async () => {
  const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
  const whole = readFileSync(`${FIXTURES}mobilenet_v1.onnx`);
  const cases = [
    [{ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('These are my notes, not a model.') }, /notes\.onnx is not an ONNX model/],
    [{ name: 'cut.onnx', mimeType: 'application/octet-stream', buffer: whole.subarray(0, whole.length / 2) }, /cut\.onnx ends too soon/],
    // ir_version 8, opset_import { version 99 }, an empty graph.
    [{ name: 'future.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x08, 8, 0x42, 2, 0x10, 99, 0x3a, 0]) }, /opset 99/],
  ];
  for (const [file, words] of cases) {
    await page.locator('#model-file').setInputFiles(file);
    await eventually(async () => assert.match(await page.locator('#model-error').textContent(), words), 10_000);
  }
  await load(page, `${FIXTURES}resnet_block.onnx`);
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(expected('resnet_block').macs));
  // Every layer counted: the bar is the whole network's, with nothing said before it.
  assert.equal(await page.locator('.where-scope').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** A protobuf varint. */
function varint(v) {
  const out = [];
  for (; v >= 0x80; v = Math.floor(v / 128)) out.push((v % 128) | 0x80);
  out.push(v);
  return Buffer.from(out);
}

/** A protobuf field: key, then a length-delimited value. */
const field = (number, bytes) => Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);
/** A protobuf field with a varint value. */
const number = (n, v) => Buffer.concat([varint(n * 8), varint(v)]);

test('a 100 MB model is read in a worker while the page keeps drawing', async () => {
  // MobileNet v1 with one more weight of 100 MB in its graph (field 7 of the model).
  const small = readFileSync(`${FIXTURES}mobilenet_v1.onnx`);
  let at = 0;
  const read = () => { let v = 0, s = 1, b; do { b = small[at++]; v += (b & 0x7f) * s; s *= 128; } while (b & 0x80); return v; };
  const parts = [];
  while (at < small.length) {
    const start = at;
    const key = read();
    if ((key & 7) === 0) { read(); parts.push(small.subarray(start, at)); continue; }
    const len = read();
    const value = small.subarray(at, at + len);
    at += len;
    if (key >> 3 === 7) {
      // TensorProto { name "big", dims [25000000], data_type FLOAT, raw_data (100 MB) }
      const big = Buffer.concat([field(8, Buffer.from('big')), number(1, 25e6), number(2, 1), field(9, Buffer.alloc(100e6))]);
      parts.push(field(7, Buffer.concat([field(5, big), value])));
    } else parts.push(small.subarray(start, at));
  }
  mkdirSync(`${ROOT}target/e2e`, { recursive: true });
  const path = `${ROOT}target/e2e/big.onnx`;
  writeFileSync(path, Buffer.concat(parts));
  const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
  // The share panel's measuring frame, if its embed code is in view, loads a second copy
  // of the app a second later, on this page's thread: the frames are counted after that.
  await page.waitForTimeout(2500);
  await page.evaluate(() => {
    window.gaps = [];
    let last = performance.now();
    const frame = (t) => { window.gaps.push(t - last); last = t; if (!document.getElementById('model-macs')) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  });
  await load(page, path);
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), '568740352');
  // The 100 M parameters of the extra weight are not any counted node's.
  assert.equal(await page.locator('#model-params').getAttribute('data-value'), '4210088');
  // Its bytes were passed over, not read: the reader read the rest of the file, 19 KB.
  assert.ok(Number(await page.locator('[data-read]').getAttribute('data-read')) < 100_000);
  const gap = await page.evaluate(() => Math.max(...window.gaps.slice(1, -1)));
  assert.ok(gap < 100, `the longest frame gap while reading was ${gap.toFixed(0)} ms`);
  await page.close();
});

test('the single file reads a model from disk too', async () => {
  const file = `${ROOT}target/e2e/sepconv-model.html`;
  execFileSync('node', ['scripts/single.mjs', 'dist', file], { cwd: ROOT });
  const browser = await launch();
  const page = await open(browser, `file://${file}`, '?view=model', undefined, '#model-file');
  await load(page, `${FIXTURES}resnet_block.onnx`);
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(expected('resnet_block').macs));
  // The examples are inline in it, as the worker and its wasm are.
  await page.click('#model-example-resnet18');
  await eventually(async () => assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(expected('resnet18').macs)), 30_000);
  assert.deepEqual(page.problems, []);
  await browser.close();
});

test('a row loads into the layer view, and says what it approximates', async () => {
  const page = await open(env.browser, env.server.url, '?view=model', undefined, '#model-file');
  await load(page, `${FIXTURES}odd_layers.onnx`);
  assert.match(await page.locator('tr[data-node="rectangular"] .model-approx').textContent(), /1 × 5 kernel as 5 × 5/);
  await load(page, `${FIXTURES}mobilenet_v1.onnx`);
  // MobileNet's second depthwise layer: 112 × 112 × 64 at stride 2, TensorFlow's "same".
  await page.locator('tr[data-node="dw2"] button').click();
  await eventually(async () => assert.match(page.url(), /df=112&dk=3&m=64&n=64&pad=same&stride=2/));
  assert.match(page.url(), /g=64/);
  assert.doesNotMatch(page.url(), /view=model/);
  assert.equal(await page.locator('#cost-standard').getAttribute('data-value'), String(64 * 56 * 56 * 9 * 64 / 64));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a file dropped on the page is read like a chosen one; an unknown element type is named', async () => {
  const page = await open(env.browser, env.server.url, '?view=model&lang=zh', undefined, '#model-file');
  const drop = async (name, bytes) => {
    const transfer = await page.evaluateHandle(({ name, bytes }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name));
      return data;
    }, { name, bytes: [...bytes] });
    await page.dispatchEvent('.model-drop', 'drop', { dataTransfer: transfer });
  };
  await drop('resnet.onnx', readFileSync(`${FIXTURES}resnet_block.onnx`));
  await page.waitForSelector('#model-macs[data-value]', { timeout: 30_000 });
  assert.equal(await page.locator('#model-macs').getAttribute('data-value'), String(expected('resnet_block').macs));
  // ModelProto { ir_version 8, graph { input { name "x", type { tensor_type { elem_type 99 } } } } }
  await drop('odd.onnx', Buffer.from([0x08, 8, 0x3a, 11, 0x5a, 9, 0x0a, 1, 0x78, 0x12, 4, 0x0a, 2, 0x08, 99]));
  await eventually(async () => assert.match(await page.locator('#model-error').textContent(), /输入 x 的元素类型（99）/), 10_000);
  assert.deepEqual(page.problems, []);
  await page.close();
});

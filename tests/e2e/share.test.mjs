// Share and embed: a copied link opens the same state; the embed code is an iframe
// snippet; each embedded panel works in a sandboxed iframe on another page, without the
// page chrome, and tells the page its height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shared, open, figures, eventually, live } from './harness.mjs';

const env = shared({ cors: true });

test('a copied link restores the same layer, frame and theme in a new page', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${env.server.url}?df=14&dk=5&m=64&n=128&pad=valid&mode=standard&step=4321&theme=dark`);
  await live(page);
  await page.waitForSelector('#cost-standard');
  await page.locator('#n-input').fill('96');
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('n'), '96'));
  await page.locator('#copy-link').click();
  await eventually(async () => assert.equal(await page.locator('.share-status').textContent(), 'Copied the link.'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  const before = await figures(page);
  const step = await page.locator('#anim-step').getAttribute('data-value');

  const again = await open(env.browser, link, '');
  assert.deepEqual(await figures(again), before);
  assert.equal(await again.locator('#anim-step').getAttribute('data-value'), step);
  assert.equal(await again.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(again.problems, []);

  await page.getByRole('button', { name: 'charts' }).click();
  await page.locator('#copy-embed').click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^<iframe id="sepconv-plots" src="http:\/\/127\.0\.0\.1:\d+\/courses\/cnn\/sepconv\/\?df=14&amp;dk=5&amp;m=64&amp;n=96[^"]*&amp;embed=plots&amp;id=sepconv-plots" title="sepconv: [^"]+" width="100%" height="\d+"/);
  assert.match(code, /sandbox="allow-scripts allow-downloads"><\/iframe>\n<script src="[^"]+\/embed\.js" async><\/script>$/);
  await context.close();
});

test('a shared link is left as it is in the address bar; a short one is written out in full, once', async () => {
  const page = await env.browser.newPage();
  // Every write to the address bar, and the link it wrote.
  await page.addInitScript(() => {
    window.written = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => {
      window.written.push(String(url));
      return replace(state, title, url);
    };
  });
  const full = 'df=14&dk=5&m=64&n=128&pad=valid&stride=1&dil=1&mode=standard&step=4321&lang=en';
  await page.goto(`${env.server.url}?${full}`);
  await live(page);
  await page.waitForSelector('#cost-standard');
  assert.deepEqual(await page.evaluate(() => window.written), []);
  assert.equal(new URL(page.url()).search, `?${full}`);
  // The same layer, linked by hand with its defaults left out.
  await page.goto(`${env.server.url}?df=14&dk=5&m=64&n=128&pad=valid&mode=standard&step=4321`);
  await live(page);
  await page.waitForSelector('#cost-standard');
  const written = await page.evaluate(() => window.written);
  assert.equal(written.length, 1, `${written}`);
  assert.equal(new URL(written[0], page.url()).search, `?${full}`);
  assert.equal(new URL(page.url()).search, `?${full}`);
  await page.close();
});

for (const [embed, selector] of [['cost', '#cost-standard'], ['plots', '#ratio-vs-n'], ['anim', '#anim-canvas'], ['network', '#net-macs']]) {
  test(`embed=${embed} works in a sandboxed iframe and posts its height`, async () => {
    const post = env.server.url.replace(/\/courses.*/, `/blog/post.html?embed=${embed}`);
    const page = await open(env.browser, post, '', undefined, null);
    const frame = page.frameLocator('#sepconv');
    await frame.locator(selector).waitFor();
    assert.equal(await frame.locator('.masthead').count(), 0, 'no page chrome');
    assert.equal(await frame.locator('.share').count(), 0);
    const full = embed === 'network'
      ? /^\?df=14&dk=3&m=512&n=512&pad=same&stride=1&dil=1&net=mobilenet_v1&mode=separable&step=0&lang=en$/
      : /^\?df=14&dk=3&m=512&n=512&pad=same&stride=1&dil=1&mode=separable&step=0&lang=en$/;
    assert.match(await frame.locator('.open-full a').getAttribute('href'), full);
    // The frame posts a new height as its content settles (434, 647, 806, 862 px for the
    // animation): the posted heights and the frame's own are read together, in one turn of
    // the host page, or a height posted between the two reads fails a correct page.
    await eventually(async () => {
      const [h, box] = await page.evaluate(() => [window.heights, document.getElementById('sepconv').getBoundingClientRect().height]);
      assert.ok(h.length > 0 && h.at(-1) > 200, `heights ${h}`);
      assert.ok(Math.abs(box - h.at(-1)) <= 1, `the host sized the frame to the posted height: ${box} against ${h}`);
    });
    if (embed === 'cost') {
      assert.equal(await frame.locator('#cost-standard').getAttribute('data-value'), '462422016');
      // The layer and its counts, not the whole page's code under them.
      assert.equal(await frame.locator('.panel.code').count(), 0);
      assert.equal(await frame.locator('.layer-panel').count(), 1);
    }
    if (embed === 'network') {
      assert.equal(await frame.locator('#net-macs').getAttribute('data-value'), '568740352');
    }
    assert.deepEqual(page.problems, []);
  });
}

// Shared by the end-to-end tests: a static server for the release build in dist/
// (under a sub-path, as a blog or a course site would host it) and headless Chromium.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { policy } from '../../scripts/csp.mjs';
import { expected, closedForm, significantDigits } from './reference.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const DIST = new URL('../../dist/', import.meta.url).pathname;
export const BASE_PATH = '/courses/cnn/sepconv/';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Bodies as a static host sends them (gzip, compressed once), by the file's path. */
const zipped = new Map();

/**
 * `body` and its headers as a static host (GitHub Pages, Netlify, a CDN) sends it: gzip for
 * a browser that accepts it, except for what is compressed already. The benchmark's
 * servers send this way, so that a slow connection carries what it would carry in use.
 */
export function hosted(req, file, body) {
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') || !/\.(html|js|wasm|css|svg|json)$/.test(file)) {
    return { body, headers: {} };
  }
  // At gzip's highest level, the one every "gzip" figure of the benchmark is taken at.
  if (!zipped.has(file)) zipped.set(file, gzipSync(body, { level: 9 }));
  return { body: zipped.get(file), headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } };
}

/**
 * Serves dist/ at BASE_PATH on a free loopback port and records every request; with
 * `csp`, every response carries the strict Content-Security-Policy of csp.mjs; with
 * `gzip`, bodies go out compressed, as a static host sends them (see `hosted`).
 */
export async function serve({ csp = false, cors = false, gzip = false } = {}) {
  const requests = [];
  const headers = {
    ...(csp ? { 'content-security-policy': policy(DIST) } : {}),
    // A sandboxed iframe has an opaque origin: its module script and wasm are cross-origin.
    ...(cors ? { 'access-control-allow-origin': '*' } : {}),
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // the blog's own icon, which it does not have
      return;
    }
    if (url.pathname === '/blog/post.html') {
      // A blog post that embeds the panel named in ?embed= in a sandboxed iframe and
      // listens for its height, as the README tells bloggers to.
      const src = `${BASE_PATH}?df=14&dk=3&m=512&n=512&pad=same&embed=${url.searchParams.get('embed')}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>A post</title><p>Some prose.</p>
<iframe id="sepconv" sandbox="allow-scripts" src="${src}" title="sepconv" style="width: 100%; border: 0"></iframe>
<script>
  window.heights = [];
  addEventListener('message', (e) => {
    if (e.data && e.data.type === 'sepconv:resize') {
      window.heights.push(e.data.height);
      document.getElementById('sepconv').style.height = e.data.height + 'px';
    }
  });
</script>`);
      return;
    }
    if (url.pathname === '/blog/page.html') {
      // A blog post in a column of ?width= px, light or ?dark=1, with one sandboxed frame
      // per panel in ?frames= (each named by its id), sized by the embed.js that dist/
      // ships (?late=1: three seconds after the frames have reported); ?extra= goes into
      // every frame's link, ?style= is each frame's style (the share dialog's), and
      // ?scheme=none leaves out the post's colour scheme, as most blogs do. Every message
      // lands in `messages`.
      const q = url.searchParams;
      const dark = q.get('dark') === '1';
      const style = `${q.get('style') ?? 'border: 0'}; display: block`;
      const scheme = q.get('scheme') === 'none' ? '' : `<meta name="color-scheme" content="${dark ? 'dark' : 'light'}">`;
      const frames = (q.get('frames') ?? 'anim,plots').split(',').map((embed) => {
        const src = `${BASE_PATH}?df=14&dk=3&m=512&n=512&pad=same&embed=${embed}&id=sepconv-${embed}${q.get('extra') ?? ''}`;
        return `<iframe id="sepconv-${embed}" sandbox="allow-scripts" src="${src.replace(/&/g, '&amp;')}" title="sepconv ${embed}" width="100%" height="150" style="${style}"></iframe>`;
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8">${scheme}
<title>A post</title>
<style>body { margin: 0; background: ${dark ? '#1b1e27' : '#fdfcf8'}; color: ${dark ? '#e8e6e1' : '#222'}; font: 18px Georgia, serif; }
main { width: ${Number(q.get('width') ?? 700)}px; margin: 0 auto; } p { margin: 16px 0; }</style>
<script>window.messages = []; addEventListener('message', (e) => window.messages.push(e.data));</script>
<main><h1>Depthwise separable convolutions</h1><p>Some prose before the first embed.</p>
${frames.join('\n<p>Some prose between the embeds.</p>\n')}
<p>Some prose after.</p></main>
${q.get('late') === '1'
    // A post whose script comes only after its frames have reported.
    ? `<script>setTimeout(() => { const s = document.createElement('script'); s.src = '${BASE_PATH}embed.js'; document.body.append(s); }, 3000);</script>`
    : `<script src="${BASE_PATH}embed.js" async></script>`}`);
      return;
    }
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const rel = url.pathname.slice(BASE_PATH.length) || 'index.html';
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const sent = gzip ? hosted(req, file, body) : { body, headers: {} };
      res.writeHead(200, { ...headers, ...sent.headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(sent.body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  /** The paths asked for from request number `before` on, from a page's own document: a file
   *  that an earlier page asked for and that reaches the server late is not the page's. */
  const since = (before) => {
    const asked = requests.slice(before);
    return asked.slice(Math.max(0, asked.indexOf(BASE_PATH)));
  };
  return { url: origin + BASE_PATH, requests, since, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Waits until the full app has taken over the page: `<html data-app>`, or the message a
 * panic leaves. The page is pre-rendered at build time (`make build`), so an element
 * being there says nothing about whether the app is running; and `data-ready` comes
 * earlier, from the first-load island, when only the layer's sliders and counts are live.
 */
export async function live(page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app')
    || document.getElementById('fatal')?.hidden === false);
}

/**
 * Opens the app with `query` and waits for the wasm to run it and for the element
 * `ready` (or for nothing when it is null: a page that is not the app). A test that
 * navigates the page again calls `live` itself. Every console error or
 * warning and every page error lands in `page.problems`, for the test to assert empty.
 */
export async function open(browser, base, query = '', viewport = { width: 1280, height: 720 }, ready = '#cost-standard') {
  const page = await browser.newPage({ viewport });
  page.problems = [];
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  // Unhandled rejections and policy violations, said out loud so that they count too.
  await page.addInitScript(() => {
    addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${e.reason}`));
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(base + query);
  if (ready) {
    await live(page);
    await page.waitForSelector(ready);
  }
  return page;
}

/** axe-core's serious and critical violations on the page as it is, one line each. */
export async function violations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The `data-value` of each machine-readable figure. */
export async function figures(page) {
  return page.evaluate(() => {
    const ids = ['dp', 'cost-standard', 'cost-depthwise', 'cost-pointwise', 'cost-separable',
      'params-standard', 'params-separable', 'ratio', 'ratio-closed', 'speedup'];
    return Object.fromEntries(ids.map((id) => [id, document.getElementById(id)?.dataset.value]));
  });
}

/**
 * Asserts that the page's figures are `layer`'s: the counts exactly, the ratios and the
 * speed-up to 12 digits against the closed form and the counts.
 */
export async function checkFigures(page, layer) {
  const got = await figures(page);
  const want = expected(layer);
  for (const [id, value] of Object.entries(want)) assert.equal(got[id], value, `${id} for ${JSON.stringify(layer)}`);
  for (const id of ['ratio', 'ratio-closed']) {
    assert.ok(significantDigits(got[id]) >= 12, `${id} = ${got[id]} has too few digits`);
    const r = closedForm(layer);
    assert.ok(Math.abs(Number(got[id]) - r) / r < 1e-12, `${id} = ${got[id]}, 1/N + 1/Dk² = ${r}`);
  }
  const sep = Number(BigInt(want['cost-separable'])), std = Number(BigInt(want['cost-standard']));
  assert.ok(Math.abs(Number(got.speedup) - std / sep) / (std / sep) < 1e-12, `speedup ${got.speedup}`);
}

/**
 * Runs `check` until it stops throwing, for at most `ms`: Yew renders after the event
 * that caused it, so a figure read straight after an input may still be the old one.
 */
export async function eventually(check, ms = 3000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((ok) => setTimeout(ok, 25));
    }
  }
}

/** Waits until `locator`'s text is `want` (a string), or matches it (a pattern). */
export async function textOf(locator, want) {
  await eventually(async () => {
    const text = await locator.textContent();
    if (want instanceof RegExp) assert.match(text, want);
    else assert.equal(text, want);
  });
}

/**
 * One server and one browser for a test file: started before its first test, closed
 * after its last. Read `.server` and `.browser` inside the tests. `options` go to serve().
 */
export function shared(options) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * The WCAG contrast of each CSS variable in `names`, as the browser resolves it, against
 * the least contrasting of the variables in `against` (the panel, by default).
 */
export function contrasts(page, names, against = ['--panel']) {
  return page.evaluate(([names, against]) => {
    const probe = document.createElement('canvas').getContext('2d');
    const style = getComputedStyle(document.documentElement);
    const lum = (name) => {
      probe.fillStyle = '#000';
      probe.fillStyle = style.getPropertyValue(name).trim();
      const hex = probe.fillStyle.slice(1);
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return Object.fromEntries(names.map((n) => [n, Math.min(...against.map((a) => ratio(lum(n), lum(a))))]));
  }, [names, against]);
}

/** The ids of the animation's counters whose words run out of their own box, or into the next one. */
export function overrun(page) {
  return page.evaluate(() => [...document.querySelectorAll('.anim-counters > div')]
    .filter((box) => [...box.querySelectorAll('dd, strong')].some((e) => {
      const [r, own] = [e.getBoundingClientRect(), box.getBoundingClientRect()];
      return e.scrollWidth > e.clientWidth + 1 || r.right > own.right + 0.5;
    }))
    .map((box) => box.querySelector('strong').id));
}

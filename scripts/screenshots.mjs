// The animation's screenshots for the README and for looking at: each view (a depthwise
// step on channel 2, a pointwise column, a standard window, the slices look, the lens
// at Df = 224, the race) in light and dark, English and Chinese, at projector and phone
// sizes. Reads the release build in dist/ (run `make build` first).
//   node scripts/screenshots.mjs OUT_DIR [all]
// Without `all` it writes only the pictures the README shows.
import { mkdir } from 'node:fs/promises';
import { serve, launch } from '../tests/e2e/harness.mjs';

const [out = 'docs', which] = process.argv.slice(2);
const small = '&df=8&dk=3&m=3&n=8&pad=same';
const VIEWS = {
  depthwise: `${small}&mode=separable&step=${64 + 3 * 8 + 4}`,
  pointwise: `${small}&mode=separable&step=${192 + 2 * 64 + 3 * 8 + 4}`,
  standard: `${small}&mode=standard&step=${64 + 3 * 8 + 4}`,
  slices: `${small}&mode=separable&step=${64 + 3 * 8 + 4}&scene=slices`,
  lens: `&df=224&dk=3&m=32&n=64&pad=same&mode=separable&step=${50176 + 100 * 224 + 120}`,
  race: '&df=14&dk=3&m=32&n=64&pad=same&mode=race&step=2400',
};
// What the README shows: each view once, across the themes, languages and sizes.
const README = [
  ['anim-depthwise', 'depthwise', 'light', 'en', [1280, 720]],
  ['anim-pointwise', 'pointwise', 'dark', 'en', [1280, 720]],
  ['anim-standard', 'standard', 'light', 'zh', [1920, 1080]],
  ['anim-slices', 'slices', 'light', 'en', [1280, 720]],
  ['anim-lens', 'lens', 'dark', 'en', [1920, 1080]],
  ['anim-race', 'race', 'light', 'en', [1280, 720]],
  ['anim-phone', 'depthwise', 'light', 'zh', [390, 844]],
];
const ALL = Object.keys(VIEWS).flatMap((view) => ['light', 'dark'].flatMap((theme) => ['en', 'zh']
  .flatMap((lang) => [[1280, 720], [1920, 1080], [390, 844]]
    .map((size) => [`${view}-${theme}-${lang}-${size[0]}`, view, theme, lang, size]))));

await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
for (const [name, view, theme, lang, [width, height]] of which === 'all' ? ALL : README) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${server.url}?embed=anim${VIEWS[view]}&theme=${theme}&lang=${lang}`);
  await page.waitForSelector('#anim-canvas[data-lit-visible]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  await page.close();
  console.log(`${out}/${name}.png`);
}
await browser.close();
await server.close();

// Folds a release build into one HTML file that opens by double-click, with no server:
// for a lecture hall without network. The icon, the JS glue and the wasm (as base64) go
// inline (the stylesheet is in the built page already); the wasm is instantiated from
// those bytes. So do the page pre-rendered in Chinese and the parts that load on demand.
//   node scripts/single.mjs dist dist-single/sepconv.html   (what `make build-single` runs)
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [dist = 'dist', out = 'dist-single/sepconv.html'] = process.argv.slice(2);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const only = (pattern) => {
  const matches = readdirSync(dist).filter((f) => pattern.test(f));
  if (matches.length !== 1) throw new Error(`expected one ${pattern} in ${dist}, found ${matches}`);
  return readFileSync(join(dist, matches[0]));
};
const icon = only(/^favicon-.*\.svg$/).toString('base64');
// The glue is an ES module: inline it as one, and call its default export on the bytes
// (scripts/wasm-parts.sh minifies it, keeping the name `__wbg_init`).
const glue = only(/^sepconv-[0-9a-f]+\.js$/).toString('utf8');
const exports = /export\s*\{\s*initSync\s*,\s*__wbg_init as default\s*\};?/;
if (!exports.test(glue)) throw new Error('the glue no longer exports __wbg_init as its default');
const body = glue.replace(exports, '');
const wasm = only(/^sepconv-[0-9a-f]+_bg\.wasm$/).toString('base64');
const loader = `${body}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;

// What loads on demand goes in as inert data blocks, base64, which the app reads instead of
// fetching (src/components/lazy.rs): the "Run it" panel's worker and kernels, and the
// ONNX reader of "Your network" with its worker and the networks it offers.
const lazy = ['measure-worker.js', 'measure-kernels.wasm', 'model-worker.js', 'model-reader.wasm',
  'resnet18.onnx', 'mobilenet_v2.onnx']
  .map((name) => `<script type="application/octet-stream" id="asset:${name}">${readFileSync(join(dist, name)).toString('base64')}</script>`)
  .join('\n');

// The page pre-rendered in Chinese, which the built page asks for from a file of its own
// (src/prerender/), runs inline before the script that builds it.
const chineseFile = /<noscript id=prerendered-en data-zh=([^ >]+)>/.exec(html)?.[1];
if (!chineseFile) throw new Error('the built page no longer names its Chinese page\'s file');
const chinese = readFileSync(join(dist, chineseFile), 'utf8');

const single = html
  .replace(/<link[^>]*rel=icon[^>]*>/, () => `<link rel=icon href="data:image/svg+xml;base64,${icon}">`)
  .replace(/<link[^>]*rel=(modulepreload|preload)[^>]*>/g, '')
  // It has no files to fetch: the script that asks for them from <head> goes.
  .replace(/<script id=app-preload>[\s\S]*?<\/script>/, '')
  .replace(/<script type=module>[\s\S]*?<\/script>/, () => `<script type=module>${loader}</script>`)
  .replace(/(<noscript id=prerendered-en[\s\S]*?<\/noscript>)/, (english) => `${english}<script>${chinese}</script>`)
  .replace('</body>', () => `${lazy}\n</body>`)
  // The lecture's, the network views' and a run's styles, which the app would ask for from
  // beside the page.
  .replace('</head>', () => ['lecture', 'network', 'measure']
    .map((name) => `<style id=${name}-css>${readFileSync(join(dist, `${name}.css`), 'utf8')}</style>`)
    .join('') + '</head>');
if (single.includes('./sepconv-') || single.includes('./style-') || single.includes(`./${chineseFile}`)) throw new Error('a reference to a separate file is left');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, single);
console.log(`wrote ${out} (${(single.length / 1024).toFixed(0)} KB)`);

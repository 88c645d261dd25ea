// Gives what a wasm and its wasm-bindgen glue call each other by short names, in both files:
//   node scripts/short-names.mjs <glue.js> <module_bg.wasm>
// wasm-bindgen names each function the wasm imports after the JS it calls plus a hash
// (`__wbg_nextElementSibling_758a2a7370bec999`): some 40 bytes, twice (the wasm's import
// section and the glue's table of imports), whose hashes gzip cannot shrink; and the
// closures' entry points that the wasm exports much the same way. For the app that is
// about 7.5 KB gzipped of the ~300 every reader loads. The glue names each import once, as
// a key of the object it hands the wasm, and each export as a property of the wasm's
// exports; the script checks that, and fails the build rather than write a pair that
// would not link.
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) throw new Error('usage: short-names.mjs <glue.js> <module_bg.wasm>');
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

/** An unsigned LEB128 at `at`: its value and the offset after it. */
function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
const toLeb = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
};
const name = (bytes, at) => {
  const [length, start] = leb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
};
const toName = (text) => Buffer.concat([toLeb(Buffer.byteLength(text)), Buffer.from(text)]);

/** The end of an import's description (its kind at `at`), as the binary format lays it out. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // a function: its type
    case 1: return limits(at + 1); // a table: its element type, its limits
    case 2: return limits(at); // a memory
    case 3: return at + 2; // a global: its value type and mutability
    case 4: return leb(bytes, at + 1)[1]; // a tag
    default: throw new Error(`import of unknown kind ${kind}`);
  }
}

// Identifiers: a letter or _ or $ first, then those or digits; none that the glue has
// already, as a key or as anything else, so that a new name cannot clash with an old.
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
const REST = FIRST + '0123456789';
const taken = new Set(glue.match(/[\w$]+/g));
const names = (function* () {
  for (let n = 0; ; n++) {
    let text = FIRST[n % FIRST.length];
    for (let m = Math.floor(n / FIRST.length); m > 0; m = Math.floor((m - 1) / REST.length)) {
      text += REST[(m - 1) % REST.length];
    }
    if (!taken.has(text)) yield text;
  }
})();

/** `name` as a whole word of the glue (a key, a property, a variable). */
const token = (name, before = '(?<![\\w$])') =>
  new RegExp(`${before}${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
const count = (pattern) => glue.match(pattern)?.length ?? 0;

/**
 * Section `id` (its payload from `start` to `end`, a vector) rewritten entry by entry:
 * `entry(at)` reads the entry at `at` and returns its new bytes and the offset after it.
 */
function rewrite(id, what, start, end, entry) {
  const [total, first] = leb(wasm, start);
  const entries = [];
  let p = first;
  for (let i = 0; i < total; i++) {
    let bytes;
    [bytes, p] = entry(p);
    entries.push(bytes);
  }
  if (p !== end) throw new Error(`the ${what} section did not parse to its end`);
  const payload = Buffer.concat([toLeb(entries.length), ...entries.flat()]);
  return Buffer.concat([Buffer.from([id]), toLeb(payload.length), payload]);
}

/**
 * The import section (its payload from `start` to `end`) with short names for what the
 * glue provides; `env` and the like keep theirs.
 */
const importSection = (start, end) => rewrite(2, 'import', start, end, (p) => {
  const [module, afterModule] = name(wasm, p);
  const [field, afterField] = name(wasm, afterModule);
  const next = skipDescription(wasm, afterField);
  let short = field;
  if (module.startsWith('./')) {
    const key = token(field);
    const uses = count(key);
    if (uses !== 1) throw new Error(`${gluePath} names ${field} ${uses} times, not once`);
    short = names.next().value;
    glue = glue.replace(key, () => short);
    renamed++;
  }
  return [[toName(module), toName(short), wasm.subarray(afterField, next)], next];
});

/** The names wasm-bindgen makes for its own exports: nothing else could read them. */
const GENERATED = /^(__wbindgen_|__externref_|wasm_bindgen__)/;

/**
 * The export section (its payload from `start` to `end`) with short names for what the
 * glue alone calls, as `wasm.name`: the closures' entry points, whose names carry hashes,
 * and its allocator. `memory` keeps its name (the benchmark reads it), and so does any
 * export wasm-bindgen did not name, or the glue does not call.
 */
const exportSection = (start, end) => rewrite(7, 'export', start, end, (p) => {
  const [field, afterField] = name(wasm, p);
  const [, next] = leb(wasm, afterField + 1);
  let short = field;
  const everywhere = token(field);
  const uses = count(everywhere);
  if (GENERATED.test(field) && uses > 0 && uses === count(token(field, '(?<=[\\w$)\\]]\\.)'))) {
    short = names.next().value;
    glue = glue.replace(everywhere, () => short);
    exported++;
  }
  return [[toName(short), wasm.subarray(afterField, next)], next];
});

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
let at = 8, renamed = 0, exported = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = leb(wasm, at + 1);
  const end = start + size;
  if (id === 2) parts.push(importSection(start, end));
  else if (id === 7) parts.push(exportSection(start, end));
  else parts.push(wasm.subarray(at, end));
  at = end;
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-names: ${renamed} imports and ${exported} exports of ${wasmPath} renamed`);

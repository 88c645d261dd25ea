// sepconv's model reader, started only when a reader opens an ONNX file in "Your network".
// The page sends the file (a File, or a Blob for one of the examples: nothing is
// uploaded anywhere) and the reader's wasm (model-reader.wasm, built by
// scripts/wasm-parts.sh: no imports, no glue). This worker
// walks the file's protobuf fields from disk, reading every field's header but passing
// over each weight's raw bytes by their length, so that a 100 MB model costs kilobytes;
// the wasm parses what is left and counts, and the counts come back as JSON. The page
// stays responsive whatever the file's size, and ends the worker to cancel.
'use strict';

// A weight's raw_data longer than this is passed over; shorter ones (a Reshape's target
// shape) are kept, since the counts need them.
const LONGEST_KEPT = 256;

/** Varint at `at` in `bytes`: [value, next position], or null past the end. */
function varint(bytes, at) {
  let value = 0;
  for (let scale = 1; at < bytes.length; scale *= 128) {
    const b = bytes[at++];
    value += (b & 0x7f) * scale;
    if (!(b & 0x80)) return [value, at];
  }
  return null;
}

function encode(value) {
  const out = [];
  for (; value >= 0x80; value = Math.floor(value / 128)) out.push((value % 128) | 0x80);
  out.push(value);
  return out;
}

/**
 * The message in `file` from `start` to `end`, re-encoded without the fields `rules`
 * drops: `rules[field]` is a nested rule set to recurse into, or 'weight' (kept only if
 * short). Throws where the bytes are not protobuf, and the caller falls back.
 */
function walk(read, start, end, rules) {
  const parts = [];
  let at = start;
  while (at < end) {
    const head = read(at, Math.min(at + 20, end));
    const key = varint(head, 0);
    if (!key) throw new Error('truncated');
    const [tag, afterKey] = key;
    const wire = tag % 8;
    const field = Math.floor(tag / 8);
    if (wire === 0) {
      const value = varint(head, afterKey);
      if (!value) throw new Error('truncated');
      parts.push(head.subarray(0, value[1]));
      at += value[1];
    } else if (wire === 1 || wire === 5) {
      const size = afterKey + (wire === 1 ? 8 : 4);
      parts.push(read(at, at + size));
      at += size;
    } else if (wire === 2) {
      const length = varint(head, afterKey);
      if (!length) throw new Error('truncated');
      const [size, body] = length;
      const from = at + body;
      const to = from + size;
      if (to > end) throw new Error('truncated');
      const rule = rules[field];
      if (rule === 'weight' && size > LONGEST_KEPT) {
        // Passed over: never read.
      } else if (rule && rule !== 'weight') {
        const inner = walk(read, from, to, rule);
        parts.push(Uint8Array.from([...encode(tag), ...encode(inner.length)]), inner);
      } else {
        parts.push(read(at, to));
      }
      at = to;
    } else {
      throw new Error('not protobuf');
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

// ModelProto's graph (7); GraphProto's initializers (5); TensorProto's raw_data (9).
const MODEL = { 7: { 5: { 9: 'weight' } } };

/** The file without its weights' raw bytes; the file as it is where it is not protobuf. */
function withoutWeights(file) {
  const reader = new FileReaderSync();
  const read = (from, to) => new Uint8Array(reader.readAsArrayBuffer(file.slice(from, to)));
  try {
    return walk(read, 0, file.size, MODEL);
  } catch {
    // Not protobuf, or cut short: the parser says which, from the bytes themselves.
    return read(0, file.size);
  }
}

onmessage = async ({ data: { wasm, file, size } }) => {
  try {
    const { instance } = await WebAssembly.instantiate(wasm, {});
    const r = instance.exports;
    const bytes = withoutWeights(file);
    const at = r.file_buffer(bytes.length);
    new Uint8Array(r.memory.buffer, at, bytes.length).set(bytes);
    const length = r.analyse(size);
    const json = new TextDecoder().decode(new Uint8Array(r.memory.buffer, r.answer(), length));
    postMessage({ type: 'done', json, read: bytes.length, size: file.size });
  } catch (error) {
    postMessage({ type: 'error', reason: String((error && error.message) || error) });
  }
};

// sepconv's model reader, started only when a reader opens an ONNX file in "Your network".
// The page sends the file (a File: nothing is uploaded anywhere) and the reader's wasm
// (model-reader.wasm, built by scripts/kernels.sh: no imports, no glue); this worker
// reads the file into the wasm's memory, which parses it in place, passing over the
// weights' bytes, and posts back the counts as JSON. The page stays responsive whatever
// the file's size, and ends the worker to cancel.
'use strict';

onmessage = async ({ data: { wasm, file, size } }) => {
  try {
    const { instance } = await WebAssembly.instantiate(wasm, {});
    const r = instance.exports;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const at = r.file_buffer(bytes.length);
    new Uint8Array(r.memory.buffer, at, bytes.length).set(bytes);
    const length = r.analyse(size);
    const json = new TextDecoder().decode(new Uint8Array(r.memory.buffer, r.answer(), length));
    postMessage({ type: 'done', json });
  } catch (error) {
    // A file larger than the wasm's memory can grow to ends here, as a RangeError.
    postMessage({ type: 'error', reason: String((error && error.message) || error) });
  }
};

// The page's start, in place of Trunk's loader (`src/prerender/` puts it into the built
// index.html, with the app's file names for GLUE and WASM, and the island's for
// ISLAND_GLUE and ISLAND_WASM).
// On the page as pre-rendered (the bare link, or a link to other sizes, whose page waits
// in a template for the island to write them in), the first-load island (island.js: no
// yew, a tenth of the app's bytes) makes the layer's sliders and counts live and sets
// <html data-ready>. Only then does the full app load; it takes over once no pointer is
// held down (a drag on a slider is not cut), gives the focus back to the control that had
// it, and sets <html data-app>. A link to another page has no pre-rendered page, so the
// app starts at once. If the island fails, the app starts all the same.
const root = document.documentElement;
// Keys pressed before the app runs (P for the lecture, Space on the animation) are kept
// and given to it once it does; the island's live boxes and sliders answer their own.
const early = [];
const keep = (e) => {
  const live = e.target instanceof HTMLInputElement && e.target.matches(':enabled');
  if (live || e.key === 'Tab') return;
  early.push(e);
  e.preventDefault();
};
addEventListener('keydown', keep, true);
let held = false;
addEventListener('pointerdown', () => { held = true; }, true);
for (const end of ['pointerup', 'pointercancel']) addEventListener(end, () => { held = false; }, true);
// A Chinese reader's page comes from a file of its own, which may still be on its way: the
// script at the end of index.html, which builds it when it comes (or the English one if it
// does not), waits for it. (Had that script not run, the app would start, as without it.)
if (typeof self.sepconvChinese === 'function') {
  await new Promise((built) => addEventListener('sepconv:prerendered', built, { once: true }));
}
if (!root.hasAttribute('data-linked') && document.querySelector('#app > fieldset.prerendered, #prerendered-sizes')) {
  try {
    const { default: island } = await import('./ISLAND_GLUE');
    await island({ module_or_path: './ISLAND_WASM' });
  } catch {
    // The app below shows the page without it.
  }
}
// The app's own start. If it cannot load (the network went, a file is blocked), the page
// says so rather than waiting for ever with its other controls disabled.
try {
  const [{ default: init }, module] = await Promise.all([
    import('./GLUE'),
    fetch('./WASM').then(async (r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      // Compiled as it downloads, where the host serves it as application/wasm.
      try {
        return await WebAssembly.compileStreaming(r.clone());
      } catch {
        return WebAssembly.compile(await r.arrayBuffer());
      }
    }),
  ]);
  while (held) await new Promise((up) => addEventListener('pointerup', up, { once: true }));
  const focused = document.activeElement?.id;
  const wasm = await init({ module_or_path: module });
  // The app renders, then sets data-app, then its listeners are in place: a task later.
  await new Promise((ok) => {
    const started = () => root.hasAttribute('data-app') && (setTimeout(ok), true);
    if (!started()) new MutationObserver((_, o) => started() && o.disconnect()).observe(root, { attributes: true });
  });
  // As Trunk's own loader says it, for tools that wait on it (`make bench` reads the memory).
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  if (focused) document.getElementById(focused)?.focus();
  removeEventListener('keydown', keep, true);
  for (const e of early) {
    const target = (e.target.id && document.getElementById(e.target.id)) || document.activeElement || document.body;
    const { key, code, shiftKey, ctrlKey, altKey, metaKey } = e;
    target.dispatchEvent(new KeyboardEvent('keydown', {
      key, code, shiftKey, ctrlKey, altKey, metaKey, bubbles: true, cancelable: true,
    }));
  }
} catch (err) {
  const fatal = document.getElementById('fatal');
  // A panic in the app has said what it was already (src/panic.rs).
  if (fatal.hidden) fatal.textContent = `sepconv could not load the rest of the page (${err.message}). `
    + (root.hasAttribute('data-ready') ? 'The layer\'s sliders and counts still work. ' : '')
    + 'Reload the page to try again: the link holds your settings.';
  fatal.hidden = false;
}

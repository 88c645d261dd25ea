// The page's start, in place of Trunk's loader (`src/prerender.rs` puts it into the built
// index.html, with the app's file names for GLUE and WASM).
// On the page as pre-rendered, the first-load island (island.js: no yew, a tenth of the
// app's bytes) makes the layer's sliders and counts live and sets <html data-ready>. Only
// then does the full app load; it takes over once no pointer is held down (a drag on a
// slider is not cut), gives the focus back to the control that had it, and sets
// <html data-app>. A link to another layer or language has no pre-rendered page, so the
// app starts at once. If the island fails, the app starts all the same.
const root = document.documentElement;
let held = false;
addEventListener('pointerdown', () => { held = true; }, true);
for (const end of ['pointerup', 'pointercancel']) addEventListener(end, () => { held = false; }, true);
if (!root.hasAttribute('data-linked') && document.querySelector('#app > fieldset.prerendered')) {
  try {
    const { default: island } = await import('./island.js');
    await island({ module_or_path: './island_bg.wasm' });
  } catch {
    // The app below shows the page without it.
  }
}
const [{ default: init }, module] = await Promise.all([
  import('./GLUE'),
  fetch('./WASM').then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)),
]);
while (held) await new Promise((up) => addEventListener('pointerup', up, { once: true }));
const focused = document.activeElement?.id;
const wasm = await init({ module_or_path: module });
root.removeAttribute('data-stale');
// As Trunk's own loader says it, for tools that wait on it (`make bench` reads the memory).
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
if (focused) document.getElementById(focused)?.focus();

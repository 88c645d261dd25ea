// The strict Content-Security-Policy sepconv runs under: only its own origin, no
// 'unsafe-inline', no 'unsafe-eval'; WebAssembly compiles under 'wasm-unsafe-eval', and
// the page's inline scripts (the first-paint script, the preloads, the loader and the one
// that builds the pre-rendered page) and the stylesheet that `make build` puts into it
// apply by their hashes, which change with every build. Run it on a build (`node
// scripts/csp.mjs dist`) to print the header a host can send; `make build` writes it to
// dist/csp.txt.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * A CSP source that allows the inline script or style whose text is `text`, as the browser
 * hashes it: after its parser has made every line end a line feed.
 */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;

/** The policy for the build in `dist`, with the hashes of its inline scripts and style. */
export function policy(dist) {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const hashes = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  // The stylesheet, which `make build` puts into the page for a first paint that waits
  // for no second file (`sepconv::prerender::with_style`).
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
    ...(styles.length ? [`style-src 'self' ${styles.join(' ')}`] : []),
    "img-src 'self' data: blob:",
    // The "Run it" panel's worker starts from a blob URL (a sandboxed embed and the
    // single file cannot start one from a file).
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(policy(process.argv[2] ?? 'dist'));
}

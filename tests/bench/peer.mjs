// The closest peer, for `make bench` to measure side by side: the Convolution Visualizer
// (React + D3, github.com/ezyang/convolution-visualizer), as its authors built and
// published it on the repository's gh-pages branch. Nothing of it is in this repository:
// the benchmark takes the build from PEER (a folder holding its index.html), or from a
// clone of that repository in PEER_REPO (its gh-pages branch, extracted into
// target/bench/peer). Without either, the benchmark says that the peer was not run.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { hosted } from '../e2e/harness.mjs';

/** Where this workplace keeps its snapshot of the peer's repository. */
const MIRROR = '/work/.mirror/ezyang+convolution-visualizer/repo';
/** The sub-path its build expects: its asset URLs start with it. */
const BASE = '/convolution-visualizer/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ico': 'image/x-icon' };

function buildFolder() {
  if (process.env.PEER) return existsSync(join(process.env.PEER, 'index.html')) ? process.env.PEER : null;
  const repo = process.env.PEER_REPO ?? MIRROR;
  if (!existsSync(repo)) return null;
  const out = 'target/bench/peer';
  mkdirSync(out, { recursive: true });
  try {
    const archive = execFileSync('git', ['--git-dir', existsSync(join(repo, '.git')) ? join(repo, '.git') : repo, 'archive', 'gh-pages'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', out], { input: archive });
  } catch (err) {
    console.error(`the peer's build could not be read from ${repo}: ${err.message}`);
    return null;
  }
  return existsSync(join(out, 'index.html')) ? out : null;
}

/**
 * Serves the peer's build on a port of its own, compressed as sepconv's is in the benchmark
 * (see `hosted`), or returns null if it is not here.
 * `drawn` is the test, run in its page, that its first render is complete: its three
 * grids (input, weights, output) are on the page with their cells.
 */
export async function openPeer() {
  const folder = buildFolder();
  if (!folder) return null;
  const root = normalize(folder);
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const file = normalize(join(root, path.startsWith(BASE) ? path.slice(BASE.length) || 'index.html' : path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const sent = hosted(req, file, await readFile(file));
      res.writeHead(200, { ...sent.headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(sent.body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    name: 'Convolution Visualizer',
    url: `http://127.0.0.1:${server.address().port}${BASE}`,
    drawn: () => {
      const grids = document.querySelectorAll('#root table');
      return grids.length >= 3 && [...grids].every((g) => g.querySelector('td'));
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

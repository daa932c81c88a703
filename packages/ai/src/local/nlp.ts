/* eslint-disable @typescript-eslint/unbound-method -- wink's `its.*` are stateless helpers passed by reference, as its API is designed */
import winkNLP, { type ItemToken, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// One pipeline per process: the model is loaded from the package (no network, no download step).
const nlp = winkNLP(model);
const its = nlp.its;

export interface Word {
  /** Lower-cased surface form. */
  normal: string;
  lemma: string;
  pos: string;
  stop: boolean;
}

export interface Analysis {
  words: Word[];
  sentences: { text: string; firstPos: string; sentiment: number }[];
  /** wink's lexicon-based sentiment of the whole text, −1 … 1. */
  sentiment: number;
}

/** Tokens, lemmas, parts of speech, sentences and sentiment of a text (wink-nlp, English lite model). */
export function analyse(text: string): Analysis {
  const doc = nlp.readDoc(text);
  const words: Word[] = [];
  doc.tokens().each((t: ItemToken) => {
    if (t.out(its.type) !== 'word') return;
    words.push({
      normal: String(t.out(its.normal)),
      // The typings for its.lemma disagree with ItemToken.out; the call itself is the documented one.
      lemma: String(t.out(its.lemma as never)),
      pos: String(t.out(its.pos)),
      stop: Boolean(t.out(its.stopWordFlag)),
    });
  });
  const sentences: Analysis['sentences'] = [];
  doc.sentences().each((s: ItemSentence) => {
    const first = s.tokens().filter((t: ItemToken) => t.out(its.type) === 'word');
    sentences.push({
      text: String(s.out()).trim(),
      firstPos: first.length() > 0 ? String(first.itemAt(0).out(its.pos)) : '',
      sentiment: Number(s.out(its.sentiment)),
    });
  });
  return { words, sentences, sentiment: Number(doc.out(its.sentiment)) };
}

/** Content lemmas: words that are not stop words, not numbers, at least two letters. */
export const contentLemmas = (a: Analysis): string[] =>
  a.words.filter((w) => !w.stop && /^\p{L}[\p{L}\p{N}'-]+$/u.test(w.normal)).map((w) => w.lemma);

/**
 * A deterministic term vector: lemma counts (title terms count twice), L2-normalised. Used by the
 * local provider for duplicate detection in place of a learned embedding.
 */
export function termVector(title: string, description?: string | null): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (terms: string[], weight: number) => {
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(contentLemmas(analyse(title)), 2);
  if (description) add(contentLemmas(analyse(description.slice(0, 5000))), 1);
  const norm = Math.sqrt([...counts.values()].reduce((s, v) => s + v * v, 0)) || 1;
  return new Map([...counts.entries()].map(([k, v]) => [k, v / norm]));
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  return Math.max(0, Math.min(1, dot));
}

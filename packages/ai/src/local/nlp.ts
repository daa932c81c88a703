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

/** A sentence's tokens in order: its words and the punctuation between them (clause edges). */
export type SentenceToken = Word & { punctuation: boolean };

/** Each sentence of a text as its tokens (emoji and emoticons count as words). */
export function sentenceTokens(text: string): SentenceToken[][] {
  const doc = nlp.readDoc(text);
  const out: SentenceToken[][] = [];
  doc.sentences().each((s: ItemSentence) => {
    const tokens: SentenceToken[] = [];
    s.tokens().each((t: ItemToken) => {
      const type = String(t.out(its.type));
      if (type !== 'word' && type !== 'punctuation' && type !== 'emoji' && type !== 'emoticon') return;
      tokens.push({
        normal: String(t.out(its.normal)),
        lemma: String(t.out(its.lemma as never)),
        pos: String(t.out(its.pos)),
        stop: Boolean(t.out(its.stopWordFlag)),
        punctuation: type === 'punctuation',
      });
    });
    out.push(tokens);
  });
  return out;
}

// Bounded: entries are anyone's text, and a word read once is cheap to read again (~30 µs).
const VALENCE_CACHE_MAX = 50_000;
const valences = new Map<string, number>();
/**
 * wink's sentiment lexicon's polarity of one word or emoji, −1 … 1 (0 when it has none): the word
 * read on its own, once per process.
 */
export function lexiconValence(normal: string): number {
  let v = valences.get(normal);
  if (v === undefined) {
    v = Number(nlp.readDoc(normal).out(its.sentiment)) || 0;
    if (valences.size >= VALENCE_CACHE_MAX) valences.clear();
    valences.set(normal, v);
  }
  return v;
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

/**
 * The breakdown scorer: which suggested sub-tasks stand for which expected ones.
 *
 * A suggestion and an expected item are a candidate pair when they mean the same (the meaning
 * score reaches its threshold) or say the same (the word score reaches its threshold). Pairs are
 * then taken greedily, best first, each item at most once: one suggestion cannot answer two
 * expected items, and two suggestions saying the same thing earn one match.
 */

export interface PairScore {
  /** 0–1 similarity by meaning (word vectors or embeddings). */
  meaning: number;
  /** 0–1 similarity by shared words (Dice over content lemmas). */
  words: number;
}

export interface Thresholds {
  meaning: number;
  words: number;
}

export interface Match {
  expected: number;
  suggestion: number;
  meaning: number;
  words: number;
}

export interface CaseScore {
  expected: number;
  suggested: number;
  matched: number;
  recall: number;
  precision: number;
  f1: number;
  matches: Match[];
}

export const f1Of = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

export function scoreCase<E, S>(
  expected: E[],
  suggestions: S[],
  similarity: (expected: E, suggestion: S) => PairScore,
  thresholds: Thresholds,
): CaseScore {
  const candidates: Match[] = [];
  expected.forEach((e, ei) =>
    suggestions.forEach((s, si) => {
      const { meaning, words } = similarity(e, s);
      if (meaning >= thresholds.meaning || words >= thresholds.words)
        candidates.push({ expected: ei, suggestion: si, meaning, words });
    }),
  );
  // Best first; ties keep the data's order, so the result does not depend on the sort's stability.
  candidates.sort(
    (a, b) =>
      Math.max(b.meaning, b.words) - Math.max(a.meaning, a.words) ||
      a.expected - b.expected ||
      a.suggestion - b.suggestion,
  );
  const usedExpected = new Set<number>();
  const usedSuggestion = new Set<number>();
  const matches: Match[] = [];
  for (const c of candidates) {
    if (usedExpected.has(c.expected) || usedSuggestion.has(c.suggestion)) continue;
    usedExpected.add(c.expected);
    usedSuggestion.add(c.suggestion);
    matches.push(c);
  }
  const recall = expected.length ? matches.length / expected.length : 0;
  const precision = suggestions.length ? matches.length / suggestions.length : 0;
  return {
    expected: expected.length,
    suggested: suggestions.length,
    matched: matches.length,
    recall,
    precision,
    f1: f1Of(precision, recall),
    matches: matches.sort((a, b) => a.expected - b.expected),
  };
}

export interface Summary {
  cases: number;
  /** Pooled over every case: matched / expected and matched / suggested. */
  micro: { recall: number; precision: number; f1: number };
  /** The mean of the per-case figures: each issue counts the same, however long its list. */
  macro: { recall: number; precision: number; f1: number };
}

export function summarise(scores: CaseScore[]): Summary {
  const sum = (f: (s: CaseScore) => number) => scores.reduce((total, s) => total + f(s), 0);
  const mean = (f: (s: CaseScore) => number) => (scores.length ? sum(f) / scores.length : 0);
  const expected = sum((s) => s.expected);
  const suggested = sum((s) => s.suggested);
  const matched = sum((s) => s.matched);
  const recall = expected ? matched / expected : 0;
  const precision = suggested ? matched / suggested : 0;
  return {
    cases: scores.length,
    micro: { recall, precision, f1: f1Of(precision, recall) },
    macro: { recall: mean((s) => s.recall), precision: mean((s) => s.precision), f1: mean((s) => s.f1) },
  };
}

/** The value only `share` of the scores reach (e.g. 0.01: the 99th percentile). */
export function quantileFromTop(scores: number[], share: number): number {
  if (scores.length === 0) return 1;
  const sorted = [...scores].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((1 - share) * sorted.length))]!;
}

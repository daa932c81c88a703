import type { SentimentLabel } from '@teamflow/contracts/worklog';
import { lexiconValence, type SentenceToken, sentenceTokens } from './nlp';

/**
 * The mood of a work-journal entry, −1 … 1 (docs/ai.md, "Work log"). wink's general lexicon read
 * journals badly: "Budget meeting ran long and nothing got decided. Frustrating." came out
 * positive ("decided" is a happy word to it, "nothing" no negation), "tested", "still" and
 * "questions" scored as feelings, and "stuck", "shipped" or "slipped" as nothing. So each word's
 * polarity is the work vocabulary's below where it has one, else wink's; a negation turns the
 * good words after it in its clause, and the bad ones when it denies a thing ("no errors"), not an
 * act ("couldn't reproduce the crash"); a negated outcome ("nothing got done", "didn't finish")
 * counts against; a sentence scores the mean of its polar words, and the entry the mean of the
 * sentences that carry any, so one flat sentence does not halve "Frustrating.".
 */

// Polarity in a work journal, by lemma (and the surface form where the lemmatiser leaves it).
const WORK_WORDS: Record<string, number> = {
  // Feelings and states people write about their day.
  frustrating: -0.75,
  frustrated: -0.75,
  frustration: -0.75,
  exhausted: -0.75,
  exhausting: -0.75,
  burnout: -0.75,
  draining: -0.5,
  drained: -0.5,
  tired: -0.5,
  stressful: -0.5,
  stressed: -0.5,
  chaotic: -0.5,
  rough: -0.5,
  annoying: -0.5,
  worried: -0.5,
  overwhelmed: -0.5,
  tedious: -0.25,
  relieved: 0.5,
  proud: 0.75,
  productive: 0.5,
  enjoy: 0.5,
  enjoyed: 0.5,
  calm: 0.25,
  calmly: 0.25,
  calmer: 0.5,
  smooth: 0.5,
  smoothly: 0.5,
  finally: 0.25,
  // How work went.
  stuck: -0.5,
  blocked: -0.5,
  slip: -0.5,
  slipped: -0.5,
  overran: -0.5,
  overrun: -0.5,
  waste: -0.5,
  wasted: -0.5,
  outage: -0.5,
  argument: -0.25,
  flaky: -0.25,
  escalate: -0.25,
  escalated: -0.25,
  regression: -0.25,
  // Done, in the past tense: "the launch" or "need to ship" is a plan, not a good day.
  unblocked: 0.5,
  shipped: 0.5,
  launched: 0.5,
  solved: 0.5,
  // Words wink's lexicon feels something about that, in a work log, are only what was done.
  decide: 0,
  decided: 0,
  test: 0,
  tested: 0,
  still: 0,
  question: 0,
  cut: 0,
  kill: 0,
  killed: 0,
  attack: 0,
  please: 0,
  like: 0,
  limit: 0,
  block: 0,
  reach: 0,
};

// Phrases (consecutive lemmas) read as one polar word, before the words one by one.
const WORK_PHRASES: [string[], number][] = [
  [['run', 'long'], -0.5],
  [['ran', 'long'], -0.5],
  [['go', 'down'], -0.5],
  [['went', 'down'], -0.5],
  [['roll', 'back'], -0.5],
  [['rolled', 'back'], -0.5],
  [['time', 'out'], -0.25],
  [['timing', 'out'], -0.25],
  [['fall', 'behind'], -0.5],
  [['behind', 'on'], -0.5],
  [['sign', 'off'], 0.25],
  [['signed', 'off'], 0.25],
  [['go', 'well'], 0.5],
  [['went', 'well'], 0.5],
  // A name, not a feeling.
  [['dark', 'mode'], 0],
];

const NEGATORS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
]);
// "not" negates what happens, not the things it happens to: "couldn't reproduce the crash" is no
// good news, so a bad word after it counts for nothing. "No errors", "never lost", "without a
// single failure" deny the bad thing itself, and count for good.
const VERBAL_NEGATORS = new Set(['not', "n't", 'hardly', 'barely']);
// What work produces: said with a negation ("nothing got done", "no progress", "didn't finish")
// it is a bad day even where the word itself carries no feeling.
const OUTCOMES = new Set([
  'do',
  'done',
  'decide',
  'decided',
  'finish',
  'finished',
  'progress',
  'ship',
  'shipped',
  'merge',
  'merged',
  'fix',
  'fixed',
  'solve',
  'work',
  'works',
  'answer',
  'agree',
  'land',
  'release',
  'deploy',
]);
const NEGATED_OUTCOME = -0.5;
// How many words after a negation it reaches, within its clause.
const NEGATION_REACH = 3;
// A clause ends at punctuation or at a contrast, where the negation's reach stops.
const CLAUSE_BREAK = new Set(['but', 'although', 'though', 'yet']);

const valenceOf = (t: SentenceToken): number => {
  const own = WORK_WORDS[t.normal] ?? WORK_WORDS[t.lemma];
  return own ?? lexiconValence(t.normal);
};

/** The polar words of one sentence, negations applied. */
function sentencePolarities(tokens: SentenceToken[]): number[] {
  const out: number[] = [];
  let negatedFor = 0;
  let negatesThings = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.punctuation || CLAUSE_BREAK.has(t.normal)) {
      negatedFor = 0;
      continue;
    }
    if (NEGATORS.has(t.normal)) {
      negatedFor = NEGATION_REACH;
      negatesThings = !VERBAL_NEGATORS.has(t.normal);
      continue;
    }
    const phrase = WORK_PHRASES.find(([words]) =>
      words.every((w, j) => {
        const u = tokens[i + j];
        return u !== undefined && (u.normal === w || u.lemma === w);
      }),
    );
    const span = phrase ? phrase[0].length : 1;
    let v = phrase ? phrase[1] : valenceOf(t);
    if (negatedFor > 0) {
      negatedFor = Math.max(0, negatedFor - span);
      if (v > 0 || (v < 0 && negatesThings)) v = -v;
      else if (v < 0) v = 0;
      else if (OUTCOMES.has(t.lemma) || OUTCOMES.has(t.normal)) v = NEGATED_OUTCOME;
    }
    if (v !== 0) out.push(v);
    i += span - 1;
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The entry's mood, −1 … 1 (0: no polar word anywhere). */
export function moodScore(prose: string): number {
  const sentences = sentenceTokens(prose)
    .map(sentencePolarities)
    .filter((p) => p.length > 0);
  if (sentences.length === 0) return 0;
  const score = mean(sentences.map(mean));
  return Math.max(-1, Math.min(1, Math.round(score * 1000) / 1000));
}

// Scores this close to 0 are a plain report of the day, not a mood.
const NEUTRAL_BAND = 0.05;

export const moodLabel = (score: number): SentimentLabel =>
  score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';

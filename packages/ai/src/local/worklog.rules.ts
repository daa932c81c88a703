import type { EntryAnalysisOutput } from '@teamflow/contracts/worklog';
import type { EntryInput } from '../inputs';
import { moodLabel, moodScore } from './mood.rules';
import { analyse, type Analysis } from './nlp';
import { SKILLS } from './skills-vocabulary';
import { meanWordVector } from './word-vectors';

/**
 * The local provider's reading of a work-log entry (docs/ai.md, "Work log"): deterministic rules
 * over wink-nlp. The mood is `mood.rules.ts` (wink's lexicon under a work vocabulary, with
 * negation), skills come from the curated vocabulary, projects from the
 * author's own project names and keys and the entry's #tags, achievements from sentences with an
 * outcome verb (with the metric when one is given), themes from the most repeated nouns.
 */

// Lemmas of verbs that report an outcome ("shipped", "cut", "led").
const OUTCOME_VERBS = new Set([
  'ship',
  'launch',
  'fix',
  'reduce',
  'cut',
  'improve',
  'lead',
  'deliver',
  'release',
  'deploy',
  'migrate',
  'automate',
  'speed',
  'resolve',
  'build',
  'implement',
  'complete',
  'finish',
  'increase',
  'decrease',
  'optimise',
  'optimize',
  'close',
  'publish',
  'halve',
  'double',
  'eliminate',
  'save',
  'lower',
  'win',
  'onboard',
  'mentor',
  'design',
  'rewrite',
]);
// wink's lemmatiser leaves some past forms alone; these are their lemmas.
const IRREGULAR: Record<string, string> = {
  led: 'lead',
  built: 'build',
  won: 'win',
  rewrote: 'rewrite',
  sped: 'speed',
  cut: 'cut',
};

const NEGATIONS = new Set(['not', "n't", 'never', 'nothing', 'no', 'without', 'failed']);

const METRIC_PATTERNS: RegExp[] = [
  // "p99 from 800 to 120 ms", "build time from 12 to 4 minutes", "from $3k to $1k"
  // (the unit is a word after the number, not a function word: "from 12 to 0 on the board")
  /(?:\b[\p{L}\p{N}]+\s+){0,2}from\s+\$?\d[\d.,]*\s*[\p{L}%]*\s+(?:down\s+|up\s+)?to\s+\$?\d[\d.,]*(?:\s*(?:ms|s|sec|seconds|minutes|min|hours|h|days|%|x|kb|mb|gb|k|(?!(?:on|in|at|for|the|a|an|and|or|but|to|by|with|after|before|since|per|of|from|across|over|when|while|so|as)\b)[\p{L}]+)\b)?/iu,
  /\b\d+(?:\.\d+)?\s?%/u,
  /\b\d+(?:\.\d+)?x\b/u,
  /\$\d[\d,.]*\s?[kKmM]?\b/u,
  /\b\d+(?:\.\d+)?\s?(?:ms|milliseconds|seconds|minutes|hours|days|weeks)\b/u,
];
const IMPACT_START = /\b(so that|so|which|saving|reducing|cutting|making|allowing|unblocking|letting)\b/iu;

/** Markdown to prose: code, link targets, markup and list bullets out; #tags become words. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/gu, ' ')
    .replace(/`([^`]*)`/gu, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/^\s{0,3}#{1,6}\s+/gmu, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gmu, '')
    .replace(/[*_~]{1,3}([^*_~]+)[*_~]{1,3}/gu, '$1')
    .replace(/(^|\s)#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu, '$1$2');
}

/** `#tags` written in the body (not headings: those have a space after the #). */
export function hashTags(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown
    .replace(/```[\s\S]*?```/gu, ' ')
    .matchAll(/(?:^|\s)#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu))
    found.add(m[1]!.toLowerCase());
  return [...found];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');

function findSkills(text: string, a: Analysis): string[] {
  const lower = text.toLowerCase();
  const forms = a.words.map((w) => new Set([w.normal, w.lemma, IRREGULAR[w.normal] ?? w.lemma]));
  const has = (phrase: string): boolean => {
    if (/[^a-z ]/u.test(phrase))
      return new RegExp(`(^|[^a-z0-9])${escape(phrase)}($|[^a-z0-9])`, 'u').test(lower);
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= forms.length; i++)
      if (parts.every((p, j) => forms[i + j]!.has(p))) return true;
    return false;
  };
  return SKILLS.filter((s) => s.names.some(has)).map((s) => s.name);
}

function findProjects(input: EntryInput, text: string, tags: string[]): string[] {
  const found = new Map<string, string>();
  const add = (name: string) => {
    if (!found.has(name.toLowerCase())) found.set(name.toLowerCase(), name);
  };
  for (const p of input.projects) {
    const named = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(p.name)}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
    const keyed = new RegExp(`\\b${escape(p.key)}-\\d+\\b`, 'u').test(text);
    const tagged = tags.includes(p.name.toLowerCase()) || tags.includes(p.key.toLowerCase());
    if (named || keyed || tagged) add(p.name);
  }
  for (const tag of tags) if (!input.projects.some((p) => p.key.toLowerCase() === tag)) add(tag);
  return [...found.values()];
}

function metricOf(sentence: string): string | undefined {
  for (const pattern of METRIC_PATTERNS) {
    const m = pattern.exec(sentence);
    if (m) return m[0].trim().slice(0, 100);
  }
  return undefined;
}

type Word = Analysis['words'][number];

/** A past form ("fixed", "led", "cut"): what a journal reports done ("speed" ends so but is its own lemma). */
const isPastForm = (w: Word) => (/ed$/u.test(w.normal) && w.normal !== w.lemma) || w.normal in IRREGULAR;

/**
 * Whether the word at `i` is an outcome verb the author did: in the past ("shipped", "have
 * shipped", "cut"), as a journal reports what got done; a base form is a plan ("fix the flaky test
 * tomorrow", "need to ship") or a noun ("Build time went up"). wink tags some past forms that are
 * adjectives as verbs ("a rushed deploy" and the like), so one after a determiner or an adjective
 * (or after a participle that follows one) is not counted.
 */
function isOutcomeVerb(words: Word[], i: number): boolean {
  const w = words[i]!;
  if (w.pos !== 'VERB' || !isPastForm(w) || !OUTCOME_VERBS.has(IRREGULAR[w.normal] ?? w.lemma)) return false;
  const [before, twoBefore] = [words[i - 1], words[i - 2]];
  if (before && (before.pos === 'DET' || before.pos === 'ADJ')) return false;
  if (before?.pos === 'VERB' && twoBefore?.pos === 'DET') return false;
  return true;
}

// A duration or a size, with its scale to the kind's smallest unit, for comparing "from A to B".
const UNITS: Record<string, { kind: 'time' | 'size'; scale: number }> = {
  ms: { kind: 'time', scale: 1 },
  milliseconds: { kind: 'time', scale: 1 },
  s: { kind: 'time', scale: 1000 },
  sec: { kind: 'time', scale: 1000 },
  seconds: { kind: 'time', scale: 1000 },
  min: { kind: 'time', scale: 60_000 },
  minutes: { kind: 'time', scale: 60_000 },
  h: { kind: 'time', scale: 3_600_000 },
  hours: { kind: 'time', scale: 3_600_000 },
  days: { kind: 'time', scale: 86_400_000 },
  kb: { kind: 'size', scale: 1 },
  mb: { kind: 'size', scale: 1024 },
  gb: { kind: 'size', scale: 1024 * 1024 },
};
const FROM_TO =
  /\bfrom\s+(\d[\d,]*(?:\.\d+)?)\s*(\p{L}+)?\s+(?:down\s+)?to\s+(\d[\d,]*(?:\.\d+)?)\s*(\p{L}+)/iu;

/**
 * "first paint from 1800 to 450 ms": a time or a size that went down is an outcome whatever the
 * verb ("Profiled the board…: first paint from 1800 to 450 ms"). One that went up ("build time
 * from 4 to 12 minutes") is not; neither is a count without a unit, whose better direction the
 * sentence does not say.
 */
function reportsShrinkage(sentence: string): boolean {
  const m = FROM_TO.exec(sentence);
  if (!m) return false;
  const to = UNITS[m[4]!.toLowerCase()];
  const from = m[2] ? UNITS[m[2].toLowerCase()] : to;
  if (!to || !from || from.kind !== to.kind) return false;
  const amount = (n: string) => Number(n.replace(/,/gu, ''));
  return amount(m[3]!) * to.scale < amount(m[1]!) * from.scale;
}

function findAchievements(a: Analysis): EntryAnalysisOutput['achievements'] {
  const out: EntryAnalysisOutput['achievements'] = [];
  for (const s of a.sentences) {
    // A journal's sentence often starts with its verb; capitalised and before a name ("Migrated
    // PostgreSQL", "Mentored Maya") wink tags it a proper noun, so it is read with a small letter.
    const words = analyse(s.text.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase())).words;
    const outcome = words.some((_, i) => isOutcomeVerb(words, i)) || reportsShrinkage(s.text);
    if (!outcome) continue;
    // An outcome said with a negation ("didn't ship", "nothing shipped") is not an achievement.
    if (words.some((w) => NEGATIONS.has(w.normal))) continue;
    const text = s.text.replace(/\s+/gu, ' ').trim().slice(0, 500);
    const metric = metricOf(text);
    const impactAt = IMPACT_START.exec(text);
    const impact =
      impactAt && impactAt.index > 0
        ? text
            .slice(impactAt.index)
            .replace(/[.!]+$/u, '')
            .slice(0, 300)
        : undefined;
    out.push({ text, ...(impact ? { impact } : {}), ...(metric ? { metric } : {}) });
    if (out.length === 20) break;
  }
  return out;
}

function findThemes(a: Analysis, exclude: Set<string>): string[] {
  const counts = new Map<string, number>();
  for (const w of a.words) {
    if (w.stop || (w.pos !== 'NOUN' && w.pos !== 'PROPN')) continue;
    const lemma = w.lemma.toLowerCase();
    if (lemma.length < 3 || !/^\p{L}[\p{L}-]*$/u.test(lemma) || exclude.has(lemma)) continue;
    counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, 5)
    .map(([term]) => term);
}

export function localAnalyseEntry(input: EntryInput): EntryAnalysisOutput {
  const text = proseOf(input.body);
  const a = analyse(text);
  const tags = [...new Set([...input.tags.map((t) => t.toLowerCase()), ...hashTags(input.body)])];
  const score = moodScore(text);
  const skills = findSkills(text, a);
  const projects = findProjects(input, text, tags);
  const exclude = new Set(
    [...skills, ...projects, ...tags].flatMap((n) => n.toLowerCase().split(/\s+/u)).concat(['today', 'day']),
  );
  return {
    sentiment: { score, label: moodLabel(score) },
    projects: projects.slice(0, 20),
    skills: skills.slice(0, 30),
    achievements: findAchievements(a),
    themes: findThemes(a, exclude),
  };
}

/** The entry's meaning for search: the mean word vector of its content words (null: none known). */
export function entryMeaningVector(markdown: string): number[] | null {
  const a = analyse(proseOf(markdown).slice(0, 20_000));
  return meanWordVector(a.words.filter((w) => !w.stop && /^\p{L}/u.test(w.normal)).map((w) => w.normal));
}

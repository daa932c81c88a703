import type { BreakdownOutput, BreakdownSuggestion, SuggestionOrigin } from '@teamflow/contracts/ai';
import type { BreakdownInput } from '../inputs';
import { type Clause, type ClauseKind, concise, extractClauses } from './clauses';
import { analyse, contentLemmas } from './nlp';
import {
  BUG_FIX_PLAYBOOK,
  describesAProblem,
  DOCS_STEP,
  GENERIC,
  type Playbook,
  PLAYBOOKS,
  type PlaybookStep,
} from './playbooks';

/** The order work is done in; steps keep the description's order within a phase. */
export type Phase = 'setup' | 'build' | 'test' | 'release';
const PHASES: Phase[] = ['setup', 'build', 'test', 'release'];

/** Hours a story point stands for when a task has points: the steps share points × this. */
export const HOURS_PER_POINT = 4;
/** Without points: hours of a description step by phase; and each phase's share of the points. */
const PHASE_HOURS: Record<Phase, number> = { setup: 2, build: 4, test: 3, release: 1 };
const PHASE_WEIGHT: Record<Phase, number> = { setup: 0.75, build: 1.5, test: 1, release: 0.5 };
const CLAUSE_CONFIDENCE: Record<ClauseKind, number> = {
  list: 0.8,
  enumeration: 0.75,
  requirement: 0.7,
  action: 0.7,
};
/** Fewer steps than this from the description: the playbooks of the work's kind fill in. */
const THIN = 3;
const MAX = 10;

export function phaseOf(title: string): Phase {
  const t = title.toLowerCase();
  // The leading verb says most; words elsewhere in the title decide the rest.
  if (
    /^(set up|setup|install|configure|register|research|investigate|reproduce|plan|design|sketch|clarify|define|outline|spike|decide|back up|backup|audit|read|measure|brainstorm|prepare|list|choose)\b/.test(
      t,
    )
  )
    return 'setup';
  if (/^(test|verify|validate|check|smoke-test|qa|compare)\b/.test(t)) return 'test';
  if (/^(document|announce|publish|release|deploy|ship|tag|bump|roll out|merge|push)\b/.test(t))
    return 'release';
  if (/\b(tests?|testing|e2e|end-to-end|regression check)\b/.test(t)) return 'test';
  if (/\b(changelog|readme|release notes|documentation|docs)\b/.test(t)) return 'release';
  if (/\b(schema|credentials|sandbox)\b/.test(t)) return 'setup';
  return 'build';
}

interface Step {
  title: string;
  description: string;
  phase: Phase;
  hours: number;
  confidence: number;
  origin: SuggestionOrigin;
}

const lemmaSet = (text: string) => new Set(contentLemmas(analyse(text)).map((l) => l.toLowerCase()));
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Playbooks whose trigger words the text uses: those named in the title first, then the description's. */
function playbooksFor(title: string, description: string): { inTitle: Playbook[]; anywhere: Playbook[] } {
  const tokens = (text: string) => {
    const lemmas = contentLemmas(analyse(text)).map((l) => l.toLowerCase());
    return [...lemmas, ...text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)];
  };
  const titleWords = tokens(title);
  const allWords = [...titleWords, ...tokens(description)];
  const firstUse = (p: Playbook, words: string[]) => {
    const positions = p.triggers.map((t) => words.indexOf(t)).filter((i) => i >= 0);
    return positions.length ? Math.min(...positions) : -1;
  };
  const rank = (words: string[]) =>
    PLAYBOOKS.map((p) => ({ p, at: firstUse(p, words) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((x) => x.p);
  return { inTitle: rank(titleWords), anywhere: rank(allWords) };
}

const quote = (phrase: string) => (phrase.length > 280 ? `${phrase.slice(0, 277)}…` : phrase);

function fromClause(clause: Clause): Step {
  const title = concise(clause.title);
  const phase = phaseOf(title);
  return {
    title,
    description: `From the description: “${quote(clause.phrase)}”`,
    phase,
    hours: PHASE_HOURS[phase],
    confidence: CLAUSE_CONFIDENCE[clause.kind],
    origin: { kind: 'description', phrase: quote(clause.phrase) },
  };
}

function fromPlaybook(step: PlaybookStep, playbook: Playbook, confidence: number): Step {
  return {
    title: step.title,
    description: step.description,
    phase: step.phase ?? phaseOf(step.title),
    hours: step.hours,
    confidence,
    origin: { kind: 'playbook', playbook: playbook.label },
  };
}

const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);

/**
 * Breakdown rules (deterministic; see docs/ai.md). The description's own structure comes first:
 * list items, enumerations, must/should clauses, user stories and sentences that start with a verb,
 * cleaned into imperative titles; a step that says nothing beyond the task's title, or repeats an
 * earlier step, is dropped. The playbooks of the work's kind fill the gaps: the whole playbook when
 * the description gave fewer than three steps, otherwise only a test step when none is there, and a
 * documentation step when the task asks for docs that no step covers. Steps are ordered set-up →
 * build → test → release (the description's order within each), at most ten; hours come from the
 * story points when set.
 */
export function localBreakdown(input: BreakdownInput): BreakdownOutput {
  const { task } = input;
  const description = task.description ?? '';
  const titleLemmas = lemmaSet(task.title);
  const steps: Step[] = [];
  const seen: Set<string>[] = [];
  const add = (step: Step) => {
    const lemmas = lemmaSet(step.title);
    const beyondTitle = [...lemmas].some((l) => !titleLemmas.has(l));
    if (!beyondTitle || seen.some((s) => dice(s, lemmas) >= 0.8)) return;
    seen.push(lemmas);
    steps.push(step);
  };

  for (const clause of extractClauses(description)) add(fromClause(clause));
  const described = steps.length;

  const { inTitle, anywhere } = playbooksFor(task.title, description);
  const matched = inTitle.length ? inTitle : anywhere.length ? anywhere : [GENERIC];
  // A reported symptom is a bug to fix, whatever area the title's words name.
  const problem = describesAProblem(task.title);
  const kinds = problem
    ? [BUG_FIX_PLAYBOOK, ...matched.filter((p) => p !== BUG_FIX_PLAYBOOK && p !== GENERIC)]
    : matched;
  const confidence = inTitle.length || problem ? 0.6 : 0.5;
  if (described < THIN) {
    // Too little to read: the steps this kind of work usually takes; a second kind only if still thin.
    kinds[0]!.steps.forEach((s) => add(fromPlaybook(s, kinds[0]!, confidence)));
    if (steps.length < THIN && kinds[1])
      kinds[1].steps.forEach((s) => add(fromPlaybook(s, kinds[1]!, confidence - 0.1)));
  }
  if (!steps.some((s) => s.phase === 'test')) add(fromPlaybook(kinds[0]!.test, kinds[0]!, 0.6));
  if (steps.length < THIN) GENERIC.steps.forEach((s) => add(fromPlaybook(s, GENERIC, 0.4)));
  const asksForDocs = /\b(docs?|documentation|document(ed)?|readme|guide)\b/i.test(
    `${task.title}\n${description}`,
  );
  if (asksForDocs && !steps.some((s) => /\b(docs?|document\w*|readme|guide|changelog)\b/i.test(s.title)))
    add(fromPlaybook(DOCS_STEP, kinds[0]!, 0.5));

  // Order by phase, keeping the description's order within each; then keep the first ten,
  // dropping description steps from the end rather than the closing test step.
  const ordered = PHASES.flatMap((phase) => steps.filter((s) => s.phase === phase));
  while (ordered.length > MAX) {
    const last = ordered.findLastIndex((s) => s.origin.kind === 'description' && s.phase !== 'test');
    ordered.splice(last >= 0 ? last : ordered.length - 1, 1);
  }

  const points = task.storyPoints;
  const totalWeight = ordered.reduce((sum, s) => sum + PHASE_WEIGHT[s.phase], 0);
  const suggestions: BreakdownSuggestion[] = ordered.map((s, i) => ({
    title: s.title,
    description: s.description,
    estimatedHours: round(
      points ? Math.min(40, (points * HOURS_PER_POINT * PHASE_WEIGHT[s.phase]) / totalWeight) : s.hours,
      0.5,
    ),
    confidence: Math.round(s.confidence * 100) / 100,
    order: i + 1,
    origin: s.origin,
  }));
  return { suggestions };
}

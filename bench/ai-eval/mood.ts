#!/usr/bin/env node
// The work-log mood evaluation (pnpm bench:ai-mood): every provider we can reach reads the
// labelled journal entries of data/moods.json and its mood label (positive, neutral, negative) is
// compared with the label a reader gave. On demand only, never in `npm test`.
//
// Options: --providers=local,openai,anthropic (default: local, plus each remote one with a key)
//          --data=ai-eval/data/moods.json
/* eslint-disable no-console, no-restricted-properties -- a command-line tool: it prints, and reads its keys from the environment */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SentimentLabel } from '@teamflow/contracts/worklog';
import { moodLabel } from '@teamflow/ai/local/mood.rules';
import { analyse } from '@teamflow/ai/local/nlp';
import { proseOf } from '@teamflow/ai/local/worklog.rules';
import { fileStamp, machineInfo, table, writeResults } from '../lib/report.mjs';
import { chosenProviders } from './providers';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    providers: { type: 'string' },
    data: { type: 'string', default: join(here, 'data', 'moods.json') },
  },
  strict: true,
});

const MoodSet = z.object({
  about: z.string(),
  entries: z
    .array(z.object({ label: SentimentLabel, text: z.string().min(1), demo: z.boolean().optional() }))
    .min(1),
});
const set = MoodSet.parse(JSON.parse(readFileSync(args.data, 'utf8')));
const LABELS = SentimentLabel.options;

type Reading = { label: SentimentLabel; score: number };
const results: Record<string, unknown> = {};
console.log(`Mood evaluation: ${set.entries.length} entries (${args.data})`);
// The baseline, read in the same run: wink-nlp's own lexicon score of the whole entry (what the
// local provider answered before mood.rules.ts), labelled with the same neutral band.
const winkReading = (text: string): Reading => {
  const score = Math.round(analyse(proseOf(text)).sentiment * 1000) / 1000;
  return { score, label: moodLabel(score) };
};
const readers: [string, (text: string) => Promise<Reading>, string | null][] = [
  ['wink lexicon (baseline)', (text) => Promise.resolve(winkReading(text)), null],
  ...chosenProviders(process.env, args.providers).map(([name, make]): (typeof readers)[number] => {
    const provider = make();
    return [
      name,
      async (text) =>
        (await provider.analyseEntry({ body: text, tags: [], projects: [] }, { feature: 'analyse-entry' }))
          .sentiment,
      provider.model,
    ];
  }),
];
for (const [name, read, model] of readers) {
  const readings: Reading[] = [];
  for (const e of set.entries) readings.push(await read(e.text));
  const right = (i: number) => readings[i]!.label === set.entries[i]!.label;
  const accuracy = set.entries.filter((_e, i) => right(i)).length / set.entries.length;
  // Two moods read the opposite way round ("Frustrating" as positive): the mistake a reader minds most.
  const reversed = set.entries.filter(
    (e, i) => e.label !== 'neutral' && readings[i]!.label !== 'neutral' && !right(i),
  ).length;
  const confusion = LABELS.map((expected) => [
    expected,
    ...LABELS.map((read) =>
      String(set.entries.filter((e, i) => e.label === expected && readings[i]!.label === read).length),
    ),
  ]);
  console.log(`\n${name}: accuracy ${(accuracy * 100).toFixed(1)}%, opposite sign on ${reversed} entries`);
  console.log(
    table([{ title: 'labelled \\ read', align: 'left' }, ...LABELS.map((title) => ({ title }))], confusion),
  );
  const wrong = set.entries.flatMap((e, i) =>
    right(i) ? [] : [{ text: e.text, label: e.label, read: readings[i]!.label, score: readings[i]!.score }],
  );
  for (const w of wrong) console.log(`  ${w.label} read ${w.read} (${w.score}): ${w.text}`);
  results[name] = { accuracy, reversed, confusion, wrong, model };
}

const stamp = String(fileStamp(new Date()));
// writeResults is plain JavaScript: its answer is the file it wrote.
const file = String(
  writeResults(join(repoRoot, 'bench', 'results'), 'ai-mood', stamp, {
    data: args.data,
    entries: set.entries.length,
    machine: machineInfo(repoRoot),
    providers: results,
  }),
);
console.log(`\nresults: ${file}`);

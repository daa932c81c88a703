import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One real public issue: its title and description without the check list, and the check list. */
export const EvalCase = z.object({
  id: z.string(),
  url: z.url(),
  repository: z.string(),
  /** The repository's licence where its licence file could be read; the issue text belongs to its authors. */
  licence: z.string().nullable(),
  title: z.string().min(1),
  description: z.string(),
  /** The issue's own check-list lines, in order: what a good breakdown should propose. */
  expected: z.array(z.string().min(1)).min(1),
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;

export const EvalDataset = z.object({ about: z.string(), cases: z.array(EvalCase).min(1) });
export type EvalDataset = z.infer<typeof EvalDataset>;

export function loadDataset(file: string): EvalDataset {
  const dataset = EvalDataset.parse(JSON.parse(readFileSync(file, 'utf8')));
  const ids = new Set(dataset.cases.map((c) => c.id));
  if (ids.size !== dataset.cases.length) throw new Error(`${file}: case ids must be unique`);
  return dataset;
}

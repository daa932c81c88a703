import { z } from 'zod';
import { Blocker } from './blockers';
import { Decision } from './decisions';
import { Incident } from './incidents';

/** `GET /tasks/:taskId/async-links`: the decisions, incidents and blockers that name a task. */
export const TaskAsyncLinks = z.object({
  decisions: z.array(Decision),
  incidents: z.array(Incident),
  blockers: z.array(Blocker),
});
export type TaskAsyncLinks = z.infer<typeof TaskAsyncLinks>;

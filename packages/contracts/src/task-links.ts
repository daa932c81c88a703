import { z } from 'zod';
import { Blocker } from './blockers';
import { Decision, DecisionRef } from './decisions';
import { Incident } from './incidents';
import { Task } from './tasks';

/** `GET /tasks/:taskId/async-links`: the decisions, incidents and blockers that name a task. */
export const TaskAsyncLinks = z.object({
  decisions: z.array(Decision),
  incidents: z.array(Incident),
  blockers: z.array(Blocker),
});
export type TaskAsyncLinks = z.infer<typeof TaskAsyncLinks>;

/**
 * `GET /tasks/:taskId`: the task with the decisions that name it, newest first. `decisions` is
 * there only when one does, so the detail of any other task is exactly the task every other route
 * returns (a write's answer, a 409's `details.current`) and clients may compare the two.
 */
export const TaskDetail = Task.extend({ decisions: z.array(DecisionRef).min(1).optional() });
export type TaskDetail = z.infer<typeof TaskDetail>;

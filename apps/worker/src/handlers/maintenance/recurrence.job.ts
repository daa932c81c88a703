import type { Database } from '@teamflow/db/client';
import { createDueOccurrences } from '@teamflow/core/recurrence/create-due-occurrences';
import { createOccurrenceAfterDone } from '@teamflow/core/recurrence/create-occurrence-after-done';
import { recurrenceDueJob, recurrenceNextJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** `every`: the next task of a series after its current one was done (once per date, however often it runs). */
export const recurrenceNextHandler = (db: Database) =>
  register(recurrenceNextJob, async (payload, { job, log }) => {
    const task = await createOccurrenceAfterDone({ db, logger: log }, payload, { id: job.id });
    log.info('recurrence after done', { seriesId: payload.seriesId, created: task?.key ?? null });
    return { created: task?.id ?? null };
  });

/** `every!`: the minute scheduler's pass over series whose next time has come. */
export const recurrenceDueHandler = (db: Database) =>
  register(recurrenceDueJob, async (_payload, { log }) => {
    const result = await createDueOccurrences({ db, logger: log });
    if (result.due) log.info('recurrence pass done', { ...result });
    return result;
  });

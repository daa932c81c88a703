import type { Database } from '@teamflow/db/client';
import { sendCheckInReminders } from '@teamflow/core/check-ins/send-check-in-reminders';
import { checkInRemindersJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** The reminder schedule: one reminder per member and local date, deduplicated. */
export const checkInRemindersHandler = (db: Database) =>
  register(checkInRemindersJob, async (_payload, { log }) => {
    const result = await sendCheckInReminders({ db });
    log.info('check-in reminders pass done', { ...result });
    return result;
  });

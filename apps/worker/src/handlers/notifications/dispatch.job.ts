import type { Database } from '@teamflow/db/client';
import { dispatchNotifications } from '@teamflow/core/notifications/dispatch-notifications';
import { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export const dispatchNotificationsHandler = (db: Database) =>
  register(dispatchNotificationsJob, async (payload, { job, log }) => {
    const result = await dispatchNotifications({ db }, payload, { id: job.id });
    log.info('notifications dispatched', { kind: payload.kind, taskId: payload.taskId, ...result });
    return result;
  });

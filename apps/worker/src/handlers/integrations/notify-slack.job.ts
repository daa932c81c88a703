import { UnrecoverableError } from 'bullmq';
import type { Env } from '@teamflow/config/env';
import {
  sendSlackNotification,
  SlackRefusedError,
} from '@teamflow/core/integrations/slack/send-slack-notification';
import type { Database } from '@teamflow/db/client';
import { notifySlackJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/**
 * One Slack message per job; Slack away → retried with backoff, Slack's refusal → failed at once.
 * Its staged job is not claimed in a transaction: the effect is a message in Slack, outside
 * PostgreSQL, so the runtime marks the row done after the handler. Slack takes no idempotency key,
 * so a crash between Slack's answer and that mark can post the message twice.
 */
export const notifySlackHandler = (deps: { db: Database; env: Env }) =>
  register(notifySlackJob, async (payload, { job, log }) => {
    try {
      const outcome = await sendSlackNotification(deps, payload);
      log.info('slack notification', { event: payload.event, attempt: job.attemptsMade + 1, outcome });
      return { outcome };
    } catch (error) {
      if (error instanceof SlackRefusedError) throw new UnrecoverableError(error.message);
      throw error;
    }
  });

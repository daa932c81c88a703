import type { CoreDeps } from '../platform/context';
import {
  deleteExpiredRefreshTokens,
  deleteExpiredWorklogExports,
  purgeDeletedComments,
  purgeFinishedJobs,
  purgeOldActivities,
  purgeOldGithubDeliveries,
  purgeOldIdempotentWrites,
} from './cleanup.repository';

export interface CleanupResult {
  refreshTokens: number;
  comments: number;
  activities: number;
  worklogExports: number;
  finishedJobs: number;
  githubDeliveries: number;
  idempotentWrites: number;
}

/** Removes what no one can use any more. Safe to run twice: a second run finds nothing. */
export async function runCleanup(
  deps: Pick<CoreDeps, 'db'>,
  retention: { commentRetentionDays: number; activityRetentionDays: number },
): Promise<CleanupResult> {
  return deps.db.transaction(async (tx) => ({
    refreshTokens: await deleteExpiredRefreshTokens(tx),
    comments: await purgeDeletedComments(tx, retention.commentRetentionDays),
    activities: await purgeOldActivities(tx, retention.activityRetentionDays),
    worklogExports: await deleteExpiredWorklogExports(tx),
    finishedJobs: await purgeFinishedJobs(tx),
    githubDeliveries: await purgeOldGithubDeliveries(tx),
    idempotentWrites: await purgeOldIdempotentWrites(tx),
  }));
}

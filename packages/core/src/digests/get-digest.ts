import type { Digest } from '@teamflow/contracts/digests';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toDigest } from './digest.mapper';
import { findDailySummary } from './digests.repository';

export async function getDigest(deps: CoreDeps, ctx: WorkspaceCtx, date: string): Promise<Digest> {
  const row = await findDailySummary(deps.db, ctx.workspaceId, date);
  if (!row) throw notFound('Digest');
  return toDigest(row);
}

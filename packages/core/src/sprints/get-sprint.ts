import type { Sprint } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toSprint } from './sprint.mapper';
import { findSprintRecord } from './sprints.repository';

export async function getSprint(deps: CoreDeps, _ctx: WorkspaceCtx, sprintId: string): Promise<Sprint> {
  const row = await findSprintRecord(deps.db, sprintId);
  if (!row) throw notFound('Sprint');
  return toSprint(row);
}

import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { SprintList } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { notFound } from '../platform/errors';
import { findProject } from '../projects/projects.repository';
import { toSprint } from './sprint.mapper';
import { listSprintRecords, type SprintListKey } from './sprints.repository';

// The list's name, then its sort key: state rank, completion, start, creation, id (see listSprintRecords).
const Cursor = z.tuple([
  z.literal('sprints'),
  z.number().int().min(0).max(2),
  z.iso.datetime({ offset: true }).nullable(),
  z.iso.date(),
  z.iso.datetime({ offset: true }),
  z.uuid(),
]);

const cursorOf = (key: SprintListKey) =>
  ['sprints', key.stateRank, key.completedAt, key.start, key.createdAt, key.id] as const;

/** A project's sprints: active, planned (by start), then completed (newest first); keyset-paginated. */
export async function listSprints(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  projectId: string,
  query: PageQuery,
): Promise<SprintList> {
  const project = await findProject(deps.db, projectId);
  if (!project) throw notFound('Project');
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listSprintRecords(deps.db, projectId, {
    limit: query.limit + 1,
    after: after && {
      stateRank: after[1],
      completedAt: after[2],
      start: after[3],
      createdAt: after[4],
      id: after[5],
    },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => cursorOf(last.listKey));
  return { items: page.map(toSprint), nextCursor };
}

import { z } from 'zod';
import { TaskStatus, type TaskListQuery, type TaskPage, type TaskSort } from '@teamflow/contracts/tasks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { JsonBody } from '../platform/json-body';
import { listTaskJson } from './tasks.repository';

// The list's name leads every cursor, so one from another list with the same keys (comments by
// (createdAt, id), work-log entries by (date, id)) is refused, not misread as a place in this one.
// The sort follows it: a sort=createdAt cursor has the shape of a sort=-updatedAt one, and read
// there it would start the page at a creation time among update times.
const Name = z.literal('tasks');
const Time = z.iso.datetime({ offset: true });
const cursor = (sort: TaskSort, ...keys: z.ZodType[]) => z.tuple([Name, z.literal(sort), ...keys, z.uuid()]);

// What a cursor holds for each sort: the name, the sort, its keys, then the id as the tie-breaker.
const CURSOR: Record<TaskSort, z.ZodType<unknown[]>> = {
  position: cursor('position', TaskStatus, z.number()),
  createdAt: cursor('createdAt', Time),
  '-createdAt': cursor('-createdAt', Time),
  updatedAt: cursor('updatedAt', Time),
  '-updatedAt': cursor('-updatedAt', Time),
  priority: cursor('priority', z.number().int()),
  dueDate: cursor('dueDate', z.iso.date()),
};

const asArray = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

/**
 * Filtered, keyset-paginated: every task appears exactly once across pages, however rows tie. The
 * page comes back as JSON text, each task serialised by PostgreSQL (see JsonBody).
 */
export async function listTasks(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  query: TaskListQuery,
): Promise<JsonBody<TaskPage>> {
  let after: { keys: unknown[]; id: string } | undefined;
  if (query.cursor) {
    const values = decodeCursor(query.cursor, CURSOR[query.sort]);
    after = { keys: values.slice(2, -1), id: values[values.length - 1] as string };
  }
  // The board's list: from the replica unless the caller's own write is not there yet.
  const rows = await deps.reads.read(ctx.actor.id, (db) =>
    listTaskJson(
      db,
      {
        projectId,
        status: asArray(query.status),
        priority: asArray(query.priority),
        assigneeId: query.assigneeId,
        labelId: query.labelId,
        sprintId: query.sprintId === 'none' ? undefined : query.sprintId,
        backlog: query.sprintId === 'none' ? true : undefined,
        parentId: query.parentId,
        dueBefore: query.dueBefore,
        q: query.q,
      },
      query.sort,
      query.limit + 1,
      after,
    ),
  );
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    Name.value,
    query.sort,
    ...last.cursorKeys,
  ]);
  return new JsonBody(
    `{"items":[${page.map((row) => row.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
  );
}

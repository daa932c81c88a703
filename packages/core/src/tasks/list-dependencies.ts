import type { TaskDependencies } from '@teamflow/contracts/tasks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { listDependencyRows } from './dependencies.repository';

export async function listDependencies(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
): Promise<TaskDependencies> {
  const rows = await listDependencyRows(deps.db, taskId);
  const pick = (d: string) =>
    rows.filter((r) => r.direction === d).map(({ id, key, title, status }) => ({ id, key, title, status }));
  return { dependsOn: pick('dependsOn'), blocks: pick('blocks') };
}

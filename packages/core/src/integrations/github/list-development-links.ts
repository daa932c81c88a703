import type { DevelopmentLinkList } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { listDevelopmentLinkRows } from './github.repository';
import { toDevelopmentLink } from './github-integration.view';

/** The commits and pull requests that mention a task (a handful: one page), oldest first. */
export async function listDevelopmentLinks(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
): Promise<DevelopmentLinkList> {
  const rows = await listDevelopmentLinkRows(deps.db, taskId);
  return { items: rows.map(toDevelopmentLink), nextCursor: null };
}

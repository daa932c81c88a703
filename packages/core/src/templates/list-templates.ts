import type { TaskTemplateList } from '@teamflow/contracts/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toTemplate } from './template.mapper';
import { listTemplatesFor } from './templates.repository';

/** For a project: the workspace's templates and its own. For the workspace: the workspace-wide ones. */
export async function listTemplates(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string | null,
): Promise<TaskTemplateList> {
  const rows = await listTemplatesFor(deps.db, ctx.workspaceId, projectId);
  return { items: rows.map(toTemplate) };
}

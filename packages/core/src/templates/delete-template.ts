import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { deleteTemplate as deleteTemplateRow, findTemplate } from './templates.repository';

/** Tasks made from a template keep what they got; only the template goes. */
export async function deleteTemplate(deps: CoreDeps, ctx: WorkspaceCtx, templateId: string): Promise<void> {
  const row = await findTemplate(deps.db, templateId);
  if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Template');
  await deleteTemplateRow(deps.db, templateId);
}

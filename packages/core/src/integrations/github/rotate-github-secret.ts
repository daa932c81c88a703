import type { GithubIntegration } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { ensureGithubIntegration, updateGithubIntegrationRow } from './github.repository';
import { newGithubSecret } from './github-secret';
import { toGithubIntegration } from './github-integration.view';

/** A new signing secret; GitHub's requests signed with the old one are refused (401) from now on. */
export async function rotateGithubSecret(deps: CoreDeps, ctx: WorkspaceCtx): Promise<GithubIntegration> {
  return deps.db.transaction(async (tx) => {
    await ensureGithubIntegration(tx, ctx.workspaceId, newGithubSecret());
    const row = await updateGithubIntegrationRow(tx, ctx.workspaceId, { secret: newGithubSecret() });
    ctx.logger.info('github secret rotated');
    return toGithubIntegration(deps.env, row!);
  });
}

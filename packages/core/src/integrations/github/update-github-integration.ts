import type { GithubIntegration, GithubIntegrationUpdate } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { ensureGithubIntegration, updateGithubIntegrationRow } from './github.repository';
import { newGithubSecret } from './github-secret';
import { toGithubIntegration } from './github-integration.view';

/** Turns the integration on or off; off, GitHub's requests are still verified and then ignored. */
export async function updateGithubIntegration(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: GithubIntegrationUpdate,
): Promise<GithubIntegration> {
  return deps.db.transaction(async (tx) => {
    await ensureGithubIntegration(tx, ctx.workspaceId, newGithubSecret());
    const row = await updateGithubIntegrationRow(tx, ctx.workspaceId, { enabled: input.enabled });
    ctx.logger.info('github integration updated', { enabled: input.enabled });
    return toGithubIntegration(deps.env, row!);
  });
}

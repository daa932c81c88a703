import type { GithubIntegration } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { ensureGithubIntegration } from './github.repository';
import { newGithubSecret } from './github-secret';
import { toGithubIntegration } from './github-integration.view';

/** Owner or admin: the URL and secret to paste into GitHub. The first read makes them (still off). */
export async function getGithubIntegration(deps: CoreDeps, ctx: WorkspaceCtx): Promise<GithubIntegration> {
  const row = await ensureGithubIntegration(deps.db, ctx.workspaceId, newGithubSecret());
  return toGithubIntegration(deps.env, row);
}

import type { SlackIntegration } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { findSlackIntegration } from './slack.repository';
import { toSlackIntegration } from './slack-integration.view';

/** Owner or admin: where Slack notifications go (secrets masked) and which events. */
export async function getSlackIntegration(deps: CoreDeps, ctx: WorkspaceCtx): Promise<SlackIntegration> {
  return toSlackIntegration(await findSlackIntegration(deps.db, ctx.workspaceId));
}

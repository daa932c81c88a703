import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import {
  IntegrationParams,
  SlackIntegration,
  SlackIntegrationUpdate,
} from '@teamflow/contracts/integrations';
import { getSlackIntegration } from '@teamflow/core/integrations/slack/get-slack-integration';
import { updateSlackIntegration } from '@teamflow/core/integrations/slack/update-slack-integration';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

/** Slack notifications of a workspace (owner, admin): where they go and which events. */
export function slackRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Integrations';
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/integrations/slack',
    summary:
      'Slack notifications: the target (webhook URL or bot token, masked; channel) and the events sent',
    tag,
    access: allow('integration.manage', 'workspace', 'workspaceId'),
    params: IntegrationParams,
    responses: { 200: SlackIntegration, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx }) => getSlackIntegration(deps, ctx),
  });
  table.add(router, base, {
    method: 'put',
    path: '/workspaces/:workspaceId/integrations/slack',
    summary:
      'Set Slack notifications: {webhookUrl | botToken + channel, events} (the webhook event names); without a target the saved one is kept',
    tag,
    access: allow('integration.manage', 'workspace', 'workspaceId'),
    params: IntegrationParams,
    body: SlackIntegrationUpdate,
    responses: { 200: SlackIntegration, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => updateSlackIntegration(deps, ctx, body),
  });
}

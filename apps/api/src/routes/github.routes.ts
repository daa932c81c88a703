import express, { type Request, type Response, type Router } from 'express';
import { ErrorResponse, PageQuery, TaskParams } from '@teamflow/contracts/common';
import {
  DevelopmentLinkList,
  GithubIntegration,
  GithubIntegrationUpdate,
  GithubWebhookResult,
  IntegrationParams,
} from '@teamflow/contracts/integrations';
import { getGithubIntegration } from '@teamflow/core/integrations/github/get-github-integration';
import { listDevelopmentLinks } from '@teamflow/core/integrations/github/list-development-links';
import { receiveGithubWebhook } from '@teamflow/core/integrations/github/receive-github-webhook';
import { rotateGithubSecret } from '@teamflow/core/integrations/github/rotate-github-secret';
import { updateGithubIntegration } from '@teamflow/core/integrations/github/update-github-integration';
import { AppError } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';
import { allow, PUBLIC, type RouteTable } from '../http/route-table';

// GitHub caps webhook payloads at 25 MB; a push lists at most 20 commits, so real ones are far smaller.
const GITHUB_BODY_LIMIT = '5mb';
// The signature covers the exact bytes: the body is read raw, never re-serialised.
const readRaw = express.raw({ type: () => true, limit: GITHUB_BODY_LIMIT });

async function rawBody(req: Request, res: Response): Promise<string> {
  if (!req.is('application/json'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', "Set the GitHub webhook's content type to application/json");
  await new Promise<void>((resolve, reject) =>
    readRaw(req, res, (error?: unknown) => {
      if (!error) return resolve();
      const type = (error as { type?: string }).type;
      reject(
        type === 'entity.too.large'
          ? new AppError('PAYLOAD_TOO_LARGE', `GitHub payloads are limited to ${GITHUB_BODY_LIMIT}`)
          : (error as Error),
      );
    }),
  );
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
}

/** The GitHub integration: its settings (owner, admin), GitHub's webhook, and what it linked to a task. */
export function githubRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Integrations';
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/integrations/github',
    summary: 'GitHub integration: on or off, the webhook URL and the secret to paste into GitHub',
    tag,
    access: allow('integration.manage', 'workspace', 'workspaceId'),
    params: IntegrationParams,
    responses: { 200: GithubIntegration, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx }) => getGithubIntegration(deps, ctx),
  });
  table.add(router, base, {
    method: 'put',
    path: '/workspaces/:workspaceId/integrations/github',
    summary: 'Turn the GitHub integration on or off',
    tag,
    access: allow('integration.manage', 'workspace', 'workspaceId'),
    params: IntegrationParams,
    body: GithubIntegrationUpdate,
    responses: { 200: GithubIntegration, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => updateGithubIntegration(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/integrations/github/rotate-secret',
    summary: 'A new GitHub webhook secret (paste it into GitHub: requests signed with the old one get 401)',
    tag,
    access: allow('integration.manage', 'workspace', 'workspaceId'),
    params: IntegrationParams,
    responses: { 200: GithubIntegration, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx }) => rotateGithubSecret(deps, ctx),
  });
  table.add(router, base, {
    method: 'post',
    path: '/integrations/github/:workspaceId/webhook',
    summary:
      "GitHub's webhook (push, pull_request), verified by X-Hub-Signature-256 (bad or missing → 401, also while off); once per X-GitHub-Delivery",
    tag,
    access: PUBLIC,
    // GitHub calls from a few shared addresses for every workspace: a per-IP limit would throttle
    // busy teams, and a request without the workspace's signature costs one HMAC.
    rateLimit: 'none',
    params: IntegrationParams,
    responses: {
      200: GithubWebhookResult,
      400: ErrorResponse,
      401: ErrorResponse,
      413: ErrorResponse,
      415: ErrorResponse,
    },
    handler: async ({ params, req, res }) =>
      receiveGithubWebhook(deps, {
        workspaceId: params.workspaceId,
        rawBody: await rawBody(req, res),
        signature: req.get('x-hub-signature-256'),
        deliveryId: req.get('x-github-delivery'),
        event: req.get('x-github-event'),
      }),
  });
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/development',
    summary: "Commits and pull requests on GitHub that mention the task's key, oldest first",
    tag,
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    query: PageQuery,
    responses: { 200: DevelopmentLinkList, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listDevelopmentLinks(deps, ctx, params.taskId, query),
  });
}

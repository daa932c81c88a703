import type { Env } from '@teamflow/config/env';
import type { DevelopmentLink, GithubIntegration } from '@teamflow/contracts/integrations';
import type { DevelopmentLinkRow, GithubIntegrationRow } from './github.repository';

/** The payload URL GitHub is given: the api's public address, so GitHub can reach it. */
export const githubWebhookUrl = (env: Pick<Env, 'API_URL'>, workspaceId: string): string =>
  `${env.API_URL.replace(/\/$/, '')}/api/v1/integrations/github/${workspaceId}/webhook`;

export function toGithubIntegration(env: Pick<Env, 'API_URL'>, row: GithubIntegrationRow): GithubIntegration {
  return {
    enabled: row.enabled,
    webhookUrl: githubWebhookUrl(env, row.workspaceId),
    secret: row.secret,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDevelopmentLink(row: DevelopmentLinkRow): DevelopmentLink {
  return {
    id: row.id,
    taskId: row.taskId,
    kind: row.kind,
    repository: row.repository,
    ref: row.ref,
    url: row.url,
    title: row.title,
    state: row.state,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

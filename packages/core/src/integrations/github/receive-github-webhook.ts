import type * as OctokitWebhooks from '@octokit/webhooks';
import {
  GithubPullRequestPayload,
  GithubPushPayload,
  type GithubWebhookResult,
} from '@teamflow/contracts/integrations';
import type { z } from 'zod';
import type { DbOrTx } from '@teamflow/db/client';
import type { CoreDeps } from '../../platform/context';
import { AppError, invalid, unauthorized } from '../../platform/errors';
import { linkToTasks, type LinkCandidate } from './link-development';
import { closeTasksFromPullRequest } from './close-tasks-from-pull-request';
import { findGithubIntegration, recordGithubDelivery, tasksByKeys } from './github.repository';
import { mentionedKeys } from './task-mentions';

/** GitHub's request as it arrived: the raw bytes (what the signature covers) and its headers. */
export interface GithubDelivery {
  workspaceId: string;
  rawBody: string;
  /** `X-Hub-Signature-256`: `sha256=` and the HMAC of the body with the workspace's secret. */
  signature: string | undefined;
  /** `X-GitHub-Delivery`: the same id on GitHub's redelivery of a delivery. */
  deliveryId: string | undefined;
  /** `X-GitHub-Event`: push, pull_request, ping, … */
  event: string | undefined;
}

const NOTHING = { linked: 0, done: [] as string[] };

/** The fields we read, checked: a payload without them is a 400 naming each (GitHub's log shows it). */
function readPayload<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw invalid(result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return result.data;
}

// @octokit/webhooks is ESM-only and its helper package exports nothing but an `import` condition,
// so a `require` of it fails where the api runs as CommonJS from source (tsx in development, the
// start-up tests). `import()` loads it the same way everywhere: tsx, the bundle, Jest.
let octokitWebhooks: Promise<typeof OctokitWebhooks> | undefined;

async function signatureMatches(secret: string, body: string, signature: string): Promise<boolean> {
  try {
    octokitWebhooks ??= import('@octokit/webhooks');
    const { Webhooks } = await octokitWebhooks;
    return await new Webhooks({ secret }).verify(body, signature);
  } catch {
    // A malformed header is a bad signature, not a server error.
    return false;
  }
}

/**
 * GitHub's webhook for one workspace. The signature is checked first, against the workspace's own
 * secret, whether or not the integration is on (a bad or missing one is 401, and an unknown
 * workspace looks the same). Then, once per `X-GitHub-Delivery`: commits of a push and pull
 * requests link to the tasks whose keys they mention, and a merged pull request that says
 * "fixes KEY-n" moves that task to done. All of it in one transaction with the delivery's record.
 */
export async function receiveGithubWebhook(
  deps: CoreDeps,
  delivery: GithubDelivery,
): Promise<GithubWebhookResult> {
  const integration = await findGithubIntegration(deps.db, delivery.workspaceId);
  const verified =
    integration !== undefined &&
    delivery.signature !== undefined &&
    (await signatureMatches(integration.secret, delivery.rawBody, delivery.signature));
  if (!verified) throw unauthorized('The X-Hub-Signature-256 signature does not match');
  if (!delivery.deliveryId || !delivery.event)
    throw invalid([
      { field: 'X-GitHub-Delivery', message: 'GitHub sends the delivery id and event name as headers' },
    ]);
  if (!integration.enabled) return { status: 'ignored', ...NOTHING };
  let payload: unknown;
  try {
    payload = JSON.parse(delivery.rawBody);
  } catch {
    throw new AppError(
      'INVALID_JSON',
      'The body is not valid JSON (set the content type to application/json)',
    );
  }
  const { workspaceId, deliveryId, event } = delivery;
  return deps.db.transaction(async (tx) => {
    if (!(await recordGithubDelivery(tx, workspaceId, deliveryId, event)))
      return { status: 'duplicate' as const, ...NOTHING };
    if (event === 'push')
      return { status: 'processed' as const, ...(await onPush(tx, workspaceId, payload)) };
    if (event === 'pull_request')
      return { status: 'processed' as const, ...(await onPullRequest(tx, workspaceId, payload)) };
    return { status: 'ignored' as const, ...NOTHING };
  });
}

async function onPush(tx: DbOrTx, workspaceId: string, body: unknown) {
  const push = readPayload(GithubPushPayload, body);
  const candidates: LinkCandidate[] = push.commits.map((commit) => ({
    keys: mentionedKeys(commit.message),
    link: {
      kind: 'commit',
      repository: push.repository.full_name,
      ref: commit.id,
      url: commit.url,
      title: (commit.message.split('\n')[0] ?? '').slice(0, 300),
      state: null,
      author: commit.author?.username ?? commit.author?.name ?? null,
    },
  }));
  const tasks = await tasksByKeys(tx, workspaceId, [...new Set(candidates.flatMap((c) => c.keys))]);
  return { linked: await linkToTasks(tx, workspaceId, tasks, candidates), done: [] };
}

async function onPullRequest(tx: DbOrTx, workspaceId: string, body: unknown) {
  const { action, pull_request: pr, repository } = readPayload(GithubPullRequestPayload, body);
  const merged = pr.merged === true;
  const candidate: LinkCandidate = {
    keys: mentionedKeys(pr.title, pr.body),
    link: {
      kind: 'pull_request',
      repository: repository.full_name,
      ref: String(pr.number),
      url: pr.html_url,
      title: pr.title.slice(0, 300),
      state: merged ? 'merged' : pr.state,
      author: pr.user?.login ?? null,
    },
  };
  const tasks = await tasksByKeys(tx, workspaceId, candidate.keys);
  const linked = await linkToTasks(tx, workspaceId, tasks, [candidate]);
  const done =
    action === 'closed' && merged
      ? await closeTasksFromPullRequest(tx, workspaceId, tasks, {
          repository: repository.full_name,
          number: pr.number,
          url: pr.html_url,
          title: pr.title,
          body: pr.body ?? null,
        })
      : [];
  return { linked, done };
}

import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Webhook bodies shaped as GitHub sends them (docs: "Webhook events and payloads"), trimmed to a
 * realistic subset: the api must find what it needs among everything else GitHub includes.
 */
const sha = () => randomBytes(20).toString('hex');
const owner = { login: 'octo-org', id: 9_919, type: 'Organization', html_url: 'https://github.com/octo-org' };
const sender = { login: 'ana-dev', id: 583_231, type: 'User', html_url: 'https://github.com/ana-dev' };

export const repository = {
  id: 1_296_269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: 'teamflow-app',
  full_name: 'octo-org/teamflow-app',
  private: true,
  owner,
  html_url: 'https://github.com/octo-org/teamflow-app',
  default_branch: 'main',
};

export function pushEvent(messages: string[]) {
  const after = sha();
  const commits = messages.map((message) => {
    const id = sha();
    return {
      id,
      tree_id: sha(),
      distinct: true,
      message,
      timestamp: '2026-12-06T09:30:00+00:00',
      url: `https://github.com/octo-org/teamflow-app/commit/${id}`,
      author: { name: 'Ana Dev', email: 'ana@example.test', username: 'ana-dev' },
      committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
      added: ['src/login.ts'],
      removed: [],
      modified: ['README.md'],
    };
  });
  return {
    ref: 'refs/heads/main',
    before: sha(),
    after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/octo-org/teamflow-app/compare/abc...${after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
    repository,
    pusher: { name: 'ana-dev', email: 'ana@example.test' },
    sender,
  };
}

export function pullRequestEvent(
  action: 'opened' | 'edited' | 'closed' | 'reopened',
  pr: { number: number; title: string; body: string | null; merged?: boolean },
) {
  const closed = action === 'closed';
  const merged = closed && pr.merged === true;
  return {
    action,
    number: pr.number,
    pull_request: {
      url: `https://api.github.com/repos/octo-org/teamflow-app/pulls/${pr.number}`,
      id: 1_000_000 + pr.number,
      node_id: `PR_kw${pr.number}`,
      html_url: `https://github.com/octo-org/teamflow-app/pull/${pr.number}`,
      number: pr.number,
      state: closed ? 'closed' : 'open',
      locked: false,
      title: pr.title,
      user: sender,
      body: pr.body,
      created_at: '2026-12-06T09:00:00Z',
      updated_at: '2026-12-06T09:40:00Z',
      closed_at: closed ? '2026-12-06T09:40:00Z' : null,
      merged_at: merged ? '2026-12-06T09:40:00Z' : null,
      merge_commit_sha: merged ? sha() : null,
      draft: false,
      head: { label: 'octo-org:feature', ref: 'feature', sha: sha() },
      base: { label: 'octo-org:main', ref: 'main', sha: sha() },
      merged,
      mergeable: null,
      comments: 0,
      commits: 2,
      additions: 10,
      deletions: 2,
      changed_files: 1,
    },
    repository,
    sender,
  };
}

export const deliveryId = () => randomUUID();

import { z } from 'zod';
import {
  ACTIVITIES,
  Activity,
  knownActivity,
  type ActivityAction,
  type ActivityChanges,
  type ActivityEntityType,
} from './activity';

const ID = '0b5c7d1e-8f3a-4c2b-9d6e-1a2b3c4d5e6f';
const OTHER = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

// One representative shape per entry (as its emitter writes it) and one its schema must refuse.
// Typed by the catalogue: an entry without a sample, or a sample of the wrong shape, fails to compile.
type Samples = {
  [E in ActivityEntityType]: { [A in ActivityAction<E>]: { ok: ActivityChanges<E, A>; wrong: unknown } };
};
const decisionEdit = { key: 'DEC-2', status: 'rejected' as const, title: 'Use Postgres' };
const SAMPLES: Samples = {
  task: {
    created: { ok: { title: 'Rotate the keys', status: 'todo' }, wrong: { title: 'Rotate the keys' } },
    updated: {
      ok: { title: { from: 'Old', to: 'New' }, assigneeIds: { from: [], to: [ID] } },
      wrong: { title: 'New' },
    },
    moved: {
      ok: {
        status: { from: 'in_review', to: 'done' },
        integration: 'github',
        pullRequest: { repository: 'acme/api', number: 7, url: 'https://github.com/acme/api/pull/7' },
      },
      wrong: { status: { from: 'todo', to: 'done' }, position: { from: 1, to: 2 } },
    },
    deleted: { ok: { title: 'Rotate the keys' }, wrong: {} },
    dependency_added: { ok: { dependsOnTaskId: ID }, wrong: { dependsOnTaskId: 'TF-1' } },
    dependency_removed: { ok: { dependsOnTaskId: ID }, wrong: { taskId: ID } },
    label_added: { ok: { labelId: ID }, wrong: { labelId: ID, name: 'bug' } },
    label_removed: { ok: { labelId: ID }, wrong: {} },
    commit_linked: {
      ok: { integration: 'github', repository: 'acme/api', ref: 'a1b2c3d' },
      wrong: { integration: 'gitlab', repository: 'acme/api', ref: 'a1b2c3d' },
    },
    pull_request_linked: {
      ok: { integration: 'github', repository: 'acme/api', ref: '7', state: 'merged' },
      wrong: { integration: 'github', repository: 'acme/api', ref: '7', state: 'draft' },
    },
  },
  comment: {
    commented: { ok: {}, wrong: { body: 'hi' } },
    comment_edited: { ok: {}, wrong: { body: 'hi' } },
    comment_deleted: { ok: {}, wrong: { id: ID } },
  },
  attachment: {
    attachment_added: { ok: { fileName: 'a.png', size: 1024 }, wrong: { fileName: 'a.png', size: '1 KB' } },
    attachment_deleted: { ok: { fileName: 'a.png' }, wrong: {} },
    attachment_scanned: { ok: { scanStatus: 'infected' }, wrong: { scanStatus: 'pending' } },
  },
  sprint: {
    created: { ok: { name: 'Sprint 1' }, wrong: { title: 'Sprint 1' } },
    updated: { ok: { goal: null, endDate: '2026-12-24' }, wrong: { version: 3 } },
    started: { ok: { state: 'active' }, wrong: { state: 'running' } },
    completed: {
      ok: { state: 'completed', rollover: { to: 'sprint', sprintId: ID }, moved: [OTHER] },
      wrong: { state: 'completed', moved: [OTHER] },
    },
    tasks_added: { ok: { taskIds: [ID, OTHER] }, wrong: {} },
    tasks_removed: { ok: {}, wrong: { taskIds: ID } },
  },
  project: {
    created: { ok: { name: 'Platform', key: 'PLAT' }, wrong: { name: 'Platform' } },
    updated: { ok: { name: 'Platform', timeZone: null }, wrong: { name: 'Platform', version: 2 } },
    deleted: { ok: {}, wrong: { name: 'Platform' } },
    imported: { ok: { created: 120, source: 'jira' }, wrong: { created: 120, source: 'asana' } },
  },
  workspace: {
    created: { ok: { name: 'Acme', slug: 'acme' }, wrong: { name: 'Acme' } },
    updated: { ok: { slug: 'acme-eng', timeZone: 'Europe/Berlin' }, wrong: { slug: 'acme', owner: ID } },
    deleted: { ok: {}, wrong: { id: ID } },
  },
  member: {
    joined: { ok: { role: 'viewer' }, wrong: { role: 'guest' } },
    role_changed: { ok: { role: { from: 'member', to: 'admin' } }, wrong: { role: 'admin' } },
    removed: { ok: { role: 'member' }, wrong: {} },
    left: { ok: { role: 'admin' }, wrong: { role: null } },
    account_deleted: { ok: { role: 'member' }, wrong: { userId: ID } },
  },
  invitation: {
    created: { ok: { email: 'new@acme.dev', role: 'member' }, wrong: { email: 'new@acme.dev' } },
    revoked: { ok: {}, wrong: { email: 'new@acme.dev' } },
  },
  label: {
    created: { ok: { name: 'bug' }, wrong: { name: 3 } },
    deleted: { ok: {}, wrong: { name: 'bug' } },
  },
  status_update: {
    posted: { ok: { date: '2026-12-07' }, wrong: { date: '07/12/2026' } },
    updated: { ok: { date: '2026-12-07' }, wrong: {} },
    deleted: { ok: { date: '2026-12-07' }, wrong: { id: ID } },
  },
  blocker: {
    opened: { ok: { title: 'CI is red', from: 'status_update' }, wrong: { title: 'CI is red' } },
    acknowledged: { ok: { title: 'CI is red', note: null }, wrong: { title: 'CI is red', note: 3 } },
    resolved: { ok: { title: 'CI is red', resolution: 'Fixed' }, wrong: { resolution: 'Fixed' } },
    escalated: {
      ok: { title: 'CI is red', escalationLevel: 2 },
      wrong: { title: 'CI is red', escalationLevel: '2' },
    },
  },
  incident: {
    declared: { ok: { key: 'INC-1', severity: 'sev2' }, wrong: { key: 'INC-1', severity: 'major' } },
    noted: { ok: { key: 'INC-1', message: 'Rolled back' }, wrong: { message: 'Rolled back' } },
    action_items: { ok: { key: 'INC-1', tasks: ['TF-4', 'TF-5'] }, wrong: { key: 'INC-1', tasks: 'TF-4' } },
    status_changed: {
      ok: { key: 'INC-1', from: 'investigating', to: 'identified', fields: ['status'] },
      wrong: { key: 'INC-1', from: 'investigating', to: 'fixed', fields: ['status'] },
    },
    resolved: {
      ok: { key: 'INC-1', from: 'monitoring', to: 'resolved', fields: ['status', 'postmortem'] },
      wrong: { key: 'INC-1', fields: ['status'] },
    },
    updated: {
      ok: { key: 'INC-1', fields: ['severity', 'title'] },
      wrong: { key: 'INC-1', fields: ['mood'] },
    },
  },
  decision: {
    proposed: { ok: { key: 'DEC-1', status: 'proposed' }, wrong: { key: 'DEC-1', status: 'maybe' } },
    accepted: {
      ok: { key: 'DEC-3', status: 'accepted', supersedes: 'DEC-1' },
      wrong: { key: 'DEC-3', status: 'accepted', supersedes: 1 },
    },
    rejected: { ok: decisionEdit, wrong: { ...decisionEdit, version: 2 } },
    deprecated: { ok: { key: 'DEC-2', status: 'deprecated' }, wrong: { status: 'deprecated' } },
    superseded: { ok: { key: 'DEC-1', by: 'DEC-3' }, wrong: { key: 'DEC-1', by: 3 } },
    updated: {
      ok: { key: 'DEC-2', alternatives: [{ title: 'MySQL' }] },
      wrong: { key: 'DEC-2', alternatives: 'MySQL' },
    },
  },
  digest: {
    generated: { ok: { date: '2026-12-07' }, wrong: { date: 20261207 } },
    regenerated: { ok: { date: '2026-12-07' }, wrong: {} },
  },
};

const entries = Object.entries(SAMPLES).flatMap(([entityType, actions]) =>
  Object.entries(actions as Record<string, { ok: unknown; wrong: unknown }>).map(
    ([action, sample]) => [`${entityType}.${action}`, entityType, action, sample] as const,
  ),
);

const row = (entityType: string, action: string, changes: unknown) => ({
  id: ID,
  workspaceId: OTHER,
  projectId: null,
  taskId: null,
  entityType,
  entityId: ID,
  action,
  changes,
  actor: { id: OTHER, name: 'Ana' },
  seq: 12,
  createdAt: '2026-12-07T09:30:00.000Z',
});

describe('the activity catalogue', () => {
  it('has a sample for every entry it lists', () => {
    const listed = Object.entries(ACTIVITIES).flatMap(([e, actions]) =>
      Object.keys(actions).map((a) => `${e}.${a}`),
    );
    expect(entries.map(([name]) => name).sort()).toEqual(listed.sort());
  });

  it.each(entries)('%s parses its shape and refuses a wrong one', (_name, entityType, action, sample) => {
    const schema = (ACTIVITIES as Record<string, Record<string, z.ZodType>>)[entityType]![action]!;
    expect(schema.safeParse(sample.ok).success).toBe(true);
    expect(schema.safeParse(sample.wrong).success).toBe(false);
  });

  it.each(entries)(
    '%s is a known entry of the response, narrowed by entity type and action',
    (_n, e, a, sample) => {
      const known = knownActivity(Activity.parse(row(e, a, sample.ok)));
      expect(known).toMatchObject({ entityType: e, action: a, changes: sample.ok });
    },
  );

  it('narrows changes by entity type and action', () => {
    const known = knownActivity(
      Activity.parse(row('member', 'role_changed', { role: { from: 'member', to: 'admin' } })),
    );
    if (known?.entityType !== 'member' || known.action !== 'role_changed') throw new Error('not narrowed');
    expect(known.changes.role.to).toBe('admin');
  });
});

describe('the response schema', () => {
  it('still serves a row written before the catalogue, or in a shape it does not list, as it is', () => {
    const older = [
      row('task', 'task.updated', { title: 'x' }),
      row('task', 'moved', { status: 'done' }),
      row('retro', 'held', { notes: ['a', 'b'] }),
      row('comment', 'commented', { body: 'kept', extra: { nested: true } }),
    ];
    for (const item of older) {
      expect(Activity.parse(item)).toEqual(item);
      expect(knownActivity(Activity.parse(item))).toBeNull();
    }
  });

  it('refuses what is not an activity at all', () => {
    expect(Activity.safeParse({ ...row('task', 'deleted', { title: 'x' }), id: 'nope' }).success).toBe(false);
    expect(Activity.safeParse(row('task', 'deleted', ['x'])).success).toBe(false);
  });

  it('documents every entry in its JSON Schema, with the open shape last', () => {
    const json = z.toJSONSchema(Activity, { io: 'output' }) as { anyOf: { oneOf?: unknown[] }[] };
    expect(json.anyOf).toHaveLength(2);
    expect(JSON.stringify(json.anyOf[0])).toContain('"const":"pull_request_linked"');
    expect(json.anyOf[1]).toMatchObject({ properties: { changes: { type: 'object' } } });
  });
});

import { can, grantFor, PERMISSIONS, Role, type Permission } from './permissions';

const permissions = Object.keys(PERMISSIONS) as Permission[];
const writes = permissions.filter((p) => !p.endsWith('.read'));

describe('permission table', () => {
  it('lets every role read everything in its workspace except webhooks (their URLs and deliveries are for managers)', () => {
    for (const p of permissions.filter((x) => x.endsWith('.read') && x !== 'webhook.read')) {
      for (const role of Role.options) expect(grantFor(role, p)).toBe('any');
    }
    expect(Role.options.filter((role) => can(role, 'webhook.read'))).toEqual(['owner', 'admin']);
  });

  it('gives viewers no write at all except leaving the workspace, watching a task and their leaderboard choice (their own settings)', () => {
    const viewerWrites = writes.filter((p) => grantFor('viewer', p) !== undefined);
    expect(viewerWrites).toEqual(['member.remove', 'task.watch', 'progress.settings']);
    expect(grantFor('viewer', 'member.remove')).toBe('own');
  });

  it('reserves workspace update and delete to owners', () => {
    for (const role of ['admin', 'member', 'viewer'] as const) {
      expect(can(role, 'workspace.update')).toBe(false);
      expect(can(role, 'workspace.delete')).toBe(false);
    }
    expect(can('owner', 'workspace.delete')).toBe(true);
  });

  it("limits members to their own tasks' deletion and own comments' edits", () => {
    expect(can('member', 'task.delete', false)).toBe(false);
    expect(can('member', 'task.delete', true)).toBe(true);
    expect(can('owner', 'comment.update', false)).toBe(false);
    expect(can('owner', 'comment.update', true)).toBe(true);
  });

  it('never grants a role more than an owner has', () => {
    const rank = { any: 2, own: 1, none: 0 } as const;
    for (const p of permissions) {
      const owner = rank[grantFor('owner', p) ?? 'none'];
      for (const role of Role.options) expect(rank[grantFor(role, p) ?? 'none']).toBeLessThanOrEqual(owner);
    }
  });
});

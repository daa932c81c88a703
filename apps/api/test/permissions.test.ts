import { sql } from 'drizzle-orm';
import { EventType, isWorkspaceEvent, ServerEvent } from '@teamflow/contracts/events';
import { grantFor, PERMISSIONS, type Permission } from '@teamflow/contracts/permissions';
import { createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { callRoute, ROUTE_CASES, routeWalks } from './route-cases';
import {
  isPermissionRoute,
  listRoutes,
  ROLES,
  routeKey,
  send,
  successStatus,
  type Who,
} from './route-requests';
import { freshComment, freshTask, teamBase, type Scene } from './scene-fixtures';

/**
 * The permission matrix: every permission-guarded route × every role (and a stranger), with the
 * expected outcome computed from the contracts' PERMISSIONS table, never from a copy of it.
 */

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

type Expected = 'success' | 403 | 404;
interface MatrixCase {
  who: Who;
  /** The role's grant is `own`: the case targets either the actor's own resource or someone else's. */
  own: boolean;
  mine: boolean;
  expected: Expected;
}

/** Strangers: 404. No grant: 403. `any`: success. `own`: success on their own resource, 403 on another's. */
function casesFor(permission: Permission): MatrixCase[] {
  const cases: MatrixCase[] = [{ who: 'stranger', own: false, mine: false, expected: 404 }];
  for (const role of ROLES) {
    const grant = grantFor(role, permission);
    if (grant === undefined) cases.push({ who: role, own: false, mine: false, expected: 403 });
    else if (grant === 'any') cases.push({ who: role, own: false, mine: false, expected: 'success' });
    else
      cases.push(
        { who: role, own: true, mine: true, expected: 'success' },
        { who: role, own: true, mine: false, expected: 403 },
      );
  }
  return cases;
}

const OUTCOME: Record<Expected, string> = { success: 'allowed', 403: '403 FORBIDDEN', 404: '404 NOT_FOUND' };
const describeCase = (c: MatrixCase) =>
  `${c.who}${c.own ? (c.mine ? ' on their own resource' : " on someone else's resource") : ''} → ${OUTCOME[c.expected]}`;

const guarded = listRoutes().filter(isPermissionRoute);

describe('permission matrix coverage', () => {
  it('has a request recipe for every permission route the app registers, and none for routes that do not exist', () => {
    const registered = api.routes.routes.filter(isPermissionRoute).map(routeKey).sort();
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((k) => !ROUTE_CASES[k])).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('guards every route with a permission that exists in the PERMISSIONS table', () => {
    const unknown = api.routes.routes
      .filter(isPermissionRoute)
      .filter((r) => !(r.spec.access.permission in PERMISSIONS))
      .map(routeKey);
    expect(unknown).toEqual([]);
  });

  it('never guards a write route with a read permission (which would open it to viewers)', () => {
    const writesGuardedByRead = api.routes.routes
      .filter(isPermissionRoute)
      .filter((r) => r.spec.method !== 'get' && r.spec.access.permission.endsWith('.read'))
      .map(routeKey);
    expect(writesGuardedByRead).toEqual([]);
  });
});

describe.each(routeWalks(guarded).map((w) => [w.name, w] as const))('%s', (_name, { route, variant }) => {
  const { permission } = route.spec.access;
  it.each(casesFor(permission).map((c) => [describeCase(c), c] as const))(
    `[${permission}] %s`,
    async (_name, c) => {
      const { res } = await callRoute(api, team, route, c.who, c.mine, variant);
      if (c.expected === 'success') {
        expect({ status: res.status, body: res.body as unknown }).toEqual({
          status: successStatus(route),
          body: expect.anything(),
        });
      } else {
        expect(res.status).toBe(c.expected);
        expect(res.body.error.code).toBe(c.expected === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
      }
    },
  );
});

describe("'own' rules", () => {
  const scene = (): Scene => {
    const { member } = team.users;
    return { api, team, base: teamBase(team), actor: member, mine: true, author: member };
  };

  it('lets a member delete a task they created', async () => {
    const task = await freshTask(scene(), team.users.member);
    expect((await send(api, team.users.member, 'delete', `${V1}/tasks/${String(task.id)}`)).status).toBe(204);
    expect((await send(api, team.users.owner, 'get', `${V1}/tasks/${String(task.id)}`)).status).toBe(404);
  });

  it("refuses a member deleting someone else's task with 403, and the task survives", async () => {
    const task = await freshTask(scene(), team.users.admin);
    const res = await send(api, team.users.member, 'delete', `${V1}/tasks/${String(task.id)}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await send(api, team.users.owner, 'get', `${V1}/tasks/${String(task.id)}`)).status).toBe(200);
  });

  it("refuses even the owner editing another person's comment, while its author may", async () => {
    const comment = await freshComment(scene(), team.users.member);
    const path = `${V1}/comments/${String(comment.id)}`;
    const byOwner = await send(api, team.users.owner, 'patch', path, { body: 'owner rewrites history' });
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.error.code).toBe('FORBIDDEN');
    const byAdmin = await send(api, team.users.admin, 'patch', path, { body: 'admin rewrites history' });
    expect(byAdmin.status).toBe(403);
    const byAuthor = await send(api, team.users.member, 'patch', path, { body: 'fixed a typo' });
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.body).toBe('fixed a typo');
    expect(byAuthor.body.editedAt).toEqual(expect.any(String));
  });

  it("lets an admin delete anyone's comment", async () => {
    const comment = await freshComment(scene(), team.users.member);
    expect((await send(api, team.users.admin, 'delete', `${V1}/comments/${String(comment.id)}`)).status).toBe(
      204,
    );
    const list = await send(api, team.users.owner, 'get', `${V1}/tasks/${team.taskId}/comments`);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(comment.id);
  });

  it("refuses a member deleting another member's comment", async () => {
    const comment = await freshComment(scene(), team.users.admin);
    const res = await send(api, team.users.member, 'delete', `${V1}/comments/${String(comment.id)}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('the events the matrix wrote', () => {
  // Runs after every route has been called by every role: each outbox row any write produced must
  // match its catalogue entry, and every workspace event a route can cause must have been seen.
  it('are all catalogued, with data matching the schema of their type', async () => {
    const rows = await api.deps.db.execute<{ type: string; payload: unknown }>(
      sql`select type, payload from outbox order by id`,
    );
    const offCatalogue = rows.rows
      .map((row) => ({
        type: row.type,
        result: ServerEvent.safeParse({ ...(row.payload as object), seq: 0 }),
      }))
      .filter((r) => !r.result.success || r.result.data.type !== r.type)
      .map((r) => ({ type: r.type, issues: r.result.error?.issues }));
    expect(offCatalogue).toEqual([]);
    const seen = new Set(rows.rows.map((row) => row.type));
    const routeCaused = EventType.options.filter((type) => isWorkspaceEvent(type));
    expect(routeCaused.filter((type) => !seen.has(type))).toEqual([]);
  });
});

import type { Role } from '@teamflow/contracts/permissions';
import { auth, createTeam, V1, type TeamFixture, type TestApi, type TestUser } from '../harness';
import { send, type Who } from '../route-requests';

/** Who sends a request: a member of the team in a role, a stranger to it, or nobody at all. */
export type Caller = Who | 'anonymous';
export const CALLERS: readonly Caller[] = ['owner', 'admin', 'member', 'viewer', 'stranger', 'anonymous'];

/** Ids of one workspace's resources, by the path parameter name that carries them. */
export type IdsByParam = Record<string, string>;

/**
 * The fuzzer's fixture: the harness's team (one user per role, a project, a task) with a comment,
 * a label and a sprint, and the stranger's own workspace with the same kinds of resources, whose
 * ids are "foreign" to the team (and the team's to the stranger).
 */
export interface World {
  api: TestApi;
  team: TeamFixture;
  teamIds: IdsByParam;
  strangerIds: IdsByParam;
  /** Each team member's role, as the fixture set it up (the authorization oracle relies on it). */
  roles: Record<Role, string>;
}

async function must(res: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await res;
  if (r.status >= 300) throw new Error(`fuzz fixture: ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/** A workspace's resources (project, task, comment, label, sprint) created by `user`. */
async function resources(api: TestApi, user: TestUser, workspaceId: string, projectId?: string) {
  const project =
    projectId ??
    String(
      (
        await must(
          send(api, user, 'post', `${V1}/workspaces/${workspaceId}/projects`, {
            name: 'Elsewhere',
            key: 'ELSE',
          }),
          'project',
        )
      ).id,
    );
  const task = await must(
    send(api, user, 'post', `${V1}/projects/${project}/tasks`, { title: 'A task' }),
    'task',
  );
  const comment = await must(
    send(api, user, 'post', `${V1}/tasks/${String(task.id)}/comments`, { body: 'Hi' }),
    'comment',
  );
  const label = await must(
    send(api, user, 'post', `${V1}/workspaces/${workspaceId}/labels`, { name: `l-${Date.now()}` }),
    'label',
  );
  const sprint = await must(
    send(api, user, 'post', `${V1}/projects/${project}/sprints`, { name: 'S1' }),
    'sprint',
  );
  return {
    workspaceId,
    projectId: project,
    taskId: String(task.id),
    dependsOnTaskId: String(task.id),
    parentId: String(task.id),
    commentId: String(comment.id),
    labelId: String(label.id),
    sprintId: String(sprint.id),
    userId: user.id,
  };
}

export async function buildWorld(api: TestApi): Promise<World> {
  const team = await createTeam(api);
  const { owner, stranger } = team.users;
  const teamIds = {
    ...(await resources(api, owner, team.workspaceId, team.projectId)),
    taskId: team.taskId,
  };
  const elsewhere = await must(
    send(api, stranger, 'post', `${V1}/workspaces`, { name: 'Elsewhere' }),
    'workspace',
  );
  const strangerIds = await resources(api, stranger, String(elsewhere.id));
  return {
    api,
    team,
    teamIds,
    strangerIds,
    roles: { owner: 'owner', admin: 'admin', member: 'member', viewer: 'viewer' },
  };
}

/** The caller's resources and the ones foreign to it. */
export const idsFor = (world: World, caller: Caller) =>
  caller === 'stranger' ? world.strangerIds : world.teamIds;
export const foreignIdsFor = (world: World, caller: Caller) =>
  caller === 'stranger' ? world.teamIds : world.strangerIds;

/** Ids that belong to a workspace the caller is not in (users excluded: people may be shared). */
export function foreignResourceIds(world: World, caller: Caller): Set<string> {
  const { userId: _user, ...resources } = foreignIdsFor(world, caller);
  return new Set(Object.values(resources));
}

/**
 * A fuzzed logout (or anything else that revokes a token) must not blind the rest of the run:
 * when a caller's token stopped working, sign them in again.
 */
export async function ensureSignedIn(world: World, who: Who): Promise<void> {
  const user = world.team.users[who];
  const me = await world.api.http().get(`${V1}/auth/me`).set(auth(user));
  if (me.status === 200) return;
  const login = await must(
    world.api.http().post(`${V1}/auth/login`).send({ email: user.email, password: user.password }),
    `signing ${who} in again`,
  );
  user.token = String(login.accessToken);
}

/** Every team member's role in the team workspace, as the owner sees it. */
export async function teamRoles(world: World): Promise<Record<string, string>> {
  const res = await must(
    send(world.api, world.team.users.owner, 'get', `${V1}/workspaces/${world.team.workspaceId}/members`),
    'members',
  );
  const items = res.items as { user: { id: string }; role: string }[];
  return Object.fromEntries(items.map((m) => [m.user.id, m.role]));
}

/** The caller's role in each workspace they belong to. */
export async function rolesOf(world: World, who: Who): Promise<Record<string, string>> {
  const res = await world.api.http().get(`${V1}/workspaces`).set(auth(world.team.users[who]));
  const items = (Array.isArray(res.body) ? res.body : ((res.body as { items?: unknown[] }).items ?? [])) as {
    id: string;
    role: string;
  }[];
  return Object.fromEntries(items.map((w) => [w.id, w.role]));
}

/** Puts the team's roles back as the fixture made them (after a legitimate role change by a manager). */
export async function restoreTeamRoles(world: World): Promise<void> {
  const current = await teamRoles(world);
  for (const [role, expected] of Object.entries(world.roles)) {
    const user = world.team.users[role as Role];
    if (current[user.id] === expected) continue;
    if (current[user.id] === undefined) {
      throw new Error(`fuzz fixture: the team's ${role} left the workspace; the fixture cannot recover`);
    }
    await must(
      send(
        world.api,
        world.team.users.owner,
        'patch',
        `${V1}/workspaces/${world.team.workspaceId}/members/${user.id}`,
        {
          role: expected,
        },
      ),
      `restoring the ${role}'s role`,
    );
  }
}

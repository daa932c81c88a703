import {
  DEMO_DEPENDENCIES,
  DEMO_LABELS,
  DEMO_PASSWORD,
  DEMO_PROJECTS,
  DEMO_USERS,
  DEMO_WORKSPACE,
} from '@teamflow/db/seed-data';
import { findUserByEmail } from '../auth/auth.repository';
import { register } from '../auth/register';
import { createComment } from '../comments/create-comment';
import { createLabel } from '../labels/create-label';
import type { CoreDeps, Ctx, WorkspaceCtx } from '../platform/context';
import { createProject } from '../projects/create-project';
import { addDependency } from '../tasks/add-dependency';
import { createTask } from '../tasks/create-task';
import { createWorkspace } from '../workspaces/create-workspace';
import { insertMember } from '../workspaces/workspaces.repository';
import { seedAsyncUpdates } from './seed-async-updates';
import { seedProgressHistory } from '../progress/seed-progress-history';
import { seedSprints } from './seed-sprints';
import { seedWorklog } from './seed-worklog';

export interface SeedResult {
  created: boolean;
  workspaceSlug: string;
  logins: { email: string; password: string; role: string }[];
}

const isoDateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Seeds the demo workspace through the same use cases the api runs, so activity and outbox rows
 * look as they would in real use. Idempotent: does nothing if the demo owner exists.
 */
export async function seedDemo(deps: CoreDeps): Promise<SeedResult> {
  const logins = DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role }));
  if (await findUserByEmail(deps.db, DEMO_USERS[0].email)) {
    return { created: false, workspaceSlug: DEMO_WORKSPACE.slug, logins };
  }
  const people = new Map<string, Ctx>();
  for (const u of DEMO_USERS) {
    const session = await register(deps, { email: u.email, name: u.name, password: DEMO_PASSWORD });
    people.set(u.role, {
      actor: { id: session.user.id, name: u.name },
      requestId: 'seed',
      logger: deps.logger,
    });
  }
  const as = (role: string, workspaceId: string): WorkspaceCtx => ({
    ...people.get(role)!,
    workspaceId,
    role: DEMO_USERS.find((u) => u.role === role)!.role,
    timeZone: 'UTC',
  });
  const workspace = await createWorkspace(deps, people.get('owner')!, DEMO_WORKSPACE);
  for (const u of DEMO_USERS.slice(1)) {
    await insertMember(deps.db, {
      workspaceId: workspace.id,
      userId: people.get(u.role)!.actor.id,
      role: u.role,
    });
  }
  const owner = as('owner', workspace.id);
  const labelIds = new Map<string, string>();
  for (const l of DEMO_LABELS) labelIds.set(l.name, (await createLabel(deps, owner, l)).id);

  const taskIds = new Map<string, string>();
  let firstProjectId: string | undefined;
  for (const p of DEMO_PROJECTS) {
    const project = await createProject(deps, owner, {
      name: p.name,
      key: p.key,
      description: p.description,
    });
    firstProjectId ??= project.id;
    for (const [i, t] of p.tasks.entries()) {
      const author = as(i % 3 === 0 ? 'admin' : i % 3 === 1 ? 'member' : 'owner', workspace.id);
      const task = await createTask(deps, author, project.id, {
        title: t.title,
        description: t.description,
        status: t.status,
        priority: t.priority,
        storyPoints: t.points,
        dueDate: t.dueInDays === undefined ? undefined : isoDateIn(t.dueInDays),
        labelIds: t.labels?.map((l) => labelIds.get(l)!),
        assigneeIds: t.assignees?.map((r) => people.get(r)!.actor.id),
      });
      taskIds.set(t.title, task.id);
      for (const c of t.comments ?? [])
        await createComment(deps, as(c.by, workspace.id), task.id, { body: c.body });
      for (const title of t.subtasks ?? []) {
        await createTask(deps, author, project.id, {
          title,
          status: 'todo',
          priority: t.priority,
          parentId: task.id,
        });
      }
    }
  }
  for (const [dependent, on] of DEMO_DEPENDENCIES) {
    await addDependency(deps, owner, taskIds.get(dependent)!, taskIds.get(on)!);
  }
  await seedSprints(deps, as('admin', workspace.id), firstProjectId!, taskIds);
  await seedAsyncUpdates(deps, (role) => as(role, workspace.id), taskIds);
  await seedProgressHistory(deps, workspace.id, people.get('member')!.actor.id);
  await seedWorklog(deps, people);
  return { created: true, workspaceSlug: workspace.slug, logins };
}

import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { changeSprintTasks } from '../sprints/change-sprint-tasks';
import { createSprint } from '../sprints/create-sprint';
import { getSprint } from '../sprints/get-sprint';
import { updateSprint } from '../sprints/update-sprint';
import { getTask } from '../tasks/get-task';
import { updateTask } from '../tasks/update-task';
import {
  backdateCompletion,
  backdateCreation,
  backdateSprint,
  backdateStints,
} from './sprint-history.repository';

const DAY_MS = 86_400_000;
const today = () => new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
/** `days` from today (UTC) at `hour` o'clock. */
const at = (days: number, hour: number) => new Date(today() + days * DAY_MS + hour * 3_600_000);
const day = (days: number) => at(days, 0).toISOString().slice(0, 10);

/**
 * One completed sprint (two weeks, ended four days ago, two tasks rolled over), one active
 * sprint (a task added mid-sprint, two done) and one planned sprint, so the charts have a story.
 */
export async function seedSprints(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  taskIds: Map<string, string>,
): Promise<void> {
  const id = (title: string) => taskIds.get(title)!;

  const s1 = await createSprint(deps, ctx, projectId, {
    name: 'Sprint 1 — Foundations',
    goal: 'Sign-in and a board people can use',
    startDate: day(-17),
    endDate: day(-4),
  });
  const auth = id('Set up authentication flow');
  const boardView = id('Design the board view');
  let sprint = await changeSprintTasks(
    deps,
    ctx,
    s1.id,
    {
      taskIds: [
        auth,
        boardView,
        id('Session expires while editing a long description'),
        id('Markdown preview in descriptions'),
      ],
    },
    'add',
  );
  sprint = await updateSprint(deps, ctx, s1.id, { version: sprint.version, state: 'active' });

  const s2 = await createSprint(deps, ctx, projectId, {
    name: 'Sprint 2 — Board polish',
    goal: 'Drag and drop that feels instant',
    startDate: day(-3),
    endDate: day(10),
  });
  const flicker = id('Fix flicker when a card is dropped');
  const emptyStates = id('Empty states that say what to do');
  const search = id('Search across tasks and comments');
  await changeSprintTasks(
    deps,
    ctx,
    s2.id,
    {
      taskIds: [
        id('Drag and drop between columns'),
        flicker,
        id('Task detail drawer'),
        emptyStates,
        id('Accessibility audit of the board'),
      ],
    },
    'add',
  );
  await updateSprint(deps, ctx, s1.id, {
    version: sprint.version,
    state: 'completed',
    rollover: { to: 'sprint', sprintId: s2.id },
  });
  // Completing sprint 1 moved its unfinished tasks here, so read the version afresh.
  const planned = await getSprint(deps, ctx, s2.id);
  await updateSprint(deps, ctx, s2.id, { version: planned.version, state: 'active' });
  await changeSprintTasks(deps, ctx, s2.id, { taskIds: [search] }, 'add');
  const flickerTask = await getTask(deps, ctx, flicker);
  await updateTask(deps, ctx, flicker, { version: flickerTask.version, status: 'done' });

  const s3 = await createSprint(deps, ctx, projectId, {
    name: 'Sprint 3 — Keyboard and calendar',
    startDate: day(11),
    endDate: day(24),
  });
  await changeSprintTasks(
    deps,
    ctx,
    s3.id,
    { taskIds: [id('Command palette (Cmd-K)'), id('Calendar view of due dates')] },
    'add',
  );

  // Move it all into the past, as if it had happened over the last three weeks.
  await deps.db.transaction(async (tx) => {
    await backdateCreation(tx, projectId, at(-19, 10));
    await backdateSprint(tx, s1.id, { startedAt: at(-17, 9), completedAt: at(-4, 17) });
    await backdateStints(tx, s1.id, { addedAt: at(-18, 15), removedAt: at(-4, 17) });
    await backdateCompletion(tx, auth, at(-12, 14));
    await backdateCompletion(tx, boardView, at(-7, 11));
    await backdateSprint(tx, s2.id, { startedAt: at(-3, 9) });
    await backdateStints(tx, s2.id, { addedAt: at(-4, 18) });
    await backdateStints(tx, s2.id, { addedAt: at(-2, 10), taskId: search });
    await backdateCompletion(tx, emptyStates, at(-2, 16));
    await backdateCompletion(tx, flicker, at(-1, 15));
  });
}

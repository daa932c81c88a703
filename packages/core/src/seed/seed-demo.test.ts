import { DEMO_USERS } from '@teamflow/db/seed-data';
import { seedDemo } from './seed-demo';
import { testCoreDeps } from '../../testing/test-core-deps';

const { deps, handle } = testCoreDeps();

describe('seedDemo', () => {
  it('creates the demo workspace with every role, two projects and tasks in several statuses, once', async () => {
    const first = await seedDemo(deps);
    expect(first.created).toBe(true);
    expect(first.logins.map((l) => l.role)).toEqual(['owner', 'admin', 'member', 'viewer']);

    // The demo workspace's rows only: other suites of this package write into the same database,
    // at the same time (a suite's DONE project once showed up here).
    const [{ id: acme }] = (await handle.pool.query(`select id from workspaces where slug = 'acme'`))
      .rows as [{ id: string }];
    const q = async (text: string) => (await handle.pool.query(text, text.includes('$1') ? [acme] : [])).rows;
    const roles = await q(
      `select m.role from workspace_members m join workspaces w on w.id = m.workspace_id where w.slug = 'acme' order by m.role`,
    );
    expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'member', 'owner', 'viewer']);
    expect(await q(`select key from projects where workspace_id = $1 order by key`)).toEqual([
      { key: 'PLAT' },
      { key: 'WEB' },
    ]);
    const statuses = await q(`select distinct status from tasks where workspace_id = $1`);
    expect(statuses.length).toBeGreaterThanOrEqual(4);
    const [{ n: tasks }] = (await q(`select count(*)::int as n from tasks where workspace_id = $1`)) as [
      { n: number },
    ];
    expect(tasks).toBeGreaterThanOrEqual(28);
    const [{ n: comments }] = (await q(
      `select count(*)::int as n from comments where workspace_id = $1`,
    )) as [{ n: number }];
    expect(comments).toBeGreaterThan(0);
    const [{ n: labelled }] = (await q(
      `select count(distinct l.task_id)::int as n from task_labels l join tasks t on t.id = l.task_id where t.workspace_id = $1`,
    )) as [{ n: number }];
    expect(labelled).toBeGreaterThan(20);

    const sprints = await q(`select state from sprints where workspace_id = $1 order by state`);
    expect(sprints.map((r) => r.state)).toEqual(['active', 'completed', 'planned']);
    const [{ n: history }] = (await q(
      `select count(*)::int as n from sprint_tasks st join sprints s on s.id = st.sprint_id
       where s.workspace_id = $1 and s.state = 'completed' and st.added_at < s.started_at`,
    )) as [{ n: number }];
    expect(history).toBe(4);

    // Backdated completions come after their tasks' creation (My patterns reads the difference).
    const [{ n: doneBeforeMade }] = (await q(
      `select count(*)::int as n from tasks where workspace_id = $1 and completed_at < created_at`,
    )) as [{ n: number }];
    expect(doneBeforeMade).toBe(0);

    // A task key a demo check-in's line or journal entry starts with is the task they mean ("WEB-7 Fix flicker…").
    const named = await q(
      `select m[1] as key, m[2] as title from status_updates s,
              regexp_matches(s.done || E'\n' || s.doing, '^- ([A-Z]+-[0-9]+) ([^\n]+)', 'gn') m
        where s.workspace_id = $1`,
    );
    expect(named.length).toBeGreaterThan(3);
    const titles = new Map(
      (
        await q(
          `select p.key || '-' || t.number as key, t.title from tasks t join projects p on p.id = t.project_id where t.workspace_id = $1`,
        )
      ).map((t) => [t.key, t.title]),
    );
    expect(named.filter((n) => titles.get(n.key) !== n.title)).toEqual([]);
    const journal = await q(
      `select m[1] as key from worklog_entries e join users u on u.id = e.user_id,
              regexp_matches(e.body, 'dropped \\(([A-Z]+-[0-9]+)\\)', 'g') m where u.email like '%@demo.teamflow.dev'`,
    );
    expect(journal.map((j) => titles.get(j.key))).toEqual(['Fix flicker when a card is dropped']);

    // Async updates: a week of check-ins, two blockers (one escalated), a resolved sev2 with its
    // timeline and postmortem, three decisions (one superseded) and the digests of those days.
    const [{ n: updates }] = (await q(
      `select count(*)::int as n from status_updates where workspace_id = $1`,
    )) as [{ n: number }];
    expect(updates).toBeGreaterThanOrEqual(15);
    const blockers = await q(
      `select escalation_level from blockers where workspace_id = $1 and status = 'open' order by escalation_level`,
    );
    expect(blockers.map((b) => b.escalation_level)).toEqual([0, 2]);
    const [incident] = await q(
      `select severity, status, postmortem, (select count(*)::int from incident_events e where e.incident_id = i.id) as events,
              extract(epoch from resolved_at - created_at)::int / 60 as minutes from incidents i where i.workspace_id = $1`,
    );
    expect(incident).toMatchObject({ severity: 'sev2', status: 'resolved', events: 6, minutes: 93 });
    expect(incident.postmortem).toContain('## Action items');
    const decisions = await q(
      `select number, status, superseded_by_id is not null as replaced from decisions where workspace_id = $1 order by number`,
    );
    expect(decisions.map((d) => d.status)).toEqual(['superseded', 'accepted', 'proposed']);
    const [{ n: digests }] = (await q(
      `select count(*)::int as n from daily_summaries where workspace_id = $1`,
    )) as [{ n: number }];
    expect(digests).toBe(6);
    // A progress history worth opening: XP from the done tasks on the workdays before today.
    const stats = await q(
      `select s.xp, s.level, s.streak_current, s.streak_longest from user_stats s
       join users u on u.id = s.user_id where s.xp > 0 and u.email like '%@demo.teamflow.dev' order by s.xp desc`,
    );
    expect(stats.length).toBeGreaterThan(0);
    expect(stats[0].streak_longest).toBeGreaterThan(0);
    const [{ n: unlocked }] = (await q(
      `select count(*)::int as n from user_achievements where workspace_id = $1`,
    )) as [{ n: number }];
    expect(unlocked).toBeGreaterThan(0);

    const again = await seedDemo(deps);
    expect(again.created).toBe(false);
    const [{ n: after }] = (await q(`select count(*)::int as n from tasks where workspace_id = $1`)) as [
      { n: number },
    ];
    expect(after).toBe(tasks);
    const [{ n: owners }] = (await q(
      `select count(*)::int as n from users where email = '${DEMO_USERS[0].email}'`,
    )) as [{ n: number }];
    expect(owners).toBe(1);
  });

  it('gives the demo people two weeks of analysed work-log entries, each their own', async () => {
    const rows = (
      await handle.pool.query(
        `select u.email, count(*)::int as entries, count(*) filter (where i.status = 'done')::int as analysed,
                max(e.date) - min(e.date) as span
         from worklog_entries e join users u on u.id = e.user_id
         left join worklog_insights i on i.entry_id = e.id and i.user_id = e.user_id
         where u.email = any($1::text[])
         group by u.email order by u.email`,
        // The demo people only: other suites of this package write journals into the same database.
        [DEMO_USERS.map((u) => u.email)],
      )
    ).rows;
    expect(rows.map((r) => r.email)).toEqual([
      'admin@demo.teamflow.dev',
      'member@demo.teamflow.dev',
      'owner@demo.teamflow.dev',
    ]);
    for (const r of rows) {
      expect(r.analysed).toBe(r.entries);
      expect(r.span).toBeGreaterThanOrEqual(10);
    }
    const skills = (
      await handle.pool.query(
        `select distinct unnest(i.skills) as s from worklog_insights i join users u on u.id = i.user_id
         where u.email = 'member@demo.teamflow.dev'`,
      )
    ).rows.map((r) => r.s);
    expect(skills).toEqual(expect.arrayContaining(['React', 'Testing', 'Performance']));
  });
});

import { createBlocker } from '../blockers/create-blocker';
import { escalateBlockers } from '../blockers/escalate-blockers';
import { replaceAwayRangeRows } from '../check-ins/check-ins.repository';
import { createDecision } from '../decisions/create-decision';
import { generateDigest } from '../digests/generate-digest';
import { addIncidentNote } from '../incidents/add-incident-note';
import { createIncident } from '../incidents/create-incident';
import { updateIncident } from '../incidents/update-incident';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { shiftDate, todayIn } from '../platform/local-dates';
import { createStatusUpdate } from '../status-updates/create-status-update';
import { backdateBlocker, backdateIncident, backdateStatusUpdates } from './async-history.repository';

type Role = 'owner' | 'admin' | 'member';

// A week of check-ins: [role, days ago, done, doing, mood]. Maya is away three days ago; Adam
// forgot yesterday (the digest shows him missing).
const UPDATES: [Role, number, string, string, number][] = [
  ['owner', 6, '- Planned the sprint with the team', '- Review the roadmap for Q3', 4],
  ['admin', 6, '- Set up the staging database', '- WEB-1 Set up authentication flow', 3],
  ['member', 6, '- Sketched the board view', '- WEB-2 Design the board view', 4],
  ['owner', 5, '- Reviewed the roadmap for Q3', '- Customer calls', 4],
  ['admin', 5, '- OAuth callback works on staging', '- WEB-1 Set up authentication flow', 4],
  ['member', 5, '- Board columns render from the api', '- WEB-3 Drag and drop between columns', 3],
  ['owner', 4, '- Two customer calls: both want dark mode', '- Write up the feedback', 3],
  ['admin', 4, '- Token refresh rotates', '- Rate limits on the auth routes', 3],
  ['owner', 3, '- Wrote up the customer feedback', '- Hiring loop for the designer role', 4],
  ['admin', 3, '- Rate limits done', '- WEB-1 Set up authentication flow', 2],
  ['owner', 2, '- Ran the checkout incident (INC-1)', '- Postmortem for INC-1', 2],
  ['admin', 2, '- Rolled back the payments deploy', '- Add a canary for payments', 2],
  ['member', 2, '- Drag and drop works with the keyboard', '- WEB-7 Fix flicker when a card is dropped', 3],
  ['owner', 1, '- Postmortem for INC-1 written', '- Decide on search (DEC-2)', 4],
  ['member', 1, '- Fixed the drop flicker', '- WEB-8 Task detail drawer', 5],
];

/**
 * The async-updates demo: a week of check-ins (one person away, one missing a day), two blockers
 * (one escalated), a resolved sev2 incident with a timeline and postmortem, three decisions (one
 * superseded) and the digests of those days, all through the real use cases.
 */
export async function seedAsyncUpdates(
  deps: CoreDeps,
  as: (role: Role) => WorkspaceCtx,
  taskIds: Map<string, string>,
): Promise<void> {
  const workspaceId = as('owner').workspaceId;
  const today = todayIn('UTC');
  const day = (ago: number) => shiftDate(today, -ago);
  const task = (title: string) => (taskIds.has(title) ? [taskIds.get(title)!] : []);

  await replaceAwayRangeRows(deps.db, as('member').actor.id, [{ from: day(3), to: day(3), note: 'Dentist' }]);
  for (const [role, ago, done, doing, mood] of UPDATES) {
    await createStatusUpdate(deps, as(role), { date: day(ago), done, doing, mood });
  }
  await createStatusUpdate(deps, as('member'), {
    date: day(4),
    done: '- Card layout for the board',
    doing: '- WEB-3 Drag and drop between columns',
    blockers: '- Waiting on design sign-off for card states',
    mood: 3,
  });
  await backdateStatusUpdates(deps.db, workspaceId);

  const stuck = await createBlocker(deps, as('admin'), {
    title: 'Staging signing keys expired: session expiry cannot be reproduced',
    description:
      'Every token on staging fails to verify until ops rotates the signing keys, so WEB-14 waits.',
    taskId: task('Session expires while editing a long description')[0],
    severity: 'high',
  });
  await backdateBlocker(deps.db, stuck.id, new Date(Date.now() - 9 * 3600_000));
  // The escalation schedule, as it would have run: level 1 after 4 hours, level 2 after 8.
  await escalateBlockers(deps);

  const incident = await createIncident(deps, as('owner'), {
    title: 'Checkout returns 500 for card payments',
    severity: 'sev2',
    summary: 'Card payments failed for about 90 minutes after the payments deploy.',
    commanderId: as('admin').actor.id,
  });
  const identified = await updateIncident(deps, as('admin'), incident.id, {
    version: incident.version,
    status: 'identified',
  });
  await addIncidentNote(deps, as('admin'), incident.id, {
    message: 'The new payments client sends amounts in cents twice.',
  });
  const monitoring = await updateIncident(deps, as('admin'), incident.id, {
    version: identified.version,
    status: 'monitoring',
  });
  await updateIncident(deps, as('admin'), incident.id, {
    version: monitoring.version,
    status: 'resolved',
    postmortem: [
      '## What happened',
      'The payments deploy doubled amounts converted to cents; the provider refused them.',
      '',
      '## Why it was not caught',
      'Staging runs with a sandbox that accepts any amount.',
      '',
      '## Action items',
      '- [x] Roll back the deploy',
      '- [ ] Add a canary for payments',
      '- [ ] Contract test for amounts',
    ].join('\n'),
  });
  const start = new Date(`${day(2)}T13:05:00Z`);
  await backdateIncident(deps.db, incident.id, start, [0, 18, 31, 64, 93]);

  const first = await createDecision(deps, as('admin'), {
    title: 'Search with PostgreSQL full-text search',
    context: 'People need to find tasks and comments by words and by key.',
    decision: 'Use a weighted `tsvector` with a GIN index, queried with `websearch_to_tsquery`.',
    alternatives: [
      {
        title: 'Elasticsearch',
        pros: 'Relevance tuning, facets',
        cons: 'Another system to run and keep in sync',
      },
      { title: 'LIKE queries', pros: 'Nothing to set up', cons: 'Slow and no ranking' },
    ],
    consequences: 'Search lives in the database we already back up.',
    status: 'accepted',
    deciderIds: [as('owner').actor.id, as('admin').actor.id],
  });
  await createDecision(deps, as('owner'), {
    title: 'Search with PostgreSQL plus trigram similarity',
    context: 'Typos in searches found nothing (DEC-1 matches whole words only).',
    decision: 'Keep the `tsvector` and add `pg_trgm` similarity for titles.',
    alternatives: [{ title: 'Meilisearch', pros: 'Typo tolerance built in', cons: 'A new service' }],
    status: 'accepted',
    supersedesId: first.id,
    deciderIds: [as('owner').actor.id],
  });
  await createDecision(deps, as('member'), {
    title: 'Virtualise long board columns',
    context: 'Columns with hundreds of cards scroll slowly on laptops.',
    decision: 'Render only the visible cards with @tanstack/react-virtual.',
    alternatives: [{ title: 'Paginate columns', cons: 'Drag and drop across pages is awkward' }],
    status: 'proposed',
    taskIds: task('Drag and drop between columns'),
  });

  for (let ago = 6; ago >= 1; ago -= 1) await generateDigest(deps, workspaceId, day(ago));
}

import { DigestJob } from '@teamflow/contracts/ai';
import type { JobState } from '@teamflow/db/schema/mail';
import { burndownJob, digestJob, sendEmailJob } from '@teamflow/queue/jobs';
import type { StagedJobRow } from './job-outbox.repository';
import { findWorkspaceJobKind, outboxJobRow, toWorkspaceJob } from './workspace-jobs';

const WORKSPACE = '5b0c1f4e-8a43-4c57-9d1a-3f6d2b7e9a10';
const row = (state: JobState, extra: Partial<StagedJobRow> = {}): StagedJobRow => ({
  id: 9,
  queue: 'analytics',
  name: 'digest',
  payload: { workspaceId: WORKSPACE, date: '2032-07-01', force: true },
  state,
  createdAt: new Date('2032-07-01T17:00:00Z'),
  finishedAt: state === 'done' || state === 'failed' ? new Date('2032-07-01T17:00:02Z') : null,
  ...extra,
});
const digest = findWorkspaceJobKind(digestJob.queue, digestJob.name)!;

describe('the outbox jobs handed out to workspaces', () => {
  it('are the listed kinds only: the digest, not an email nor a burndown that also names its workspace', () => {
    expect(digest.kind).toBe('digest');
    expect(findWorkspaceJobKind(sendEmailJob.queue, sendEmailJob.name)).toBeUndefined();
    expect(findWorkspaceJobKind(burndownJob.queue, burndownJob.name)).toBeUndefined();
  });

  it('read a row number only from the ids the relay gives', () => {
    expect(outboxJobRow('outbox-9')).toBe(9);
    expect(outboxJobRow('outbox-9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    for (const id of [
      'outbox-0',
      'outbox-09',
      'outbox-9007199254740992',
      `outbox-${'9'.repeat(30)}`,
      'outbox-',
    ])
      expect(outboxJobRow(id)).toBeUndefined();
  });

  it.each([
    ['staged', false, 'queued'],
    ['enqueued', false, 'queued'],
    ['enqueued', true, 'active'],
    ['done', false, 'completed'],
    ['failed', false, 'failed'],
  ] as const)(
    'show a row in state %s (active in BullMQ: %s) as %s, in the contract’s shape',
    (state, active, shown) => {
      const job = toWorkspaceJob(row(state), digest, WORKSPACE, active);
      expect(DigestJob.parse(job)).toEqual(job);
      expect(job).toMatchObject({
        id: 'outbox-9',
        kind: 'digest',
        subjectId: WORKSPACE,
        state: shown,
        provider: null,
      });
      expect(job.progress).toBe(shown === 'completed' ? 100 : 0);
      expect(job.result).toEqual(shown === 'completed' ? { date: '2032-07-01' } : undefined);
      expect(job.error).toEqual(
        shown === 'failed' ? { code: 'INTERNAL_ERROR', message: expect.any(String) } : undefined,
      );
    },
  );

  it('leave out the result of a row whose payload no longer fits its definition', () => {
    const job = toWorkspaceJob(
      row('done', { payload: { workspaceId: WORKSPACE } }),
      digest,
      WORKSPACE,
      false,
    );
    expect(job.state).toBe('completed');
    expect(job).not.toHaveProperty('result');
  });
});

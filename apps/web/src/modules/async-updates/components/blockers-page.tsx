'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { BlockerCreate, type Blocker, type BlockerStatus } from '@teamflow/contracts/blockers';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { isApiError } from '@/lib/api-error';
import { formatInstant } from '@/lib/local-dates';
import { useSession } from '@/modules/auth/hooks/use-session';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SelectField } from '@/modules/ui/components/select-field';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useBlockerAction, useBlockers, useRaiseBlocker } from '../hooks/use-blockers';
import { AreaPage, Badge, TaskKeyLinks, type Tone } from './area-page';

const FILTERS = [
  ['open', 'Open'],
  ['acknowledged', 'Acknowledged'],
  ['resolved', 'Resolved'],
  ['all', 'All'],
] as const;
const SEVERITY_TONE: Record<Blocker['severity'], Tone> = { low: 'slate', medium: 'amber', high: 'rose' };
const STATUS_TONE: Record<BlockerStatus, Tone> = { open: 'rose', acknowledged: 'amber', resolved: 'emerald' };

function RaiseBlockerForm({ workspaceId }: { workspaceId: string }) {
  const raise = useRaiseBlocker(workspaceId);
  const form = useForm({
    resolver: zodResolver(BlockerCreate),
    defaultValues: { title: '', severity: 'medium' as const },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await raise.mutateAsync(values);
      form.reset();
    } catch (error) {
      applyApiErrors(error, form.setError, ['title', 'severity']);
    }
  });
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Raise a blocker"
      className="flex flex-wrap items-start gap-3"
    >
      <TextField
        label="What is blocked?"
        className="min-w-60 flex-1"
        error={errors.title?.message}
        {...form.register('title')}
      />
      <SelectField
        label="Severity"
        options={[
          ['low', 'Low'],
          ['medium', 'Medium'],
          ['high', 'High'],
        ]}
        {...form.register('severity')}
      />
      <Button type="submit" className="mt-6" disabled={isSubmitting}>
        Raise blocker
      </Button>
      <FormError message={errors.root?.message} />
    </form>
  );
}

function BlockerRow({
  workspaceId,
  blocker,
  selfId,
}: {
  workspaceId: string;
  blocker: Blocker;
  selfId?: string;
}) {
  const zone = useTimeZone();
  const canAct = useCan(workspaceId, 'blocker.update');
  const action = useBlockerAction(workspaceId);
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const run = (kind: 'acknowledge' | 'resolve', body: object) =>
    action.mutate(
      { id: blocker.id, action: kind, body },
      {
        onSuccess: () => setResolving(false),
        onError: (error) =>
          showToast({
            tone: 'error',
            title: isApiError(error, 409) ? 'Someone changed this blocker first' : 'That did not work',
            description: isApiError(error, 409) ? 'The list shows it as it is now.' : error.message,
          }),
      },
    );
  return (
    <li
      data-testid="blocker"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-medium">{blocker.title}</p>
        <Badge tone={STATUS_TONE[blocker.status]}>{blocker.status}</Badge>
        <Badge tone={SEVERITY_TONE[blocker.severity]}>{blocker.severity}</Badge>
        {blocker.escalationLevel > 0 && blocker.status !== 'resolved' ? (
          <Badge tone="rose" label={`Escalated to level ${blocker.escalationLevel}`}>
            ▲ Escalated L{blocker.escalationLevel}
          </Badge>
        ) : null}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Raised by {blocker.reportedBy.name} · {formatInstant(blocker.createdAt, zone)}
        {blocker.acknowledgedBy ? ` · acknowledged by ${blocker.acknowledgedBy.name}` : ''}
        {blocker.resolvedBy ? ` · resolved by ${blocker.resolvedBy.name}: ${blocker.resolution ?? ''}` : ''}
      </p>
      {blocker.task ? <TaskKeyLinks workspaceId={workspaceId} tasks={[blocker.task]} /> : null}
      {canAct && blocker.status !== 'resolved' ? (
        <div className="flex flex-wrap items-end gap-2">
          {blocker.status === 'open' && blocker.reportedBy.id !== selfId ? (
            <Button variant="secondary" disabled={action.isPending} onClick={() => run('acknowledge', {})}>
              Acknowledge
            </Button>
          ) : null}
          {resolving ? (
            <form
              className="flex flex-wrap items-end gap-2"
              aria-label="Resolve blocker"
              onSubmit={(e) => {
                e.preventDefault();
                if (resolution.trim()) run('resolve', { resolution });
              }}
            >
              <TextField
                label="How was it unblocked?"
                value={resolution}
                onChange={(e) => setResolution(e.target.value)}
              />
              <Button type="submit" disabled={!resolution.trim() || action.isPending}>
                Mark resolved
              </Button>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setResolving(true)}>
              Resolve
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}

/** The register: filters, one-click acknowledge/resolve, escalation badges. */
export function BlockersPage({ workspaceId }: { workspaceId: string }) {
  const [status, setStatus] = useState<BlockerStatus | 'all'>('open');
  const blockers = useBlockers(workspaceId, status);
  const canRaise = useCan(workspaceId, 'blocker.create');
  const session = useSession();
  const selfId = session.status === 'signed-in' ? session.user.id : undefined;
  return (
    <AreaPage
      workspaceId={workspaceId}
      title="Blockers"
      intro="What stops work, who has seen it, and how it was unblocked. Open blockers escalate to owners and admins."
    >
      {canRaise ? <RaiseBlockerForm workspaceId={workspaceId} /> : null}
      <div className="max-w-48">
        <SelectField
          label="Show"
          options={FILTERS}
          value={status}
          onChange={(e) => setStatus(e.target.value as BlockerStatus | 'all')}
        />
      </div>
      {blockers.isPending ? (
        <SkeletonList label="Loading blockers" rows={3} />
      ) : blockers.isError && !blockers.items.length ? (
        // A register that could not be read is not an empty one.
        <FormError message={`The blockers could not be loaded: ${blockers.error.message}`} />
      ) : blockers.items.length ? (
        <ul className="flex flex-col gap-3" aria-label="Blockers">
          {blockers.items.map((b) => (
            <BlockerRow key={b.id} workspaceId={workspaceId} blocker={b} selfId={selfId} />
          ))}
        </ul>
      ) : (
        <EmptyState title={status === 'open' ? 'Nothing is blocked' : 'No blockers here'}>
          Raise one above, or write it under “Blockers” in your check-in.
        </EmptyState>
      )}
      <ShowMoreButton feed={blockers}>Show older blockers</ShowMoreButton>
    </AreaPage>
  );
}

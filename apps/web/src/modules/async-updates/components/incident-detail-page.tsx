'use client';

import type { IncidentStatus } from '@teamflow/contracts/incidents';
import { useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { formatInstant } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useProjects } from '@/modules/projects/hooks/use-projects';
import { SelectField } from '@/modules/ui/components/select-field';
import {
  useActionItemTasks,
  useAddIncidentNote,
  useIncident,
  useUpdateIncident,
} from '../hooks/use-incidents';
import { AreaPage, Badge, TaskKeyLinks } from './area-page';
import { INCIDENT_STATUS_TONE, SEVERITY_TONE } from './incidents-page';

const ORDER: IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
/** The moves the api allows: forward (skipping ahead too), and reopening a resolved incident. */
const nextStatuses = (status: IncidentStatus): IncidentStatus[] =>
  status === 'resolved' ? ['investigating'] : ORDER.slice(ORDER.indexOf(status) + 1);

/** The postmortem draft: starts from what is saved and is kept while the incident updates live. */
function PostmortemEditor({
  workspaceId,
  saved,
  busy,
  onSave,
}: {
  workspaceId: string;
  saved: string;
  busy: boolean;
  onSave: (postmortem: string) => void;
}) {
  const [postmortem, setPostmortem] = useState(saved);
  return (
    <>
      <MarkdownEditor
        label="Postmortem"
        labelHidden
        workspaceId={workspaceId}
        value={postmortem}
        onChange={setPostmortem}
        rows={8}
        placeholder={'## What happened\n\n## Why\n\n## Action items\n- [ ] '}
        initialMode={postmortem ? 'preview' : 'write'}
      />
      <div>
        <Button
          variant="secondary"
          disabled={busy || postmortem === saved}
          onClick={() => onSave(postmortem)}
        >
          Save postmortem
        </Button>
      </div>
    </>
  );
}

/** "Make action items into tasks": the open `- [ ]` items of the postmortem, in a project picked here. */
function ActionItemsToTasks({ workspaceId, incidentId }: { workspaceId: string; incidentId: string }) {
  const projects = useProjects(workspaceId);
  const make = useActionItemTasks(incidentId);
  const [projectId, setProjectId] = useState('');
  const options = (projects.data ?? []).map((p) => [p.id, `${p.key} · ${p.name}`] as const);
  const chosen = projectId || options[0]?.[0] || '';
  if (options.length === 0) return null;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label="Project for action items"
        options={options}
        value={chosen}
        onChange={(e) => setProjectId(e.target.value)}
      />
      <Button
        variant="secondary"
        disabled={make.isPending || !chosen}
        onClick={() =>
          make.mutate(chosen, {
            onSuccess: () =>
              showToast({
                tone: 'success',
                title: 'Action items are tasks now',
                description: 'They are linked below.',
              }),
            onError: (error) =>
              showToast({
                tone: 'error',
                title: isApiError(error, 409) ? 'No open action items left' : 'That did not work',
                description: isApiError(error, 409)
                  ? 'Add “- [ ] …” lines to the postmortem first.'
                  : error.message,
              }),
          })
        }
      >
        Make action items into tasks
      </Button>
    </div>
  );
}

/** One incident: status moves, the live timeline, notes, and the postmortem. */
export function IncidentDetailPage({ workspaceId, incidentId }: { workspaceId: string; incidentId: string }) {
  const zone = useTimeZone();
  const incident = useIncident(incidentId);
  const update = useUpdateIncident(incidentId);
  const addNote = useAddIncidentNote(incidentId);
  const canUpdate = useCan(workspaceId, 'incident.update');
  const [note, setNote] = useState('');
  const data = incident.data;

  const onError = (error: Error) =>
    showToast({
      tone: 'error',
      title: isApiError(error, 409) ? 'The incident changed meanwhile' : 'That did not work',
      description: isApiError(error, 409) ? 'You see its current state now; try again.' : error.message,
    });
  const change = (body: Record<string, unknown>) =>
    data &&
    update.mutate(
      { version: data.version, ...body },
      { onError: (e) => (onError(e), void incident.refetch()) },
    );

  return (
    <AreaPage
      workspaceId={workspaceId}
      title={data ? `${data.key} ${data.title}` : 'Incident'}
      back={{ href: `/w/${workspaceId}/incidents`, label: 'Incidents' }}
    >
      {incident.isPending ? (
        <SkeletonList label="Loading the incident" rows={4} />
      ) : !data ? (
        <EmptyState title="Incident not found">It may be in another workspace.</EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2" data-testid="incident-header">
            <Badge tone={SEVERITY_TONE[data.severity]}>{data.severity.toUpperCase()}</Badge>
            <Badge tone={INCIDENT_STATUS_TONE[data.status]} label={`Status: ${data.status}`}>
              {data.status}
            </Badge>
            {data.commander ? <span className="text-sm">Commander: {data.commander.name}</span> : null}
            {data.timeToResolveMinutes !== null ? (
              <span className="text-sm">Resolved in {data.timeToResolveMinutes} min</span>
            ) : null}
          </div>
          {canUpdate ? (
            <div className="flex flex-wrap gap-2" aria-label="Change status" role="group">
              {nextStatuses(data.status).map((s) => (
                <Button
                  key={s}
                  variant={s === 'resolved' ? 'primary' : 'secondary'}
                  disabled={update.isPending}
                  onClick={() => change({ status: s })}
                >
                  {data.status === 'resolved' ? 'Reopen' : `Move to ${s}`}
                </Button>
              ))}
            </div>
          ) : null}
          {data.summary ? <MarkdownView source={data.summary} workspaceId={workspaceId} /> : null}
          <TaskKeyLinks workspaceId={workspaceId} tasks={data.tasks} />

          <section aria-labelledby="timeline-heading" className="flex flex-col gap-2">
            <h2 id="timeline-heading" className="text-lg font-semibold">
              Timeline
            </h2>
            <ol
              className="flex flex-col gap-2 border-l-2 border-slate-200 pl-4 dark:border-slate-700"
              aria-label="Timeline"
              data-testid="timeline"
            >
              {data.timeline.map((e) => (
                <li key={e.id} className="text-sm">
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    {formatInstant(e.createdAt, zone)}
                  </span>{' '}
                  {e.kind === 'note' ? <strong>{e.actor?.name ?? 'Someone'}:</strong> : null} {e.message}
                </li>
              ))}
            </ol>
            {canUpdate ? (
              <form
                aria-label="Add a note"
                className="flex flex-wrap items-end gap-2"
                onSubmit={(ev) => {
                  ev.preventDefault();
                  if (note.trim()) addNote.mutate(note, { onSuccess: () => setNote(''), onError });
                }}
              >
                <TextField
                  label="Note"
                  className="min-w-60 flex-1"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
                <Button type="submit" variant="secondary" disabled={!note.trim() || addNote.isPending}>
                  Add to timeline
                </Button>
              </form>
            ) : null}
          </section>

          <section aria-labelledby="postmortem-heading" className="flex flex-col gap-2">
            <h2 id="postmortem-heading" className="text-lg font-semibold">
              Postmortem
            </h2>
            {canUpdate ? (
              <PostmortemEditor
                workspaceId={workspaceId}
                saved={data.postmortem ?? ''}
                busy={update.isPending}
                onSave={(postmortem) => change({ postmortem })}
              />
            ) : null}
            {canUpdate && data.postmortem ? (
              <ActionItemsToTasks workspaceId={workspaceId} incidentId={incidentId} />
            ) : null}
            {canUpdate ? null : data.postmortem ? (
              <MarkdownView source={data.postmortem} workspaceId={workspaceId} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">No postmortem yet.</p>
            )}
          </section>
        </>
      )}
    </AreaPage>
  );
}

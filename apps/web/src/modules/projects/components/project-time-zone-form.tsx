'use client';

import type { Project } from '@teamflow/contracts/projects';
import { useState } from 'react';
import { ApiError } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TimeZonePicker } from '@/modules/ui/components/time-zone-picker';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useProject, useUpdateProject } from '../hooks/use-projects';

function ZoneForm({ project, workspaceZone }: { project: Project; workspaceZone: string }) {
  const update = useUpdateProject(project.workspaceId, project.id);
  const [ownZone, setOwnZone] = useState(project.timeZone !== null);
  const [zone, setZone] = useState(project.timeZone ?? workspaceZone);
  const [error, setError] = useState<string>();
  const wanted = ownZone ? zone : null;
  const dirty = wanted !== project.timeZone;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await update.mutateAsync({ version: project.version, timeZone: wanted });
      showToast({ tone: 'success', title: 'Project time zone saved' });
    } catch (failure) {
      const field =
        failure instanceof ApiError ? failure.fieldErrors.find((f) => f.field === 'timeZone') : undefined;
      setError(field?.message ?? (failure as Error).message);
    }
  };

  return (
    <form
      onSubmit={(event) => void save(event)}
      noValidate
      aria-label="Project time zone"
      className="flex flex-col gap-4"
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4 accent-indigo-600"
          checked={ownZone}
          onChange={(event) => setOwnZone(event.target.checked)}
        />
        This project works in its own time zone (otherwise the workspace&apos;s, {workspaceZone})
      </label>
      {ownZone ? (
        <TimeZonePicker
          label="Project time zone"
          value={zone}
          onChange={setZone}
          hint="Recurring tasks, template dates and sprint starts of this project follow this zone."
        />
      ) : null}
      <FormError message={error} />
      <div>
        <Button type="submit" disabled={!dirty || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save time zone'}
        </Button>
      </div>
    </form>
  );
}

/** Project settings → time zone: its own IANA zone, or the workspace's (owners and admins change it). */
export function ProjectTimeZoneSettings({
  workspaceId,
  projectId,
}: {
  workspaceId: string;
  projectId: string;
}) {
  const project = useProject(projectId);
  const { workspace } = useWorkspace(workspaceId);
  const canUpdate = useCan(workspaceId, 'project.update');

  return (
    <section aria-labelledby="project-zone-heading" className="flex flex-col gap-3">
      <h2 id="project-zone-heading" className="text-lg font-semibold">
        Time zone
      </h2>
      {project.isPending || !workspace ? (
        <SkeletonList label="Loading the project" rows={1} />
      ) : project.isError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          Could not load the project: {project.error.message}
        </p>
      ) : canUpdate ? (
        // Keyed by version, so a save (or someone else's) starts the form from what is stored.
        <ZoneForm key={project.data.version} project={project.data} workspaceZone={workspace.timeZone} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This project&apos;s dates are in{' '}
          {project.data.timeZone ?? `the workspace's zone (${workspace.timeZone})`}. Owners and admins can
          change it.
        </p>
      )}
    </section>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import {
  IncidentCreate,
  type Incident,
  type IncidentSeverity,
  type IncidentStatus,
} from '@teamflow/contracts/incidents';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { formatInstant } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SelectField } from '@/modules/ui/components/select-field';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useRouter } from 'next/navigation';
import { useDeclareIncident, useIncidents } from '../hooks/use-incidents';
import { AreaPage, Badge, type Tone } from './area-page';

export const SEVERITY_TONE: Record<IncidentSeverity, Tone> = {
  sev1: 'rose',
  sev2: 'rose',
  sev3: 'amber',
  sev4: 'slate',
};
export const INCIDENT_STATUS_TONE: Record<IncidentStatus, Tone> = {
  investigating: 'rose',
  identified: 'amber',
  monitoring: 'indigo',
  resolved: 'emerald',
};
const SEVERITIES = [
  ['sev1', 'SEV1 · critical'],
  ['sev2', 'SEV2 · major'],
  ['sev3', 'SEV3 · minor'],
  ['sev4', 'SEV4 · low'],
] as const;

function DeclareIncidentForm({ workspaceId }: { workspaceId: string }) {
  const declare = useDeclareIncident(workspaceId);
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(IncidentCreate),
    defaultValues: { title: '', severity: 'sev3' as const },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const incident = await declare.mutateAsync(values);
      router.push(`/w/${workspaceId}/incidents/${incident.id}`);
    } catch (error) {
      applyApiErrors(error, form.setError, ['title', 'severity']);
    }
  });
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Declare an incident"
      className="flex flex-wrap items-start gap-3"
    >
      <TextField
        label="What is broken?"
        className="min-w-60 flex-1"
        error={errors.title?.message}
        {...form.register('title')}
      />
      <SelectField label="Severity" options={SEVERITIES} {...form.register('severity')} />
      <Button type="submit" variant="danger" className="mt-6" disabled={isSubmitting}>
        Declare incident
      </Button>
      <FormError message={errors.root?.message} />
    </form>
  );
}

export function IncidentRow({ workspaceId, incident }: { workspaceId: string; incident: Incident }) {
  const zone = useTimeZone();
  return (
    <li
      data-testid="incident"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Link
          href={`/w/${workspaceId}/incidents/${incident.id}`}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {incident.key} {incident.title}
        </Link>
        <Badge tone={SEVERITY_TONE[incident.severity]}>{incident.severity.toUpperCase()}</Badge>
        <Badge tone={INCIDENT_STATUS_TONE[incident.status]}>{incident.status}</Badge>
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Declared {formatInstant(incident.createdAt, zone)} by {incident.declaredBy.name}
        {incident.commander ? ` · commander ${incident.commander.name}` : ''}
        {incident.timeToResolveMinutes !== null ? ` · resolved in ${incident.timeToResolveMinutes} min` : ''}
      </p>
    </li>
  );
}

/** Incidents by status and severity; declaring one opens its page. */
export function IncidentsPage({ workspaceId }: { workspaceId: string }) {
  const [status, setStatus] = useState('');
  const [severity, setSeverity] = useState('');
  const incidents = useIncidents(workspaceId, {
    ...(status ? { status } : {}),
    ...(severity ? { severity } : {}),
  });
  const canDeclare = useCan(workspaceId, 'incident.create');
  return (
    <AreaPage
      workspaceId={workspaceId}
      title="Incidents"
      intro="Declare, run and close incidents with a timeline everyone can follow."
    >
      {canDeclare ? <DeclareIncidentForm workspaceId={workspaceId} /> : null}
      <div className="flex flex-wrap gap-3">
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            ['', 'Any status'],
            ['investigating', 'Investigating'],
            ['identified', 'Identified'],
            ['monitoring', 'Monitoring'],
            ['resolved', 'Resolved'],
          ]}
        />
        <SelectField
          label="Severity"
          value={severity}
          onChange={(e) => setSeverity(e.target.value)}
          options={[['', 'Any severity'], ...SEVERITIES]}
        />
      </div>
      {incidents.isPending ? (
        <SkeletonList label="Loading incidents" rows={3} />
      ) : incidents.isError && !incidents.items.length ? (
        // A register that could not be read is not an empty one.
        <FormError message={`The incidents could not be loaded: ${incidents.error.message}`} />
      ) : incidents.items.length ? (
        <ul className="flex flex-col gap-3" aria-label="Incidents">
          {incidents.items.map((i) => (
            <IncidentRow key={i.id} workspaceId={workspaceId} incident={i} />
          ))}
        </ul>
      ) : (
        <EmptyState title="No incidents">
          Nothing on fire. When something is, declare it above so everyone can follow.
        </EmptyState>
      )}
      <ShowMoreButton feed={incidents}>Show older incidents</ShowMoreButton>
    </AreaPage>
  );
}

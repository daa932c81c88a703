'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { WorkspaceCreate, type Workspace, type WorkspaceUpdate } from '@teamflow/contracts/workspaces';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { TimeZonePicker } from '@/modules/ui/components/time-zone-picker';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '../hooks/use-permission';
import { useUpdateWorkspace, useWorkspace } from '../hooks/use-workspaces';
import { WebhookSettings } from '@/modules/webhooks/components/webhook-settings';
import { IntegrationSettings } from '@/modules/integrations/components/integration-settings';

// Every field is shown, so every field is required here; only the changed ones are sent.
const WorkspaceSettings = WorkspaceCreate.required();
const FIELDS = ['name', 'slug', 'timeZone'] as const;

function WorkspaceSettingsForm({ workspace }: { workspace: Workspace }) {
  const update = useUpdateWorkspace(workspace.id);
  const saved = { name: workspace.name, slug: workspace.slug, timeZone: workspace.timeZone };
  const form = useForm({ resolver: zodResolver(WorkspaceSettings), defaultValues: saved });
  const { errors, isSubmitting, isDirty, dirtyFields } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const body: WorkspaceUpdate = {};
    for (const field of FIELDS) if (dirtyFields[field]) body[field] = values[field];
    try {
      const next = await update.mutateAsync(body);
      form.reset({ name: next.name, slug: next.slug, timeZone: next.timeZone });
      showToast({ tone: 'success', title: 'Workspace settings saved' });
    } catch (error) {
      applyApiErrors(error, form.setError, FIELDS);
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Workspace settings"
      className="flex max-w-md flex-col gap-4"
    >
      <TextField label="Name" error={errors.name?.message} {...form.register('name')} />
      <TextField
        label="URL slug"
        hint="Lowercase letters, digits and single dashes."
        error={errors.slug?.message}
        {...form.register('slug')}
      />
      <Controller
        control={form.control}
        name="timeZone"
        render={({ field }) => (
          <TimeZonePicker
            label="Time zone"
            value={field.value}
            onChange={field.onChange}
            error={errors.timeZone?.message}
            hint="The team's days: daily digests and check-in reminders follow this zone."
          />
        )}
      />
      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={!isDirty || isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save settings'}
        </Button>
        {isDirty ? (
          <Button variant="ghost" onClick={() => form.reset(saved)}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * `/w/:workspaceId/settings`: the workspace's name, URL slug and time zone, changed by its owners;
 * its webhooks and integrations; then `children`, the sections of modules that build on this one
 * (the route composes them, since a module here may not import them back).
 */
export function WorkspaceSettingsPage({
  workspaceId,
  children,
}: {
  workspaceId: string;
  children?: ReactNode;
}) {
  const { workspace, isPending } = useWorkspace(workspaceId);
  const canUpdate = useCan(workspaceId, 'workspace.update');
  const canManageWebhooks = useCan(workspaceId, 'webhook.manage');
  const canManageIntegrations = useCan(workspaceId, 'integration.manage');
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href={`/w/${workspaceId}`} className="hover:text-indigo-700">
          {workspace?.name ?? 'Workspace'}
        </Link>{' '}
        / Settings
      </nav>
      <h1 className="text-2xl font-bold tracking-tight">Workspace settings</h1>
      {isPending ? (
        <SkeletonList rows={3} label="Loading the workspace" />
      ) : !workspace ? (
        <EmptyState title="Workspace not found">
          You are not a member of this workspace, or it was deleted.
        </EmptyState>
      ) : canUpdate ? (
        <section className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900">
          <WorkspaceSettingsForm key={workspace.updatedAt} workspace={workspace} />
        </section>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Only an owner can change this workspace’s name, URL and time zone. It is{' '}
          <strong>{workspace.name}</strong> ({workspace.slug}), in {workspace.timeZone}.
        </p>
      )}
      {workspace ? <WebhookSettings workspaceId={workspaceId} canManage={canManageWebhooks} /> : null}
      {workspace ? <IntegrationSettings workspaceId={workspaceId} canManage={canManageIntegrations} /> : null}
      {workspace ? children : null}
    </main>
  );
}

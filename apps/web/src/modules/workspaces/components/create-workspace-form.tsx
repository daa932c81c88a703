'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { WorkspaceCreate } from '@teamflow/contracts/workspaces';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useCreateWorkspace } from '../hooks/use-workspaces';

export function CreateWorkspaceForm() {
  const router = useRouter();
  const createWorkspace = useCreateWorkspace();
  const form = useForm({ resolver: zodResolver(WorkspaceCreate), defaultValues: { name: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const workspace = await createWorkspace.mutateAsync(values);
      router.push(`/w/${workspace.id}`);
    } catch (error) {
      applyApiErrors(error, form.setError, ['name', 'slug']);
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Create a workspace"
      className="flex flex-col gap-3"
    >
      <div className="flex items-end gap-3">
        <TextField
          label="New workspace name"
          placeholder="Acme Inc."
          className="flex-1"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Button type="submit" disabled={isSubmitting}>
          Create workspace
        </Button>
      </div>
      <FormError message={errors.root?.message ?? errors.slug?.message} />
    </form>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { ProjectCreate } from '@teamflow/contracts/projects';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useCreateProject } from '../hooks/use-projects';

export function CreateProjectForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const createProject = useCreateProject(workspaceId);
  const form = useForm({ resolver: zodResolver(ProjectCreate), defaultValues: { name: '', key: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const project = await createProject.mutateAsync(values);
      router.push(`/w/${workspaceId}/p/${project.id}`);
    } catch (error) {
      applyApiErrors(error, form.setError, ['name', 'key']);
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Create a project"
      className="flex flex-col gap-3"
    >
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label="Project name"
          placeholder="Website relaunch"
          className="min-w-56 flex-1"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextField
          label="Key (optional)"
          placeholder="WEB"
          hint="Prefix of task keys, e.g. WEB-12"
          className="w-40"
          error={errors.key?.message}
          {...form.register('key', { setValueAs: (v: string) => (v.trim() === '' ? undefined : v) })}
        />
        <Button type="submit" disabled={isSubmitting} className="mt-6">
          Create project
        </Button>
      </div>
      <FormError message={errors.root?.message} />
    </form>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { SprintCreate } from '@teamflow/contracts/sprints';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useCreateSprint } from '../hooks/use-sprints';

const optional = (v: string) => (v.trim() === '' ? undefined : v);

export function CreateSprintForm({ projectId, suggestedName }: { projectId: string; suggestedName: string }) {
  const create = useCreateSprint(projectId);
  const form = useForm({
    resolver: zodResolver(SprintCreate),
    defaultValues: { name: suggestedName, startDate: undefined, endDate: undefined },
  });
  const { errors, isSubmitting } = form.formState;
  // The suggested name follows the sprint count, but never overwrites what the user typed.
  useEffect(() => {
    if (!form.getFieldState('name').isDirty) form.setValue('name', suggestedName);
  }, [suggestedName, form]);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      form.reset({ name: '', startDate: undefined, endDate: undefined });
    } catch (error) {
      applyApiErrors(error, form.setError, ['name', 'startDate', 'endDate']);
    }
  });
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Create a sprint"
      className="flex flex-col gap-2"
    >
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label="Sprint name"
          className="min-w-48 flex-1"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextField
          label="Starts"
          type="date"
          className="w-40"
          error={errors.startDate?.message}
          {...form.register('startDate', { setValueAs: optional })}
        />
        <TextField
          label="Ends"
          type="date"
          className="w-40"
          error={errors.endDate?.message}
          {...form.register('endDate', { setValueAs: optional })}
        />
        <Button type="submit" disabled={isSubmitting} className="mt-6">
          Create sprint
        </Button>
      </div>
      <FormError message={errors.root?.message} />
    </form>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { DecisionCreate } from '@teamflow/contracts/decisions';
import { useRouter } from 'next/navigation';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { ApiError } from '@/lib/api-error';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SelectField } from '@/modules/ui/components/select-field';
import { TextField } from '@/modules/ui/components/text-field';
import { useRecordDecision } from '../hooks/use-decisions';

/** A new decision with MADR fields: context, decision, the options considered, consequences. */
export function DecisionForm({ workspaceId, supersedesId }: { workspaceId: string; supersedesId?: string }) {
  const record = useRecordDecision(workspaceId);
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(DecisionCreate),
    defaultValues: {
      title: '',
      context: '',
      decision: '',
      consequences: '',
      status: supersedesId ? 'accepted' : 'proposed',
      alternatives: [] as { title: string; pros?: string; cons?: string }[],
      supersedesId,
    },
  });
  const alternatives = useFieldArray({ control: form.control, name: 'alternatives' });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const decision = await record.mutateAsync({
        ...values,
        consequences: values.consequences || undefined,
      });
      router.push(`/w/${workspaceId}/decisions/${decision.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.setError('root', {
          message: 'Only an accepted decision can be superseded, and this one no longer is.',
        });
        return;
      }
      applyApiErrors(error, form.setError, ['title', 'context', 'decision', 'consequences', 'status']);
    }
  });
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Record a decision"
      className="flex flex-col gap-4"
    >
      <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
      {(
        [
          ['context', 'Context: what is the problem?'],
          ['decision', 'Decision: what did you decide?'],
          ['consequences', 'Consequences (optional)'],
        ] as const
      ).map(([name, label]) => (
        <Controller
          key={name}
          control={form.control}
          name={name}
          render={({ field }) => (
            <MarkdownEditor
              label={label}
              workspaceId={workspaceId}
              name={name}
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              rows={3}
              error={errors[name]?.message}
            />
          )}
        />
      ))}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Options considered</legend>
        {alternatives.fields.map((f, i) => (
          <div
            key={f.id}
            className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
          >
            <TextField
              label={`Option ${i + 1}`}
              error={errors.alternatives?.[i]?.title?.message}
              {...form.register(`alternatives.${i}.title`)}
            />
            <TextField label="Pros" {...form.register(`alternatives.${i}.pros`)} />
            <TextField label="Cons" {...form.register(`alternatives.${i}.cons`)} />
            <Button
              variant="ghost"
              className="mt-6"
              onClick={() => alternatives.remove(i)}
              aria-label={`Remove option ${i + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        <div>
          <Button variant="secondary" onClick={() => alternatives.append({ title: '', pros: '', cons: '' })}>
            Add an option
          </Button>
        </div>
      </fieldset>
      <div className="max-w-48">
        <SelectField
          label="Status"
          options={[
            ['proposed', 'Proposed'],
            ['accepted', 'Accepted'],
          ]}
          {...form.register('status')}
        />
      </div>
      <FormError message={errors.root?.message} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {supersedesId ? 'Record and supersede' : 'Record decision'}
        </Button>
      </div>
    </form>
  );
}

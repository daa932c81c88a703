'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AwayRange } from '@teamflow/contracts/check-ins';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { formatLocalDateRange } from '@/lib/local-dates';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useAwayRanges, useSetAwayRanges } from '../hooks/use-check-ins';

/** "I'm away": days off in your own zone. No reminders then, and the digest lists you as away. */
export function AwayForm() {
  const ranges = useAwayRanges();
  const save = useSetAwayRanges();
  const form = useForm({ resolver: zodResolver(AwayRange), defaultValues: { from: '', to: '', note: '' } });
  const { errors, isSubmitting } = form.formState;
  const current = ranges.data?.ranges ?? [];
  const keep = current.map((r) => ({ from: r.from, to: r.to, note: r.note ?? undefined }));
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ ranges: [...keep, { ...values, note: values.note || undefined }] });
      form.reset();
    } catch (error) {
      applyApiErrors(error, form.setError, ['from', 'to', 'note']);
    }
  });
  return (
    <div className="flex flex-col gap-3">
      {current.length ? (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Your away days">
          {current.map((r, i) => (
            <li key={r.id} className="flex items-center gap-2">
              <span>
                {formatLocalDateRange(r.from, r.to, 'medium')}
                {r.note ? ` · ${r.note}` : ''}
              </span>
              <Button
                variant="ghost"
                aria-label={`Remove away days from ${r.from}`}
                onClick={() => save.mutate({ ranges: keep.filter((_, j) => j !== i) })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No away days. Add them so nobody counts you missing.
        </p>
      )}
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-label="I'm away"
        className="flex flex-wrap items-start gap-3"
      >
        <TextField label="Away from" type="date" error={errors.from?.message} {...form.register('from')} />
        <TextField label="Until" type="date" error={errors.to?.message} {...form.register('to')} />
        <TextField
          label="Note"
          className="min-w-40 flex-1"
          error={errors.note?.message}
          {...form.register('note')}
        />
        <Button type="submit" variant="secondary" className="mt-6" disabled={isSubmitting}>
          I&apos;m away
        </Button>
        <FormError message={errors.root?.message} />
      </form>
    </div>
  );
}

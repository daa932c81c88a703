'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { StatusUpdateCreate } from '@teamflow/contracts/status-updates';
import { MOOD_QUORUM } from '@teamflow/contracts/digests';
import { useEffect, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ApiError } from '@/lib/api-error';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { usePostStatusUpdate, useStatusUpdateDraft } from '../hooks/use-check-ins';

const MOODS = [
  [1, 'Rough'],
  [2, 'Meh'],
  [3, 'Okay'],
  [4, 'Good'],
  [5, 'Great'],
] as const;

/** Today's check-in, prefilled from the draft of your own activity; every field stays editable. */
/** "2 unfinished lines and 1 open blocker": only the parts there are. */
function carriedText(draft: { carriedDoing: unknown[]; openBlockers: unknown[] }): string {
  const lines = draft.carriedDoing.length;
  const blockers = draft.openBlockers.length;
  return [
    lines ? `${lines} unfinished line${lines === 1 ? '' : 's'}` : '',
    blockers ? `${blockers} open blocker${blockers === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

export function CheckInForm({ workspaceId, date }: { workspaceId: string; date: string }) {
  const draft = useStatusUpdateDraft(workspaceId, true);
  const post = usePostStatusUpdate(workspaceId);
  const form = useForm({
    resolver: zodResolver(StatusUpdateCreate),
    defaultValues: { date, done: '', doing: '', blockers: '', mood: undefined as number | undefined },
  });
  const filled = useRef(false);
  // The draft fills the form once, and never over what the person already typed.
  useEffect(() => {
    if (!draft.data || filled.current) return;
    filled.current = true;
    for (const field of ['done', 'doing', 'blockers'] as const) {
      if (!form.getFieldState(field).isDirty) form.setValue(field, draft.data.text[field]);
    }
  }, [draft.data, form]);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await post.mutateAsync({ ...values, date });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.setError('root', {
          message: 'You already checked in for this day; your update is in the feed below.',
        });
        return;
      }
      applyApiErrors(error, form.setError, ['done', 'doing', 'blockers', 'mood']);
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Check in" className="flex flex-col gap-4">
      {draft.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Reading your activity for a draft…</p>
      ) : null}
      {draft.data?.carriedDoing.length || draft.data?.openBlockers.length ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Carried forward from your last update: {carriedText(draft.data)}.
        </p>
      ) : null}
      {(
        [
          ['done', 'Done since your last update'],
          ['doing', 'Doing next'],
          ['blockers', 'Blockers (each line opens a blocker)'],
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
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={name}
              rows={3}
              error={errors[name]?.message}
            />
          )}
        />
      ))}
      <Controller
        control={form.control}
        name="mood"
        render={({ field }) => (
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
              Mood (optional, only you see it; the team sees an average of {MOOD_QUORUM} or more)
            </legend>
            <div className="flex flex-wrap gap-2">
              {MOODS.map(([value, text]) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-600 dark:has-[:checked]:bg-indigo-950"
                >
                  <input
                    type="radio"
                    name="mood"
                    value={value}
                    checked={field.value === value}
                    onChange={() => field.onChange(value)}
                  />
                  {value} · {text}
                </label>
              ))}
              {field.value !== undefined ? (
                <Button variant="ghost" onClick={() => field.onChange(undefined)}>
                  Clear mood
                </Button>
              ) : null}
            </div>
          </fieldset>
        )}
      />
      <FormError message={errors.root?.message} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          Post check-in
        </Button>
      </div>
    </form>
  );
}

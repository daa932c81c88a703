'use client';

import { LabelCreate, type Label } from '@teamflow/contracts/labels';
import { useId, useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';
import { useCreateLabel } from '../hooks/use-create-label';

const SWATCHES = ['#6b7280', '#ef4444', '#f59e0b', '#10b981', '#0ea5e9', '#6366f1', '#d946ef'];

/** Name and colour of a new workspace label; `onCreated` gets it (the picker ticks it on the task). */
export function NewLabelForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (label: Label) => void;
}) {
  const create = useCreateLabel(workspaceId);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [color, setColor] = useState(SWATCHES[4]!);
  const [error, setError] = useState<string>();
  const id = useId();

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="self-start text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        + New label
      </button>
    );

  const submit = () => {
    const parsed = LabelCreate.safeParse({ name, color });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the name and colour');
      return;
    }
    setError(undefined);
    create.mutate(parsed.data, {
      onSuccess: (label) => {
        setName('');
        setOpen(false);
        onCreated(label);
      },
      onError: (e) =>
        setError(isApiError(e, 409) ? `A label named “${parsed.data.name}” already exists` : e.message),
    });
  };

  return (
    <div
      role="group"
      aria-label="New label"
      className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
    >
      <label htmlFor={`${id}-name`} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Label name
      </label>
      <input
        id={`${id}-name`}
        value={name}
        maxLength={40}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          }
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      />
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Colour</legend>
        {SWATCHES.map((swatch) => (
          <button
            key={swatch}
            type="button"
            aria-label={`Colour ${swatch}`}
            aria-pressed={color === swatch}
            onClick={() => setColor(swatch)}
            className="h-6 w-6 rounded-full border-2 aria-pressed:border-slate-900 dark:aria-pressed:border-white"
            style={{ backgroundColor: swatch, borderColor: color === swatch ? undefined : 'transparent' }}
          />
        ))}
        <input
          type="color"
          aria-label="Custom colour"
          value={color}
          onChange={(event) => setColor(event.target.value)}
          className="h-6 w-8 cursor-pointer rounded border-0 bg-transparent"
        />
      </fieldset>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button disabled={create.isPending} onClick={submit}>
          {create.isPending ? 'Creating…' : 'Create label'}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

'use client';

import * as Dialog from '@radix-ui/react-dialog';
import type { Sprint, SprintRollover } from '@teamflow/contracts/sprints';
import { useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';

interface CompleteSprintDialogProps {
  sprint: Sprint | null;
  unfinished: number;
  plannedSprints: Sprint[];
  pending: boolean;
  error?: string;
  onClose: () => void;
  onComplete: (rollover: SprintRollover) => void;
}

/** Completing a sprint asks where its unfinished tasks go: the backlog or a planned sprint. */
export function CompleteSprintDialog({
  sprint,
  unfinished,
  plannedSprints,
  pending,
  error,
  onClose,
  onComplete,
}: CompleteSprintDialogProps) {
  const [target, setTarget] = useState('backlog');
  const submit = () =>
    onComplete(target === 'backlog' ? { to: 'backlog' } : { to: 'sprint', sprintId: target });
  return (
    <Dialog.Root open={sprint !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold">Complete {sprint?.name}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {unfinished === 0
              ? 'Every task in this sprint is finished.'
              : `${unfinished} unfinished ${unfinished === 1 ? 'task' : 'tasks'} will move to:`}
          </Dialog.Description>
          {unfinished > 0 ? (
            <fieldset className="mt-4 flex flex-col gap-2 text-sm">
              <legend className="sr-only">Where unfinished tasks go</legend>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="rollover"
                  value="backlog"
                  checked={target === 'backlog'}
                  onChange={() => setTarget('backlog')}
                />
                The backlog
              </label>
              {plannedSprints.map((s) => (
                <label key={s.id} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="rollover"
                    value={s.id}
                    checked={target === s.id}
                    onChange={() => setTarget(s.id)}
                  />
                  {s.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="mt-4">
            <FormError message={error} />
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button onClick={submit} disabled={pending}>
              {pending ? 'Completing…' : 'Complete sprint'}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

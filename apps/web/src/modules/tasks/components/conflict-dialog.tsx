'use client';

import * as Dialog from '@radix-ui/react-dialog';
import type { Task } from '@teamflow/contracts/tasks';
import { Button } from '@/modules/ui/components/button';
import { STATUS_LABEL } from '../task-status';
import { useConflictStore, type ConflictField } from '../stores/conflict-store';

const FIELD_LABEL: Record<ConflictField, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  storyPoints: 'Points',
  dueDate: 'Due date',
  place: 'Place on the board',
};

function theirValue(task: Task, field: ConflictField): string {
  switch (field) {
    case 'status':
      return STATUS_LABEL[task.status];
    case 'place':
      return `${STATUS_LABEL[task.status]} column`;
    case 'storyPoints':
      return task.storyPoints === null ? '—' : String(task.storyPoints);
    default:
      return task[field] ?? '—';
  }
}

/** Shown when a write was stale: the server's version against the user's, and the user decides. */
export function ConflictDialog() {
  const conflict = useConflictStore((s) => s.conflict);
  const close = useConflictStore((s) => s.close);
  const fields = conflict ? (Object.keys(conflict.mine) as ConflictField[]) : [];

  return (
    <Dialog.Root open={conflict !== null} onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white dark:bg-slate-900 p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">
            Someone else changed {conflict?.theirs.key}
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Your change was not saved because the task is now at version {conflict?.theirs.version}. Choose
            which to keep.
          </Dialog.Description>
          {conflict ? (
            <table className="mt-4 w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700 text-slate-500 dark:text-slate-400">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Field
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Theirs (v{conflict.theirs.version})
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Yours
                  </th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => (
                  <tr key={field} className="border-b border-slate-100 dark:border-slate-800 align-top">
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-700 dark:text-slate-300">
                      {FIELD_LABEL[field]}
                    </th>
                    <td className="py-2 pr-3 break-words whitespace-pre-wrap">
                      {theirValue(conflict.theirs, field)}
                    </td>
                    <td className="py-2 break-words whitespace-pre-wrap">{conflict.mine[field] || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="mt-6 flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                conflict?.keepTheirs(conflict.theirs);
                close();
              }}
            >
              Keep theirs
            </Button>
            <Button
              onClick={() => {
                conflict?.applyMine(conflict.theirs);
                close();
              }}
            >
              Apply mine again
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

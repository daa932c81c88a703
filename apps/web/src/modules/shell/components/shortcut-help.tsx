'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useOverlayStore } from '../stores/overlay-store';

const SHORTCUTS = [
  ['Ctrl K / ⌘ K', 'Open the command palette'],
  ['c', 'New task (on a board)'],
  ['/', 'Search or filter'],
  ['j / k', 'Select the next / previous task (board and list)'],
  ['e', 'Open the selected task and edit its title'],
  ['?', 'Show this help'],
] as const;

export function ShortcutHelp() {
  const open = useOverlayStore((s) => s.open === 'help');
  const show = useOverlayStore((s) => s.show);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => show(next ? 'help' : null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <Dialog.Content className="fixed top-[20vh] left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 rounded-xl bg-white p-5 shadow-2xl dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="sr-only">Keys that work anywhere in TeamFlow.</Dialog.Description>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600">
                    {keys}
                  </kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <Dialog.Close className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">
            Close
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

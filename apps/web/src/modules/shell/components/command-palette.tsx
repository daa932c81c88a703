'use client';

import * as Dialog from '@radix-ui/react-dialog';
import dynamic from 'next/dynamic';
import { useOverlayStore } from '../stores/overlay-store';

// The menu (cmdk and the ranking) loads the first time the palette opens: every signed-in page
// mounts the palette, and none should pay for it in its first-load JS.
const CommandPaletteMenu = dynamic(() => import('./command-palette-menu'), {
  ssr: false,
  loading: () => (
    <input
      aria-label="Command"
      disabled
      placeholder="Loading…"
      className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800"
    />
  ),
});

export function CommandPalette() {
  const open = useOverlayStore((s) => s.open === 'palette');
  const show = useOverlayStore((s) => s.show);
  const close = () => show(null);

  return (
    <Dialog.Root open={open} onOpenChange={(next) => show(next ? 'palette' : null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <Dialog.Content className="fixed top-[15vh] left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 rounded-xl bg-white p-3 shadow-2xl dark:bg-slate-900">
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Dialog.Description className="sr-only">
            Type to find a task by key or title, a project or a page, or to run an action. Recent items come
            first.
          </Dialog.Description>
          <CommandPaletteMenu onClose={close} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

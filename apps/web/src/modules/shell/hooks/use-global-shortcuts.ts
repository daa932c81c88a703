'use client';

import { useParams, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useOverlayStore } from '../stores/overlay-store';
import { editSelectedTask, focusPageSearch, focusQuickAdd, moveTaskSelection } from './focus-targets';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Cmd/Ctrl-K opens the palette anywhere; `c`, `/`, `j`, `k`, `e` and `?` work when the user is not typing. */
export function useGlobalShortcuts(): void {
  const show = useOverlayStore((s) => s.show);
  const router = useRouter();
  const { workspaceId } = useParams<{ workspaceId?: string }>();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        show('palette');
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (useOverlayStore.getState().open) return;
      if (event.key === '?') {
        event.preventDefault();
        show('help');
      } else if (event.key === 'c') {
        if (focusQuickAdd()) event.preventDefault();
      } else if (event.key === 'j' || event.key === 'k') {
        if (moveTaskSelection(event.key === 'j' ? 1 : -1)) event.preventDefault();
      } else if (event.key === 'e') {
        if (editSelectedTask()) event.preventDefault();
      } else if (event.key === '/') {
        event.preventDefault();
        if (!focusPageSearch() && workspaceId) router.push(`/w/${workspaceId}/search`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show, router, workspaceId]);
}

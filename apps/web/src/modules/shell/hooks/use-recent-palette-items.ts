'use client';

import { useCallback, useState } from 'react';
import { RECENT_LIMIT, type PaletteGroup } from '../palette-ranking';

/**
 * What a recent palette item needs to be shown and run again before any data has loaded: its
 * label, and where it leads (a task, a path) or which action it was.
 */
export interface RecentPaletteItem {
  id: string;
  group: PaletteGroup;
  label: string;
  detail?: string;
  taskKey?: string;
  /** The workspace it belongs to; items of other workspaces are not offered. Absent: any. */
  workspaceId?: string;
  target:
    { kind: 'task'; taskId: string; projectId: string } | { kind: 'path'; path: string } | { kind: 'action' };
}

const storageKey = (userId: string) => `teamflow:palette-recent:${userId}`;

function read(userId: string): RecentPaletteItem[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(saved) ? (saved as RecentPaletteItem[]).slice(0, RECENT_LIMIT) : [];
  } catch {
    // Unreadable or unavailable storage: no recent items, the palette still works.
    return [];
  }
}

/** The user's recent palette items (newest first, at most RECENT_LIMIT), kept in localStorage per user. */
export function useRecentPaletteItems(userId: string | undefined) {
  const [items, setItems] = useState<RecentPaletteItem[]>(() => (userId ? read(userId) : []));

  const remember = useCallback(
    (item: RecentPaletteItem) => {
      if (!userId) return;
      const next = [item, ...read(userId).filter((i) => i.id !== item.id)].slice(0, RECENT_LIMIT);
      setItems(next);
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Full or blocked storage: remembered for this visit only.
      }
    },
    [userId],
  );

  return { items, remember };
}

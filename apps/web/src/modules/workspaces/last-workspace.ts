'use client';

import { useEffect } from 'react';
import { useSession } from '@/modules/auth/hooks/use-session';

// The workspace each person used last on this device, so signing in opens it (as Linear and Slack
// do) instead of the list of workspaces. Per user: two people may share a browser.
const storageKey = (userId: string) => `teamflow:last-workspace:${userId}`;

export function lastWorkspaceId(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    // Unreadable or unavailable storage: nothing remembered, the list is shown.
    return null;
  }
}

/** Remembers `workspaceId` as the signed-in person's last workspace while a page of it is open. */
export function useRememberLastWorkspace(workspaceId: string): void {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  useEffect(() => {
    if (!userId) return;
    try {
      localStorage.setItem(storageKey(userId), workspaceId);
    } catch {
      // Full or blocked storage: the next sign-in shows the list.
    }
  }, [userId, workspaceId]);
}

/**
 * Where signing in lands among the caller's workspaces: the one used last when it is still theirs,
 * else their only one; null (the list) when they have none, or several and none remembered.
 */
export function landingWorkspace(
  workspaces: readonly { id: string }[],
  lastId: string | null,
): string | null {
  if (lastId && workspaces.some((w) => w.id === lastId)) return lastId;
  return workspaces.length === 1 ? workspaces[0]!.id : null;
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { useSession } from '@/modules/auth/hooks/use-session';
import { useRealtimeRooms } from '../hooks/use-realtime-rooms';
import { startSync } from '../hooks/sync';
import { startRealtime, stopRealtime } from '../realtime-client';
import { useRealtimeStore } from '../stores/realtime-store';

/**
 * The signed-in shell's live connection: one socket for the session, the rooms of what is on
 * screen (workspace, project, the task open in the drawer), cache sync, and a banner while the
 * connection is down.
 */
export function RealtimeConnection() {
  const session = useSession();
  const queryClient = useQueryClient();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  const params = useParams<{ workspaceId?: string; projectId?: string }>();
  const taskId = useSearchParams().get('task');

  useEffect(() => {
    if (!userId) return;
    const stopSync = startSync(queryClient, userId);
    startRealtime();
    return () => {
      stopSync();
      stopRealtime();
    };
  }, [userId, queryClient]);

  useRealtimeRooms([
    params.workspaceId && `workspace:${params.workspaceId}`,
    params.projectId && `project:${params.projectId}`,
    taskId && `task:${taskId}`,
  ]);

  return <ReconnectingBanner />;
}

function ReconnectingBanner() {
  const status = useRealtimeStore((s) => s.status);
  if (status !== 'reconnecting') return null;
  return (
    <div
      role="status"
      className="sticky top-0 z-30 border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      Reconnecting… changes will sync when the connection is back
    </div>
  );
}

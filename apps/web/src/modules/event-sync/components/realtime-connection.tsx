'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { useSession } from '@/modules/auth/hooks/use-session';
import { useOnline } from '@/modules/offline/hooks/use-online';
import { ReconnectingBanner } from '@/modules/realtime/components/reconnecting-banner';
import { useRealtimeRooms } from '@/modules/realtime/hooks/use-realtime-rooms';
import { trackPresence } from '@/modules/realtime/presence';
import { startRealtime, stopRealtime } from '@/modules/realtime/realtime-client';
import { startSync } from '../sync';

/**
 * The signed-in shell's live connection: one socket for the session, the rooms of what is on
 * screen (workspace, project, the task open in the drawer), presence, cache sync, and a banner
 * while the connection is down.
 */
export function RealtimeConnection() {
  const session = useSession();
  const queryClient = useQueryClient();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  const params = useParams<{ workspaceId?: string; projectId?: string }>();
  const taskId = useSearchParams().get('task');
  // Offline, the offline banner says it (and what waits); "Reconnecting…" is for a socket that dropped.
  const online = useOnline();

  useEffect(() => {
    if (!userId) return;
    const stopSync = startSync(queryClient, userId);
    const stopPresence = trackPresence();
    startRealtime();
    return () => {
      stopSync();
      stopPresence();
      stopRealtime();
    };
  }, [userId, queryClient]);

  useRealtimeRooms([
    params.workspaceId && `workspace:${params.workspaceId}`,
    params.projectId && `project:${params.projectId}`,
    taskId && `task:${taskId}`,
  ]);

  return online ? <ReconnectingBanner /> : null;
}

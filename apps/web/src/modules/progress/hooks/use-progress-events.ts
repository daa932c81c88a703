'use client';

import { ServerEvent } from '@teamflow/contracts/events';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { useRealtimeEvent } from '@/modules/realtime/hooks/use-realtime-event';
import { showToast } from '@/modules/ui/toast';

const REASON: Record<string, string> = {
  self_farm: 'created and closed by you within 10 minutes',
  daily_cap: 'past the 200 XP a day',
};

/**
 * Toasts the caller's own XP, level-ups and achievements as they arrive (personal events, sent
 * only to `user:{id}`; the event sync follows workspace events only) and re-reads the progress
 * pages (mine, the leaderboard, the quest). Quiet when the workspace has gamification off: the
 * api sends none then.
 */
export function useProgressEvents(workspaceId: string): void {
  const queryClient = useQueryClient();
  const parse = (payload: unknown) => {
    const event = ServerEvent.safeParse(payload);
    if (!event.success || event.data.workspaceId !== workspaceId) return undefined;
    void queryClient.invalidateQueries({ queryKey: queryKeys.progress(workspaceId) });
    return event.data;
  };
  useRealtimeEvent('XP_AWARDED', (payload) => {
    const event = parse(payload);
    if (event?.type !== 'XP_AWARDED') return;
    const { xp, reason, label } = event.data.event;
    showToast({
      tone: xp > 0 ? 'success' : 'info',
      title: `+${xp} XP`,
      description: reason === 'earned' ? label : `${label} (${REASON[reason] ?? reason})`,
    });
  });
  useRealtimeEvent('LEVEL_UP', (payload) => {
    const event = parse(payload);
    if (event?.type === 'LEVEL_UP') showToast({ tone: 'success', title: `Level ${event.data.level}!` });
  });
  useRealtimeEvent('ACHIEVEMENT_UNLOCKED', (payload) => {
    const event = parse(payload);
    if (event?.type === 'ACHIEVEMENT_UNLOCKED')
      showToast({ tone: 'success', title: 'Achievement unlocked', description: event.data.achievement.name });
  });
}

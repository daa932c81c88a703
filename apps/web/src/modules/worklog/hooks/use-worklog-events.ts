'use client';

import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { useRealtimeEvent } from '@/modules/realtime/hooks/use-realtime-event';

/**
 * The analysis of an entry lands a moment after the last save (`WORKLOG_ENTRY_ANALYSED`, sent to
 * the author's own room): the day's entry, the timeline and insights re-read it. While the socket
 * is down the page polls instead (see JournalDayEditor).
 */
export function useWorklogEvents(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('WORKLOG_ENTRY_ANALYSED', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.worklog });
  });
}

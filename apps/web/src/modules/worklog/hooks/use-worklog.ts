'use client';

import {
  WorklogEntry,
  WorklogEntryPage,
  WorklogSearchResult,
  WorklogTimeline,
  type WorklogEntryCreate,
  type WorklogEntryUpdate,
} from '@teamflow/contracts/worklog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * The caller's entry of one local day, or null. A day may hold several (two tabs, an api client):
 * this is the one written last, the one to go on writing (the list answers a day's latest first).
 */
export function useDayEntry(date: string) {
  return useQuery({
    queryKey: queryKeys.worklogDay(date),
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ from: date, to: date, limit: '1' });
      const page = await apiRequest('GET', `/worklog/entries?${params.toString()}`, {
        schema: WorklogEntryPage,
        signal,
      });
      return page.items[0] ?? null;
    },
    // The editor owns the text once loaded (it adopts a refetched copy only when nothing is unsaved).
    staleTime: Infinity,
    // The analysis lands shortly after a save: a realtime event says so, and polling covers a
    // socket that is down.
    refetchInterval: (query) => (query.state.data?.analysis.status === 'pending' ? 2000 : false),
  });
}

export function useTimeline(from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.worklogTimeline(from, to),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/worklog/timeline?${new URLSearchParams({ from, to }).toString()}`, {
        schema: WorklogTimeline,
        signal,
      }),
  });
}

export function useWorklogSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.worklogSearch(q),
    enabled: q.trim().length > 0,
    queryFn: ({ signal }) =>
      apiRequest('GET', `/worklog/search?${new URLSearchParams({ q }).toString()}`, {
        schema: WorklogSearchResult,
        signal,
      }),
  });
}

/** Saves for the autosave: POST the first time, then PATCH with the version last seen. */
export function useSaveEntry() {
  const queryClient = useQueryClient();
  return async (existing: WorklogEntry | null, input: WorklogEntryCreate & Partial<WorklogEntryUpdate>) => {
    const saved = existing
      ? await apiRequest('PATCH', `/worklog/entries/${existing.id}`, {
          body: { body: input.body, version: input.version ?? existing.version },
          schema: WorklogEntry,
        })
      : await apiRequest('POST', '/worklog/entries', {
          body: { date: input.date, body: input.body, tags: input.tags },
          schema: WorklogEntry,
        });
    // The timeline and insights re-read it; the day's own query keeps what the editor shows.
    void queryClient.invalidateQueries({ queryKey: ['worklog', 'timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['worklog', 'insights'] });
    return saved;
  };
}

'use client';

import {
  ApiTokenCreated,
  ApiTokenList,
  CalendarFeed,
  type ApiTokenCreate,
} from '@teamflow/contracts/api-tokens';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Every token still in force: the settings page lists them all (the api pages them by 50). */
export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: ({ signal }) => apiGetAll('/me/api-tokens', { schema: ApiTokenList, signal }),
  });
}

export function useApiTokenMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
  const create = useMutation({
    mutationFn: (body: ApiTokenCreate) =>
      apiRequest('POST', '/me/api-tokens', { body, schema: ApiTokenCreated }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => apiRequest('DELETE', `/me/api-tokens/${tokenId}`),
    onSuccess: refresh,
  });
  return { create, revoke };
}

export function useCalendarFeed() {
  const queryClient = useQueryClient();
  const feed = useQuery({
    queryKey: queryKeys.calendarFeed,
    queryFn: ({ signal }) => apiRequest('GET', '/me/calendar', { schema: CalendarFeed, signal }),
  });
  const rotate = useMutation({
    mutationFn: () => apiRequest('POST', '/me/calendar/rotate', { schema: CalendarFeed }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.calendarFeed, data),
  });
  return { feed, rotate };
}

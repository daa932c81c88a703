'use client';

import { NotificationPreferences, type NotificationPreference } from '@teamflow/contracts/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/toast';

export function useNotificationPreferences() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', '/notifications/preferences', { schema: NotificationPreferences, signal }))
        .items,
  });
}

/** Saves one type's switches optimistically; a failure puts them back and says why. */
export function useUpdatePreference() {
  const queryClient = useQueryClient();
  const key = queryKeys.notificationPreferences;
  return useMutation({
    mutationFn: (item: NotificationPreference) =>
      apiRequest('PUT', '/notifications/preferences', {
        body: { items: [item] },
        schema: NotificationPreferences,
      }),
    onMutate: async (item) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<NotificationPreference[]>(key);
      queryClient.setQueryData<NotificationPreference[]>(queryKeys.notificationPreferences, (items) =>
        items?.map((i) => (i.type === item.type ? item : i)),
      );
      return { previous };
    },
    onError: (error, _item, context) => {
      queryClient.setQueryData(queryKeys.notificationPreferences, context?.previous);
      showToast({ tone: 'error', title: 'Preference not saved', description: error.message });
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.notificationPreferences, saved.items),
  });
}

'use client';

import {
  RedeliverAccepted,
  WebhookDeliveryPage,
  Webhook,
  WebhookList,
  WebhookWithSecret,
  type WebhookCreate,
  type WebhookUpdate,
} from '@teamflow/contracts/webhooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { usePagedFeed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';

/** Every webhook of the workspace: the settings page lists them all (the api pages them by 50). */
export function useWebhooks(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.webhooks(workspaceId),
    queryFn: ({ signal }) =>
      apiGetAll(`/workspaces/${workspaceId}/webhooks`, { schema: WebhookList, signal }),
    enabled,
  });
}

export function useCreateWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/webhooks`, { body, schema: WebhookWithSecret }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(workspaceId) }),
  });
}

/** Changes a webhook's URL, events, description, or switches it on and off. */
export function useUpdateWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ webhookId, body }: { webhookId: string; body: WebhookUpdate }) =>
      apiRequest('PATCH', `/webhooks/${webhookId}`, { body, schema: Webhook }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(workspaceId) }),
  });
}

export function useDeleteWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => apiRequest('DELETE', `/webhooks/${webhookId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(workspaceId) }),
  });
}

/**
 * The delivery log, newest first, 20 a page ("Show older deliveries" reads the next); polled while
 * open (every page shown), since deliveries change in the worker, not through events.
 */
export function useDeliveries(webhookId: string) {
  return usePagedFeed({
    queryKey: queryKeys.webhookDeliveries(webhookId),
    path: `/webhooks/${webhookId}/deliveries`,
    schema: WebhookDeliveryPage,
    pageSize: 20,
    refetchInterval: 5000,
  });
}

export function useRedeliver(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiRequest('POST', `/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, {
        schema: RedeliverAccepted,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(webhookId) }),
  });
}

'use client';

import { WatchState } from '@teamflow/contracts/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { Button } from '@/modules/ui/components/button';
import { showToast } from '@/modules/ui/toast';

/** Watch / stop watching a task: a watcher hears of every new comment on it. */
export function WatchButton({ taskId }: { taskId: string }) {
  const queryClient = useQueryClient();
  const key = queryKeys.taskWatch(taskId);
  const state = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiRequest('GET', `/tasks/${taskId}/watch`, { schema: WatchState, signal }),
  });
  const toggle = useMutation({
    mutationFn: (watch: boolean) =>
      apiRequest(watch ? 'PUT' : 'DELETE', `/tasks/${taskId}/watch`, { schema: WatchState }),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.taskWatch(taskId), next),
    onError: (error) =>
      showToast({ tone: 'error', title: 'Could not change watching', description: error.message }),
  });
  if (!state.data) return null;
  const watching = state.data.watching;
  return (
    <Button
      variant="ghost"
      aria-pressed={watching}
      disabled={toggle.isPending}
      onClick={() => toggle.mutate(!watching)}
      title={watching ? 'You hear of new comments on this task' : 'Hear of new comments on this task'}
    >
      {watching ? 'Watching' : 'Watch'}
    </Button>
  );
}

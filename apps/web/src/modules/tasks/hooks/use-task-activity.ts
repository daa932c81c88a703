'use client';

import { ActivityPage } from '@teamflow/contracts/activity';
import { usePagedFeed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';

/** The task's history, newest first, 50 a page ("Show older activity" reads the next). */
export function useTaskActivity(taskId: string) {
  return usePagedFeed({
    queryKey: queryKeys.taskActivity(taskId),
    path: `/tasks/${taskId}/activity`,
    schema: ActivityPage,
    pageSize: 50,
  });
}

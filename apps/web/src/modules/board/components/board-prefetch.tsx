'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useParams, usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { ensureAccessToken } from '@/lib/api-client';
import { projectQuery } from '@/modules/projects/hooks/use-projects';
import { boardTasksQuery } from '@/modules/tasks/hooks/use-board-tasks';

/**
 * On a page load of a board, asks for the project as soon as the refresh has given an access token
 * (beside `auth/me`), then for the columns' first pages, instead of after `auth/me` has answered
 * and the signed-in tree has rendered: the board then mounts onto a cache that has its title (the
 * page's LCP element). Rendered by the signed-in layout only while the session restores; the
 * board page's own queries pick up these fetches (same keys).
 */
export function BoardPrefetch() {
  const { projectId } = useParams<{ projectId?: string }>();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  // The board itself, not the project's list, calendar or sprint pages (they load other data).
  const boardProjectId = projectId && pathname.endsWith(`/p/${projectId}`) ? projectId : undefined;

  useEffect(() => {
    if (!boardProjectId) return;
    let mounted = true;
    void (async () => {
      // No session (or no network): the sign-in redirect or the offline restore takes over.
      if (!(await ensureAccessToken().catch(() => false)) || !mounted) return;
      // The title first (it is the page's LCP), beside auth/me only: the five column pages at the
      // same time slowed both answers by 100-250 ms on a loaded machine. Then the columns, even if
      // auth/me answered first and the board has mounted (this joins its fetch, or starts it
      // before the board's first render has committed).
      await queryClient.prefetchQuery(projectQuery(boardProjectId));
      void queryClient.prefetchQuery(boardTasksQuery(boardProjectId));
    })();
    return () => {
      mounted = false;
    };
  }, [boardProjectId, queryClient]);

  return null;
}

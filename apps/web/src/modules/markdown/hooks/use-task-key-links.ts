'use client';

import type { Project } from '@teamflow/contracts/projects';
import { SearchResults } from '@teamflow/contracts/search';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { cachedProjectTasks } from '@/modules/task-cache/task-cache';
import { taskKeysIn, type TaskLink } from '../task-key';

const NO_LINKS: ReadonlyMap<string, TaskLink> = new Map();

const taskPath = (workspaceId: string, taskId: string) => `/w/${workspaceId}/t/${taskId}`;

type FoundTask = { id: string; title: string } | null;

interface PendingLookup {
  key: string;
  resolve: (task: FoundTask) => void;
  reject: (error: unknown) => void;
}

// Keys asked for in the same turn (every text on a page renders in one) go out together: one search
// for up to this many keys (the api takes 50), instead of one request per key, which made a page
// of updates naming a few dozen tasks use up the per-user rate limit at once.
const KEYS_PER_SEARCH = 25;
const pending = new Map<string, PendingLookup[]>();

async function searchKeys(workspaceId: string, lookups: PendingLookup[]): Promise<void> {
  const keys = [...new Set(lookups.map((l) => l.key))];
  const params = new URLSearchParams({ q: keys.join(' '), limit: '100' });
  try {
    const { items } = await apiRequest('GET', `/workspaces/${workspaceId}/search?${params}`, {
      schema: SearchResults,
    });
    for (const lookup of lookups) {
      const hit = items.find((h) => h.type === 'task' && h.key === lookup.key);
      lookup.resolve(hit ? { id: hit.id, title: hit.title } : null);
    }
  } catch (error) {
    for (const lookup of lookups) lookup.reject(error);
  }
}

function flush(workspaceId: string): void {
  const lookups = pending.get(workspaceId) ?? [];
  pending.delete(workspaceId);
  for (let i = 0; i < lookups.length; i += KEYS_PER_SEARCH) {
    void searchKeys(workspaceId, lookups.slice(i, i + KEYS_PER_SEARCH));
  }
}

/** The task a key names, as the workspace's search finds it for this reader (null: none they may see). */
function lookUp(workspaceId: string, key: string): Promise<FoundTask> {
  return new Promise((resolve, reject) => {
    let lookups = pending.get(workspaceId);
    if (!lookups) {
      lookups = [];
      pending.set(workspaceId, lookups);
      setTimeout(() => flush(workspaceId));
    }
    lookups.push({ key, resolve, reject });
  });
}

/**
 * Links for the task keys a text names, for the tasks this reader may see: first from the caches
 * (the workspace's projects, a project's board), then from the workspace's search (which only
 * finds what the reader may see; the keys of every text on the page in one search). A key whose
 * project is not in the workspace is not looked up.
 */
export function useTaskKeyLinks(
  workspaceId: string | undefined,
  text: string,
): ReadonlyMap<string, TaskLink> {
  const queryClient = useQueryClient();
  const keys = useMemo(() => (workspaceId ? taskKeysIn(text) : []), [workspaceId, text]);

  const { cached, unknown } = useMemo(() => {
    const found = new Map<string, TaskLink>();
    const missing: string[] = [];
    if (!workspaceId) return { cached: found, unknown: missing };
    const projects = queryClient.getQueryData<Project[]>(queryKeys.projects(workspaceId));
    for (const key of keys) {
      const prefix = key.slice(0, key.lastIndexOf('-'));
      const project = projects?.find((p) => p.key === prefix);
      if (projects && !project) continue;
      const task = project && cachedProjectTasks(queryClient, project.id)?.find((t) => t.key === key);
      if (task) found.set(key, { href: taskPath(workspaceId, task.id), title: task.title });
      else missing.push(key);
    }
    return { cached: found, unknown: missing };
  }, [queryClient, workspaceId, keys]);

  const lookups = useQueries({
    queries: unknown.map((key) => ({
      queryKey: queryKeys.taskKeyLookup(workspaceId ?? '', key),
      queryFn: () => lookUp(workspaceId ?? '', key),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });

  // One string for what was found, so the map (and the renderer's plugins) change only when it does.
  const found = lookups
    .map((q, i) => (q.data ? `${unknown[i]}\u0000${q.data.id}\u0000${q.data.title}` : ''))
    .filter(Boolean)
    .join('\u0001');
  return useMemo(() => {
    if (!workspaceId || (cached.size === 0 && !found)) return NO_LINKS;
    const links = new Map(cached);
    for (const entry of found ? found.split('\u0001') : []) {
      const [key = '', id = '', title = ''] = entry.split('\u0000');
      links.set(key, { href: taskPath(workspaceId, id), title });
    }
    return links;
  }, [workspaceId, cached, found]);
}

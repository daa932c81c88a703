import { ActivityPage, type Activity } from '@teamflow/contracts/activity';
import { isWorkspaceEvent, ServerEvent } from '@teamflow/contracts/events';
import type { QueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/toast';
import { highlight } from '@/modules/realtime/highlights';
import { onJoined, onRealtime, onReconnected } from '@/modules/realtime/realtime-client';
import { applyEvent } from './apply-event';

// Past this many missed changes a refetch of what is on screen is cheaper than replaying them.
const MAX_CATCH_UP_PAGES = 5;
const PAGE = 100;

/** Everything cached for a workspace's screens is stale: refetch what is mounted. */
function invalidateWorkspace(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
}

/** A missed change, known only from its activity row: refetch exactly what it touched. */
function invalidateFor(queryClient: QueryClient, item: Activity): void {
  if (item.projectId) void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(item.projectId) });
  if (item.taskId) void queryClient.invalidateQueries({ queryKey: queryKeys.task(item.taskId) });
  if (item.entityType === 'project') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.projects(item.workspaceId), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.project(item.entityId), exact: true });
  }
  if (item.entityType === 'member' || item.entityType === 'invitation')
    void queryClient.invalidateQueries({ queryKey: queryKeys.members(item.workspaceId), exact: true });
  if (item.entityType === 'label')
    void queryClient.invalidateQueries({ queryKey: queryKeys.labels(item.workspaceId), exact: true });
}

/** Where sync hears the socket: the tab's realtime client (a test passes a fake). */
export interface EventSource {
  onRealtime: typeof onRealtime;
  onJoined: typeof onJoined;
  onReconnected: typeof onReconnected;
}

const socketEvents: EventSource = { onRealtime, onJoined, onReconnected };

/**
 * Keeps the query cache in step with the event stream: applies each event once, tracks the last
 * seq per workspace, and after a gap or a reconnect fetches what was missed through
 * `GET /workspaces/:id/activity?since=` (or, when that cannot work, refetches what is on screen).
 */
export function startSync(queryClient: QueryClient, me: string, source = socketEvents): () => void {
  const lastSeq = new Map<string, number>();
  const seen = new Map<string, Set<number>>();
  const catchingUp = new Set<string>();

  function firstSight(workspaceId: string, seq: number): boolean {
    let set = seen.get(workspaceId);
    if (!set) seen.set(workspaceId, (set = new Set()));
    if (set.has(seq)) return false;
    set.add(seq);
    if (set.size > 1000) set.delete(set.values().next().value!);
    return true;
  }

  async function catchUp(workspaceId: string, since = lastSeq.get(workspaceId)): Promise<void> {
    if (since === undefined) return invalidateWorkspace(queryClient);
    const key = `${workspaceId}:${since}`;
    if (catchingUp.has(key)) return;
    catchingUp.add(key);
    try {
      let cursor: string | null = null;
      let newest = since;
      for (let page = 0; ; page++) {
        if (page === MAX_CATCH_UP_PAGES) return invalidateWorkspace(queryClient);
        const query = new URLSearchParams({ since: String(since), limit: String(PAGE) });
        if (cursor) query.set('cursor', cursor);
        const result: ActivityPage = await apiRequest('GET', `/workspaces/${workspaceId}/activity?${query}`, {
          schema: ActivityPage,
        });
        for (const item of result.items) {
          if (item.seq === null || !firstSight(workspaceId, item.seq)) continue;
          invalidateFor(queryClient, item);
          newest = Math.max(newest, item.seq);
        }
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      lastSeq.set(workspaceId, Math.max(lastSeq.get(workspaceId) ?? 0, newest));
    } catch {
      // No catch-up (lost access, api down): refetch what is on screen instead.
      invalidateWorkspace(queryClient);
    } finally {
      catchingUp.delete(key);
    }
  }

  function onStreamEvent(payload: unknown, type: string): void {
    // Only workspace events carry the seq this follows; presence and personal events do not.
    if (!isWorkspaceEvent(type)) return;
    const parsed = ServerEvent.safeParse(payload);
    if (!parsed.success) return;
    const event = parsed.data;
    const ws = event.workspaceId;
    if (!firstSight(ws, event.seq)) return;
    const last = lastSeq.get(ws);
    const gap = last !== undefined && event.seq > last + 1;
    lastSeq.set(ws, Math.max(last ?? 0, event.seq));
    const applied = applyEvent(queryClient, event);
    // Missed something between `last` and this one: fetch it (this one is already applied).
    if (gap) void catchUp(ws, last);
    // My own changes (this tab's echo arriving before its response, or another tab of mine) update
    // silently; other people's are highlighted and named.
    if (!applied.changed || !event.actor || event.actor.id === me) return;
    if (applied.highlightId) highlight(applied.highlightId);
    if (applied.summary) showToast({ tone: 'info', title: `${event.actor.name} ${applied.summary}` });
  }

  const stops = [
    source.onRealtime('*', onStreamEvent),
    source.onJoined((ack) => {
      // The baseline for a later catch-up; events already seen may be newer.
      for (const [workspaceId, seq] of Object.entries(ack.seq))
        if (!lastSeq.has(workspaceId)) lastSeq.set(workspaceId, seq);
    }),
    source.onReconnected(() => {
      for (const workspaceId of lastSeq.keys()) void catchUp(workspaceId);
      if (lastSeq.size === 0) invalidateWorkspace(queryClient);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

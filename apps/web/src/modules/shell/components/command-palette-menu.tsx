'use client';

import { can } from '@teamflow/contracts/permissions';
import type { Task } from '@teamflow/contracts/tasks';
import { useQueryClient } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useParams, usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useSession } from '@/modules/auth/hooks/use-session';
import { useCreateFromTemplate, useProjectTemplates } from '@/modules/planning/hooks/use-templates';
import { useProjects } from '@/modules/projects/hooks/use-projects';
import { useSearch } from '@/modules/search/hooks/use-search';
import { cachedProjectTasks } from '@/modules/task-cache/task-cache';
import { applyTheme, currentTheme } from '@/modules/ui/theme';
import { showToast } from '@/modules/ui/toast';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { focusQuickAdd } from '../hooks/focus-targets';
import { useRecentPaletteItems, type RecentPaletteItem } from '../hooks/use-recent-palette-items';
import { useSignOut } from '../hooks/use-sign-out';
import { PALETTE_PAGES } from '../palette-pages';
import { rankEntries, taskKeyFromQuery, type PaletteEntry, type PaletteGroup } from '../palette-ranking';
import { useOverlayStore } from '../stores/overlay-store';

/** An entry the palette can run, and what is remembered of it among the recent items. */
interface RunnableEntry extends PaletteEntry {
  recent: RecentPaletteItem;
  run: () => void;
}

// Enough to choose from; the search page has the rest.
const MAX_RESULTS = 40;
const GROUP_ORDER: PaletteGroup[] = ['Actions', 'Pages', 'Projects', 'Tasks'];
const GROUP_NOUN: Record<PaletteGroup, string> = {
  Actions: 'Action',
  Pages: 'Page',
  Projects: 'Project',
  Tasks: 'Task',
};

/** What was typed, once the typing pauses: the server search is not asked on every key. */
function useSettled(text: string, ms = 150): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

function taskEntry(
  task: Pick<Task, 'id' | 'key' | 'title' | 'projectId'>,
  projectName: string | undefined,
  workspaceId: string,
  fromSearch: boolean,
): Omit<RunnableEntry, 'run'> {
  const label = `${task.key} ${task.title}`;
  return {
    id: `task:${task.id}`,
    group: 'Tasks',
    label,
    detail: projectName,
    taskKey: task.key,
    fromSearch,
    recent: {
      id: `task:${task.id}`,
      group: 'Tasks',
      label,
      detail: projectName,
      taskKey: task.key,
      workspaceId,
      target: { kind: 'task', taskId: task.id, projectId: task.projectId },
    },
  };
}

/**
 * The palette's content (loaded on first open, so cmdk is not in any page's first-load JS):
 * actions, pages from PALETTE_PAGES, the workspace's projects and tasks (those the board caches
 * hold, plus the server's search for the text and for it read as a key), ranked by
 * palette-ranking.ts with the user's recent items first.
 */
export default function CommandPaletteMenu({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { workspaceId = '', projectId = '' } = useParams<{ workspaceId?: string; projectId?: string }>();
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  const { workspace } = useWorkspace(workspaceId);
  const projects = useProjects(workspaceId);
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const templates = useProjectTemplates(projectId);
  const createFromTemplate = useCreateFromTemplate(projectId);
  const showOverlay = useOverlayStore((s) => s.show);
  const recent = useRecentPaletteItems(userId);
  const [text, setText] = useState('');
  // The highlighted option follows the best match until the user moves it (arrows or pointer).
  const [picked, setPicked] = useState<string | null>(null);
  const settled = useSettled(text.trim());
  const keyQuery = taskKeyFromQuery(settled);
  const textHits = useSearch(workspaceId, workspaceId ? settled : '');
  const keyHits = useSearch(workspaceId, workspaceId && keyQuery ? keyQuery : '');

  const query = text.trim();
  const projectViews = `/w/${workspaceId}/p/${projectId}`;

  const go = (path: string) => {
    onClose();
    router.push(path);
  };
  /** The drawer over the view already open when the task is in this project, else its board. */
  const openTask = (taskId: string, taskProjectId: string) => {
    if (taskProjectId === projectId && pathname.startsWith(projectViews)) {
      const next = new URLSearchParams(searchParams.toString());
      next.set('task', taskId);
      go(`${pathname}?${next}`);
    } else go(`/w/${workspaceId}/p/${taskProjectId}?task=${taskId}`);
  };
  const runRecent = (item: RecentPaletteItem) => {
    if (item.target.kind === 'task') openTask(item.target.taskId, item.target.projectId);
    else if (item.target.kind === 'path') go(item.target.path);
  };

  // Built on each render: the task caches are read as they are now (a few thousand tasks rank in
  // well under a frame).
  const entries: RunnableEntry[] = [];
  const role = workspace?.role;
  const action = (id: string, label: string, keywords: string[], run: () => void) =>
    entries.push({
      id: `action:${id}`,
      group: 'Actions',
      label,
      keywords,
      run,
      recent: { id: `action:${id}`, group: 'Actions', label, target: { kind: 'action' } },
    });

  if (workspaceId && projectId && role && can(role, 'task.create')) {
    action('new-task', 'Create task', ['new task', 'add'], () => {
      onClose();
      if (pathname === projectViews) {
        // Wait for the dialog to hand focus back before moving it to the quick-add box.
        setTimeout(() => focusQuickAdd(), 50);
      } else {
        router.push(projectViews);
        focusQuickAddWhenShown();
      }
    });
  }
  if (workspaceId && projectId && role && can(role, 'task.create')) {
    // "New from template": made at once (placeholders filled in by the server), then opened.
    for (const template of templates.data?.items ?? []) {
      action(
        `new-from-template:${template.id}`,
        `New task from template: ${template.name}`,
        ['template', 'new task'],
        () => {
          onClose();
          // mutateAsync: the palette closes (unmounts) before the answer, and the promise still settles.
          void createFromTemplate
            .mutateAsync({ templateId: template.id })
            .then((task) => router.push(`/w/${workspaceId}/p/${projectId}?task=${task.id}`))
            .catch((error: Error) =>
              showToast({
                tone: 'error',
                title: 'Could not create from the template',
                description: error.message,
              }),
            );
        },
      );
    }
  }
  const dark = currentTheme() === 'dark';
  action('toggle-theme', `Switch to ${dark ? 'light' : 'dark'} mode`, ['theme', 'dark', 'light'], () => {
    onClose();
    applyTheme(currentTheme() === 'dark' ? 'light' : 'dark');
  });
  action('shortcuts', 'Keyboard shortcuts', ['help', 'keys'], () => showOverlay('help'));
  action('sign-out', 'Sign out', ['log out', 'logout'], () => {
    onClose();
    signOut.mutate();
  });

  const projectName = new Map((projects.data ?? []).map((p) => [p.id, p.name]));
  for (const page of PALETTE_PAGES) {
    if (page.scope === 'project' && !(workspaceId && projectId)) continue;
    if (page.scope === 'workspace' && !workspaceId) continue;
    if (page.permission && !(role && can(role, page.permission))) continue;
    const path = page.path({ workspaceId, projectId });
    const label = `Go to ${page.title}`;
    const detail = page.scope === 'project' ? projectName.get(projectId) : undefined;
    const id = `page:${page.id}:${page.scope === 'account' ? '' : page.scope === 'workspace' ? workspaceId : projectId}`;
    entries.push({
      id,
      group: 'Pages',
      label,
      detail,
      keywords: page.keywords,
      run: () => go(path),
      recent: {
        id,
        group: 'Pages',
        label,
        detail,
        workspaceId: page.scope === 'account' ? undefined : workspaceId,
        target: { kind: 'path', path },
      },
    });
  }

  for (const project of projects.data ?? []) {
    const path = `/w/${workspaceId}/p/${project.id}`;
    const label = `Go to ${project.name}`;
    entries.push({
      id: `project:${project.id}`,
      group: 'Projects',
      label,
      detail: project.key,
      keywords: [project.key],
      run: () => go(path),
      recent: {
        id: `project:${project.id}`,
        group: 'Projects',
        label,
        detail: project.key,
        workspaceId,
        target: { kind: 'path', path },
      },
    });
  }

  if (query && workspaceId) {
    const seen = new Set<string>();
    const addTask = (task: Pick<Task, 'id' | 'key' | 'title' | 'projectId'>, fromSearch: boolean) => {
      if (seen.has(task.id)) return;
      seen.add(task.id);
      const entry = taskEntry(task, projectName.get(task.projectId), workspaceId, fromSearch);
      entries.push({ ...entry, run: () => openTask(task.id, task.projectId) });
    };
    // Server hits first: a task found by both keeps the "found by search" floor.
    for (const hit of [...(keyHits.data ?? []), ...(textHits.data ?? [])]) {
      // Decisions and incidents are found on the search page; the palette opens tasks.
      if (hit.type === 'decision' || hit.type === 'incident') continue;
      const taskId = hit.type === 'task' ? hit.id : hit.taskId;
      addTask({ id: taskId, key: hit.key, title: hit.title, projectId: hit.projectId }, true);
    }
    for (const project of projects.data ?? []) {
      for (const task of cachedProjectTasks(queryClient, project.id) ?? []) {
        if (task.status !== 'archived') addTask(task, false);
      }
    }
  }

  // Recent items: the live entry when there is one (fresh label, current permissions), else what
  // was remembered of a task, project or page (an action is only offered where it applies).
  const live = new Map(entries.map((e) => [e.id, e]));
  const recentEntries: RunnableEntry[] = recent.items
    .filter((item) => !item.workspaceId || item.workspaceId === workspaceId)
    .flatMap((item) => {
      const current = live.get(item.id);
      if (current) return [current];
      if (item.target.kind === 'action') return [];
      return [{ ...item, recent: item, run: () => runRecent(item) }];
    });
  const recentIds = recentEntries.map((e) => e.id);
  const candidates = [...recentEntries, ...entries.filter((e) => !recentIds.includes(e.id))];
  const ranked = rankEntries(candidates, query, recentIds).slice(0, MAX_RESULTS);
  const searchEverything: RunnableEntry | null =
    query && workspaceId
      ? {
          id: 'action:search',
          group: 'Actions',
          label: `Search for “${query}”`,
          recent: { id: 'action:search', group: 'Actions', label: 'Search', target: { kind: 'action' } },
          run: () => go(`/w/${workspaceId}/search?${new URLSearchParams({ q: query })}`),
        }
      : null;
  const shown = searchEverything ? [...ranked, searchEverything] : ranked;
  const value = picked !== null && shown.some((e) => e.id === picked) ? picked : (shown[0]?.id ?? '');

  const select = (entry: RunnableEntry) => {
    if (entry.id !== 'action:search') recent.remember(entry.recent);
    entry.run();
  };
  const item = (entry: RunnableEntry) => (
    <Command.Item
      key={entry.id}
      value={entry.id}
      onSelect={() => select(entry)}
      className="flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900 dark:data-[selected=true]:bg-indigo-950 dark:data-[selected=true]:text-indigo-100"
    >
      <span className="min-w-0 flex-1 truncate">
        {entry.taskKey ? (
          <>
            <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{entry.taskKey}</span>{' '}
            {entry.label.slice(entry.taskKey.length + 1)}
          </>
        ) : (
          entry.label
        )}
        {entry.detail ? (
          <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{entry.detail}</span>
        ) : null}
      </span>
      <span aria-hidden className="shrink-0 text-[11px] text-slate-500 uppercase dark:text-slate-400">
        {GROUP_NOUN[entry.group]}
      </span>
    </Command.Item>
  );

  const recentShown = query ? [] : shown.filter((e) => recentIds.includes(e.id));
  const rest = query ? [] : shown.filter((e) => !recentIds.includes(e.id));

  return (
    <Command
      label="Command"
      shouldFilter={false}
      loop
      vimBindings={false}
      value={value}
      onValueChange={(next) => setPicked(next === shown[0]?.id && picked === null ? null : next)}
      className="[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-500 dark:[&_[cmdk-group-heading]]:text-slate-400"
    >
      <Command.Input
        autoFocus
        value={text}
        onValueChange={(next) => {
          setText(next);
          setPicked(null);
        }}
        placeholder="Find a task, project or page; create a task…"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none dark:border-slate-600 dark:bg-slate-800"
      />
      <Command.List aria-label="Commands" className="mt-2 max-h-[min(24rem,60vh)] overflow-y-auto">
        <Command.Empty className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
          Nothing matches.
        </Command.Empty>
        {query ? (
          <Command.Group heading="Results">{shown.map(item)}</Command.Group>
        ) : (
          <>
            {recentShown.length ? (
              <Command.Group heading="Recent">{recentShown.map(item)}</Command.Group>
            ) : null}
            {GROUP_ORDER.map((group) => {
              const inGroup = rest.filter((e) => e.group === group);
              return inGroup.length ? (
                <Command.Group key={group} heading={group}>
                  {inGroup.map(item)}
                </Command.Group>
              ) : null;
            })}
          </>
        )}
      </Command.List>
    </Command>
  );
}

/** After navigating to the board: the quick-add box, once the board has rendered it. */
function focusQuickAddWhenShown() {
  const deadline = performance.now() + 3000;
  const attempt = () => {
    if (!focusQuickAdd() && performance.now() < deadline) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

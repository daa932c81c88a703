'use client';

import type { Sprint } from '@teamflow/contracts/sprints';
import { TaskPriority } from '@teamflow/contracts/tasks';
import { useId, useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import type { BoardFilterName, BoardFilters as Filters } from '../hooks/use-board-filters';
import type { WorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

interface BoardFiltersProps {
  filters: Filters;
  directory: WorkspaceDirectory;
  /** The project's sprints: open ones are offered as filters (the active one first). */
  sprints: Sprint[];
  setFilter: (name: BoardFilterName, value: string) => void;
  clear: () => void;
  /** Shown while the board's later pages stream in. */
  progress?: string;
}

export function BoardFilters({ filters, directory, sprints, setFilter, clear, progress }: BoardFiltersProps) {
  // Local state keeps typing smooth; every change also goes to the URL (replace, not push).
  const [text, setText] = useState(filters.q ?? '');
  const active = Boolean(
    filters.assignee || filters.label || filters.priority || filters.sprint || filters.q,
  );
  // On a phone the five selects pushed the first card below the fold: they fold behind a button
  // there (open when one of them is set, so a filtered board says why), and show inline from `sm`.
  const chosenCount = [
    filters.assignee,
    filters.label,
    filters.priority,
    filters.sprint,
    filters.group,
  ].filter(Boolean).length;
  const [open, setOpen] = useState(chosenCount > 0);
  const panelId = useId();
  const chosen = sprints.find((s) => s.id === filters.sprint);
  const offered = sprints.filter((s) => s.state !== 'completed' || s === chosen);

  return (
    <div
      role="search"
      aria-label="Filter the board"
      className="flex flex-wrap items-center gap-2 px-4 sm:px-6"
    >
      <input
        type="search"
        aria-label="Filter by text"
        placeholder="Filter cards…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setFilter('q', event.target.value);
        }}
        className={`${control} min-w-0 flex-1 sm:w-56 sm:flex-none`}
      />
      <Button
        variant="secondary"
        className="sm:hidden"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {chosenCount > 0 ? `Filters · ${chosenCount}` : 'Filters'}
      </Button>
      <div id={panelId} className={`${open ? 'grid' : 'hidden'} w-full grid-cols-2 gap-2 sm:contents`}>
        <select
          aria-label="Filter by assignee"
          value={filters.assignee ?? ''}
          onChange={(event) => setFilter('assignee', event.target.value)}
          className={control}
        >
          <option value="">Anyone</option>
          {[...directory.people.values()].map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by label"
          value={filters.label ?? ''}
          onChange={(event) => setFilter('label', event.target.value)}
          className={control}
        >
          <option value="">Any label</option>
          {[...directory.labels.values()].map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by priority"
          value={filters.priority ?? ''}
          onChange={(event) => setFilter('priority', event.target.value)}
          className={control}
        >
          <option value="">Any priority</option>
          {TaskPriority.options.map((p) => (
            <option key={p} value={p}>
              {p.charAt(0).toUpperCase() + p.slice(1)}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by sprint"
          value={filters.sprint ?? ''}
          onChange={(event) => setFilter('sprint', event.target.value)}
          className={control}
        >
          <option value="">Any sprint</option>
          <option value="backlog">Backlog (no sprint)</option>
          {offered.map((s) => (
            <option key={s.id} value={s.id}>
              {s.state === 'active' ? `${s.name} (active)` : s.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Group by"
          value={filters.group ?? ''}
          onChange={(event) => setFilter('group', event.target.value)}
          className={control}
        >
          <option value="">No swimlanes</option>
          <option value="assignee">Swimlanes by assignee</option>
        </select>
      </div>
      {active ? (
        <Button
          variant="ghost"
          onClick={() => {
            setText('');
            clear();
          }}
        >
          Clear filters
        </Button>
      ) : null}
      <p role="status" className="ml-auto text-xs text-slate-600 dark:text-slate-400">
        {progress}
      </p>
    </div>
  );
}

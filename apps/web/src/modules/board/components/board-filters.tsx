'use client';

import type { Sprint } from '@teamflow/contracts/sprints';
import { TaskPriority } from '@teamflow/contracts/tasks';
import { useId, useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import type { BoardFilterName, BoardFilters as Filters } from '../hooks/use-board-filters';
import type { WorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** One of the board's selects: the first option (value '') is "any", which clears the filter. */
function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: readonly (readonly [value: string, text: string])[];
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      className={control}
    >
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

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
        <FilterSelect
          label="Filter by assignee"
          value={filters.assignee}
          onChange={(v) => setFilter('assignee', v)}
          options={[['', 'Anyone'], ...[...directory.people.values()].map((p) => [p.id, p.name] as const)]}
        />
        <FilterSelect
          label="Filter by label"
          value={filters.label}
          onChange={(v) => setFilter('label', v)}
          options={[['', 'Any label'], ...[...directory.labels.values()].map((l) => [l.id, l.name] as const)]}
        />
        <FilterSelect
          label="Filter by priority"
          value={filters.priority}
          onChange={(v) => setFilter('priority', v)}
          options={[
            ['', 'Any priority'],
            ...TaskPriority.options.map((p) => [p, p.charAt(0).toUpperCase() + p.slice(1)] as const),
          ]}
        />
        <FilterSelect
          label="Filter by sprint"
          value={filters.sprint}
          onChange={(v) => setFilter('sprint', v)}
          options={[
            ['', 'Any sprint'],
            ['backlog', 'Backlog (no sprint)'],
            ...offered.map((s) => [s.id, s.state === 'active' ? `${s.name} (active)` : s.name] as const),
          ]}
        />
        <FilterSelect
          label="Group by"
          value={filters.group}
          onChange={(v) => setFilter('group', v)}
          options={[
            ['', 'No swimlanes'],
            ['assignee', 'Swimlanes by assignee'],
          ]}
        />
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

import type { TaskSort } from '@teamflow/contracts/tasks';

interface SortHeaderProps {
  label: string;
  /** The ascending sort for this column and, when the api has one, the descending one. */
  asc: TaskSort;
  desc?: TaskSort;
  current: TaskSort;
  onSort: (sort: TaskSort) => void;
}

export function SortHeader({ label, asc, desc, current, onSort }: SortHeaderProps) {
  const active = current === asc || current === desc;
  const direction = current === desc ? 'descending' : 'ascending';
  const next = current === asc && desc ? desc : asc;
  return (
    <th scope="col" aria-sort={active ? direction : 'none'} className="px-3 py-2 text-left font-semibold">
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 hover:text-indigo-700"
      >
        {label}
        <span aria-hidden>{active ? (direction === 'ascending' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );
}

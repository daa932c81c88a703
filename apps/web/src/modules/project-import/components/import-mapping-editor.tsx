'use client';

import { ImportField, ImportSource, type ImportMapping } from '@teamflow/contracts/project-import-export';
import { TaskPriority, TaskStatus } from '@teamflow/contracts/tasks';
import { STATUS_LABEL } from '@/modules/tasks/task-status';

const SOURCE_LABEL: Record<ImportSource, string> = {
  jira: 'Jira CSV',
  linear: 'Linear CSV',
  trello: 'Trello board (JSON)',
  teamflow: 'TeamFlow CSV',
  csv: 'Other CSV',
};
const FIELD_LABEL: Record<ImportField, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  storyPoints: 'Story points',
  dueDate: 'Due date',
  assignee: 'Assignee email',
  labels: 'Labels',
  key: 'Issue key',
  parentKey: 'Parent key',
  ignore: 'Not imported',
};
const PRIORITY_LABEL: Record<TaskPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
const UNMAPPED = '';

const selectClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-rose-600';
const cellClass = 'border-t border-slate-200 px-2 py-1.5 align-middle dark:border-slate-700';

function ValueTable<T extends string>({
  caption,
  values,
  options,
  labels,
  onChange,
}: {
  caption: string;
  values: Record<string, T | null>;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: string, mapped: T) => void;
}) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="pb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="text-slate-600 dark:text-slate-400">
          <th scope="col" className="px-2 py-1 font-medium">
            In the file
          </th>
          <th scope="col" className="px-2 py-1 font-medium">
            Becomes
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([value, mapped]) => (
          <tr key={value}>
            <td className={`${cellClass} break-all`}>{value}</td>
            <td className={cellClass}>
              <select
                aria-label={`${caption}: ${value}`}
                aria-invalid={mapped === null}
                className={selectClass}
                value={mapped ?? UNMAPPED}
                onChange={(e) => onChange(value, e.target.value as T)}
              >
                {mapped === null ? <option value={UNMAPPED}>Choose…</option> : null}
                {options.map((o) => (
                  <option key={o} value={o}>
                    {labels[o]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The mapping a dry run used, editable: the source, each column's field, each status and priority. */
export function ImportMappingEditor({
  mapping,
  onChange,
}: {
  mapping: ImportMapping;
  onChange: (next: ImportMapping) => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      <label className="flex max-w-xs flex-col gap-1 text-sm font-medium">
        Source
        <select
          className={selectClass}
          value={mapping.source}
          onChange={(e) => onChange({ ...mapping, source: e.target.value as ImportSource })}
        >
          {ImportSource.options.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-4 md:grid-cols-2">
        <ValueTable
          caption="Columns"
          values={mapping.columns}
          options={ImportField.options}
          labels={FIELD_LABEL}
          onChange={(column, field) =>
            onChange({ ...mapping, columns: { ...mapping.columns, [column]: field } })
          }
        />
        <div className="flex flex-col gap-4">
          <ValueTable
            caption="Statuses"
            values={mapping.statuses}
            options={TaskStatus.options}
            labels={STATUS_LABEL}
            onChange={(value, status) =>
              onChange({ ...mapping, statuses: { ...mapping.statuses, [value]: status } })
            }
          />
          <ValueTable
            caption="Priorities"
            values={mapping.priorities}
            options={TaskPriority.options}
            labels={PRIORITY_LABEL}
            onChange={(value, priority) =>
              onChange({ ...mapping, priorities: { ...mapping.priorities, [value]: priority } })
            }
          />
        </div>
      </div>
    </div>
  );
}

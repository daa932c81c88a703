'use client';

import Link from 'next/link';
import { useTaskAsyncLinks } from '../hooks/use-decisions';
import { Badge } from './area-page';
import { DECISION_TONE } from './decisions-page';
import { INCIDENT_STATUS_TONE } from './incidents-page';

/** On the task page: the decisions, incidents and blockers that name this task. */
export function TaskAsyncLinks({ workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const links = useTaskAsyncLinks(taskId);
  const data = links.data;
  if (!data || data.decisions.length + data.incidents.length + data.blockers.length === 0) return null;
  return (
    <section
      aria-labelledby="task-async-links"
      className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="task-async-links" className="text-lg font-semibold">
        Decisions, incidents and blockers
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {data.decisions.map((d) => (
          <li key={d.id} className="flex items-center gap-2">
            <Link
              className="text-indigo-700 hover:underline dark:text-indigo-300"
              href={`/w/${workspaceId}/decisions/${d.id}`}
            >
              {d.key} {d.title}
            </Link>
            <Badge tone={DECISION_TONE[d.status]}>{d.status}</Badge>
          </li>
        ))}
        {data.incidents.map((i) => (
          <li key={i.id} className="flex items-center gap-2">
            <Link
              className="text-indigo-700 hover:underline dark:text-indigo-300"
              href={`/w/${workspaceId}/incidents/${i.id}`}
            >
              {i.key} {i.title}
            </Link>
            <Badge tone={INCIDENT_STATUS_TONE[i.status]}>{i.status}</Badge>
          </li>
        ))}
        {data.blockers.map((b) => (
          <li key={b.id} className="flex items-center gap-2">
            <Link
              className="text-indigo-700 hover:underline dark:text-indigo-300"
              href={`/w/${workspaceId}/blockers`}
            >
              Blocker: {b.title}
            </Link>
            <Badge tone={b.status === 'resolved' ? 'emerald' : 'rose'}>{b.status}</Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}

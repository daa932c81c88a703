'use client';

import { useDeferredValue, useState } from 'react';
import { ProviderBadge } from '@/modules/ai/components/provider-badge';
import { markdownExcerpt } from '@/modules/markdown/markdown-excerpt';
import { TextField } from '@/modules/ui/components/text-field';
import { formatLocalDate } from '@/lib/local-dates';
import { useWorklogSearch } from '../hooks/use-worklog';

/** Search your own log by meaning and by words; each hit says how it matched. */
export function WorklogSearch() {
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const results = useWorklogSearch(deferred);
  return (
    <div className="flex flex-col gap-2">
      <TextField
        label="Search your work log"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        hint="Finds entries by meaning too: “outage” finds “the service went down”."
      />
      {deferred && results.data ? (
        results.data.items.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Nothing found.</p>
        ) : (
          <ul aria-label="Search results" className="flex flex-col gap-2 text-sm">
            {results.data.items.map((hit) => (
              <li
                key={`${hit.type}-${hit.id}`}
                className="rounded border border-slate-200 p-2 dark:border-slate-700"
              >
                <span className="mr-2 rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">
                  {hit.matchedBy === 'meaning' ? 'by meaning' : 'by words'}
                </span>
                {hit.type === 'entry' && hit.source ? (
                  <span className="mr-2">
                    <ProviderBadge source={hit.source} />
                  </span>
                ) : null}
                {hit.type === 'entry' ? (
                  <>
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {formatLocalDate(hit.date)}
                    </span>{' '}
                    {markdownExcerpt(hit.snippet)}
                  </>
                ) : (
                  <>
                    <span className="font-mono">{hit.key}</span> {hit.title}
                  </>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { markdownExcerpt } from '@/modules/markdown/markdown-excerpt';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useSearch } from '../hooks/use-search';

export function SearchPage({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const q = useSearchParams().get('q') ?? '';
  const [text, setText] = useState(q);
  const results = useSearch(workspaceId, q);

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Search</h1>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          router.replace(`${pathname}?${new URLSearchParams({ q: text })}`);
        }}
      >
        <input
          type="search"
          name="q"
          aria-label="Search this workspace"
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search tasks and comments, then press Enter"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </form>
      {results.error ? <FormError message={results.error.message} /> : null}
      {results.isFetching && !results.data ? <SkeletonList rows={3} label="Searching" /> : null}
      {results.data ? (
        results.data.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing matches “{q}”.</p>
        ) : (
          <ul aria-label="Search results" className="flex flex-col gap-2">
            {results.data.map((hit) => {
              const href =
                hit.type === 'decision'
                  ? `/w/${workspaceId}/decisions/${hit.id}`
                  : hit.type === 'incident'
                    ? `/w/${workspaceId}/incidents/${hit.id}`
                    : `/w/${workspaceId}/p/${hit.projectId}?task=${hit.type === 'task' ? hit.id : hit.taskId}`;
              return (
                <li key={`${hit.type}-${hit.id}`}>
                  <Link
                    href={href}
                    className="block rounded-md border border-slate-200 bg-white p-3 hover:border-indigo-300 dark:border-slate-700 dark:bg-slate-900"
                  >
                    <span className="text-xs text-slate-500 dark:text-slate-400 uppercase">
                      {hit.type} · {hit.key}
                    </span>
                    <span className="block font-medium">{hit.title}</span>
                    {/* The snippet is shown as text: highlighting markup from the server is never
                        rendered, and the Markdown it was cut from is read for its words. */}
                    <span className="block text-sm text-slate-600 dark:text-slate-400">
                      {markdownExcerpt(hit.snippet.replace(/<\/?[^>]+>/g, ''))}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </main>
  );
}

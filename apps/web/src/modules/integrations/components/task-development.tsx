'use client';

import type { DevelopmentLink, PullRequestState } from '@teamflow/contracts/integrations';
import { useDevelopmentLinks } from '../hooks/use-github-integration';

const STATE_BADGE: Record<PullRequestState, string> = {
  open: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200',
  merged: 'bg-violet-100 text-violet-800 dark:bg-violet-900/40 dark:text-violet-200',
  closed: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

function LinkRow({ link }: { link: DevelopmentLink }) {
  const pr = link.kind === 'pull_request';
  const label = pr ? `#${link.ref}` : link.ref.slice(0, 7);
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
      <span className="text-xs text-slate-600 dark:text-slate-400">{pr ? 'Pull request' : 'Commit'}</span>
      <a
        href={link.url}
        target="_blank"
        rel="noreferrer noopener"
        className="font-mono text-xs text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
      >
        {label}
      </a>
      <span className="min-w-0 break-words text-slate-800 dark:text-slate-200">{link.title}</span>
      {link.state ? (
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_BADGE[link.state]}`}>
          {link.state}
        </span>
      ) : null}
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {link.repository}
        {link.author ? ` · ${link.author}` : ''}
      </span>
    </li>
  );
}

/** Task detail → Development: the GitHub commits and pull requests that mention this task's key. */
export function TaskDevelopment({ taskId, taskKey }: { taskId: string; taskKey: string }) {
  const links = useDevelopmentLinks(taskId);
  const items = links.data?.items ?? [];
  return (
    <section aria-labelledby="development-heading" className="flex flex-col gap-2">
      <h3 id="development-heading" className="text-sm font-semibold">
        Development
      </h3>
      {links.isError ? (
        <p className="text-sm text-rose-700 dark:text-rose-300">{links.error.message}</p>
      ) : null}
      {items.length ? (
        <ul aria-labelledby="development-heading" className="flex flex-col gap-2">
          {items.map((link) => (
            <LinkRow key={link.id} link={link} />
          ))}
        </ul>
      ) : links.isSuccess ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Mention <code>{taskKey}</code> in a commit message or pull request on GitHub to see it here.
        </p>
      ) : null}
    </section>
  );
}

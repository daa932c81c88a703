'use client';

import { FormError } from '@/modules/ui/components/form-error';
import { Button } from '@/modules/ui/components/button';
import { Skeleton } from '@/modules/ui/components/skeleton';
import {
  useGithubIntegration,
  useRotateGithubSecret,
  useSetGithubEnabled,
} from '../hooks/use-github-integration';
import { CopyField } from './copy-field';

/**
 * Workspace settings → GitHub (owners and admins): turn it on, and the payload URL and secret to
 * paste into the repository's webhook settings; rotate the secret if it leaks.
 */
export function GithubSettings({ workspaceId }: { workspaceId: string }) {
  const github = useGithubIntegration(workspaceId, true);
  const setEnabled = useSetGithubEnabled(workspaceId);
  const rotate = useRotateGithubSecret(workspaceId);
  const data = github.data;
  return (
    <section
      aria-labelledby="github-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="github-heading" className="text-base font-semibold">
          GitHub
        </h3>
        {data ? (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${
              data.enabled
                ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200'
                : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
            }`}
          >
            {data.enabled ? 'On' : 'Off'}
          </span>
        ) : null}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Commits and pull requests that mention a task’s key (such as <code>CORE-12</code>) appear on the task.
        A merged pull request that says “fixes CORE-12” (or closes, resolves) moves the task to done.
      </p>
      {github.isPending ? (
        <Skeleton className="h-24" />
      ) : !data ? (
        <FormError message={github.error?.message} />
      ) : (
        <>
          <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
            <li>In your repository on GitHub: Settings → Webhooks → Add webhook.</li>
            <li>
              Paste the payload URL and the secret below; content type <code>application/json</code>.
            </li>
            <li>Choose “Pushes” and “Pull requests”, then turn the integration on here.</li>
          </ol>
          <CopyField label="Payload URL" value={data.webhookUrl} />
          <CopyField label="Secret" value={data.secret} secret />
          <FormError message={setEnabled.error?.message ?? rotate.error?.message} />
          <div className="flex flex-wrap gap-2">
            <Button
              variant={data.enabled ? 'secondary' : 'primary'}
              disabled={setEnabled.isPending}
              onClick={() => setEnabled.mutate(!data.enabled)}
            >
              {data.enabled ? 'Turn GitHub off' : 'Turn GitHub on'}
            </Button>
            <Button variant="secondary" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
              Rotate secret
            </Button>
          </div>
          {rotate.isSuccess ? (
            <p role="status" className="text-sm text-amber-800 dark:text-amber-200">
              New secret made: paste it into GitHub, or its deliveries will be refused.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

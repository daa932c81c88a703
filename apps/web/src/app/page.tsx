import Link from 'next/link';
import { connection } from 'next/server';
import type { Readiness } from '@teamflow/contracts/health';
import { getApiHealth, type ApiHealth } from '@/lib/api-health';

export default async function HomePage() {
  // Rendered per request: the api's state is live, never baked in at build time.
  await connection();
  const health = await getApiHealth();

  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-8 px-6 py-16">
      <header className="flex flex-col gap-2">
        <h1 className="text-4xl font-bold tracking-tight">TeamFlow</h1>
        <p className="text-lg text-slate-600 dark:text-slate-400">
          A team&apos;s work in one place: board, async updates, work log, progress and AI.
        </p>
      </header>
      <nav aria-label="Get started" className="flex gap-3">
        <Link
          href="/workspaces"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Open your workspaces
        </Link>
        <Link
          href="/signup"
          className="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Create an account
        </Link>
      </nav>
      <ApiStatusCard health={health} />
    </main>
  );
}

const tone = {
  ready: { box: 'border-emerald-200 bg-emerald-50', dot: 'bg-emerald-500' },
  'not-ready': { box: 'border-amber-200 bg-amber-50', dot: 'bg-amber-500' },
  unreachable: { box: 'border-rose-200 bg-rose-50', dot: 'bg-rose-500' },
} as const;

function ApiStatusCard({ health }: { health: ApiHealth }) {
  const style = tone[health.kind];
  return (
    <section aria-label="API status" className={`rounded-xl border p-6 ${style.box}`}>
      <div className="flex items-center gap-3">
        <span aria-hidden className={`inline-block h-3 w-3 rounded-full ${style.dot}`} />
        <h2 className="text-xl font-semibold">{headline(health)}</h2>
      </div>
      {health.kind === 'unreachable' ? (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          {capitalise(health.reason)}. Start it with <code className="font-mono">npm start</code> or check{' '}
          <code className="font-mono">API_URL</code>.
        </p>
      ) : (
        <ReadinessChecks checks={health.readiness.checks} />
      )}
    </section>
  );
}

function headline(health: ApiHealth): string {
  switch (health.kind) {
    case 'ready':
      return 'API is up';
    case 'not-ready':
      return 'API is up but not ready';
    case 'unreachable':
      return `API is not reachable at ${health.url}`;
  }
}

const checkLabel: Record<keyof Readiness['checks'], string> = {
  database: 'PostgreSQL',
  redis: 'Redis',
  storage: 'File storage',
};

const stateText: Record<Readiness['checks']['database'], string> = {
  up: 'up',
  down: 'down',
  not_configured: 'not configured',
};

function ReadinessChecks({ checks }: { checks: Readiness['checks'] }) {
  const entries = Object.entries(checks) as [keyof Readiness['checks'], Readiness['checks']['database']][];
  return (
    <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
      {entries.map(([name, state]) => (
        <div key={name} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{checkLabel[name]}</dt>
          <dd className={state === 'down' ? 'font-medium text-rose-700 dark:text-rose-400' : 'font-medium'}>
            {stateText[state]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

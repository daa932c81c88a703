'use client';

import type { Sprint } from '@teamflow/contracts/sprints';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton } from '@/modules/ui/components/skeleton';
import { useBurndown, useVelocity } from '../hooks/use-sprints';
import { BurndownChart } from './burndown-chart';
import { VelocityChart } from './velocity-chart';

const panel =
  'flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900';

function Failed({ message, retry }: { message: string; retry: () => void }) {
  return (
    <div className="flex flex-col items-start gap-2">
      <FormError message={message} />
      <Button variant="secondary" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}

export function BurndownPanel({ sprint }: { sprint: Sprint }) {
  const burndown = useBurndown(sprint.id);
  return (
    <section aria-labelledby={`burndown-heading-${sprint.id}`} className={panel}>
      <h2 id={`burndown-heading-${sprint.id}`} className="font-semibold">
        Burndown · {sprint.name}
      </h2>
      {burndown.error ? (
        <Failed message={burndown.error.message} retry={() => void burndown.refetch()} />
      ) : burndown.data ? (
        <BurndownChart burndown={burndown.data} title={`Burndown of ${sprint.name}`} />
      ) : (
        <Skeleton className="h-60 w-full" />
      )}
    </section>
  );
}

/** The running (or last) sprint's burndown beside the project's velocity. */
export function SprintCharts({ projectId, focus }: { projectId: string; focus: Sprint | undefined }) {
  const velocity = useVelocity(projectId);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {focus ? (
        <BurndownPanel sprint={focus} />
      ) : (
        <section className={panel}>
          <h2 className="font-semibold">Burndown</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Start a sprint to see its burndown here.
          </p>
        </section>
      )}
      <section aria-labelledby="velocity-heading" className={panel}>
        <h2 id="velocity-heading" className="font-semibold">
          Velocity
        </h2>
        {velocity.error ? (
          <Failed message={velocity.error.message} retry={() => void velocity.refetch()} />
        ) : velocity.data ? (
          <VelocityChart velocity={velocity.data} />
        ) : (
          <Skeleton className="h-60 w-full" />
        )}
      </section>
    </div>
  );
}

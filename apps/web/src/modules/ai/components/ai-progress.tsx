import type { AiJob } from '@teamflow/contracts/ai';

/** A queued or running job: a labelled progress bar. */
export function AiProgress({ job, label }: { job: AiJob | undefined; label: string }) {
  const progress = job?.progress ?? 0;
  return (
    <div className="flex flex-col gap-1" role="status">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {job?.state === 'active' ? `${label}… ${progress}%` : `${label}: waiting for a worker…`}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-violet-500 transition-all" style={{ width: `${Math.max(5, progress)}%` }} />
      </div>
    </div>
  );
}

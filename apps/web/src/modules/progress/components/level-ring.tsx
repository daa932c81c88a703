'use client';

/** The level as a ring that fills with the XP gained inside it (a meter, not a chart). */
export function LevelRing({ level, into, needed }: { level: number; into: number; needed: number }) {
  const share = needed > 0 ? into / needed : 0;
  const r = 42;
  const length = 2 * Math.PI * r;
  return (
    <div
      role="meter"
      aria-label={`Level ${level}: ${into} of ${needed} XP to level ${level + 1}`}
      aria-valuemin={0}
      aria-valuemax={needed}
      aria-valuenow={into}
      data-testid="level-ring"
      className="relative h-28 w-28 shrink-0"
    >
      <svg viewBox="0 0 100 100" className="h-full w-full -rotate-90" aria-hidden>
        <circle
          cx="50"
          cy="50"
          r={r}
          strokeWidth="10"
          className="fill-none stroke-slate-200 dark:stroke-slate-700"
        />
        <circle
          cx="50"
          cy="50"
          r={r}
          strokeWidth="10"
          strokeLinecap="round"
          strokeDasharray={`${length * share} ${length}`}
          className="fill-none stroke-indigo-600 transition-[stroke-dasharray] duration-500 dark:stroke-indigo-400"
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center">
        <span className="text-xs text-slate-500 dark:text-slate-400">Level</span>
        <span className="text-2xl font-bold">{level}</span>
      </div>
    </div>
  );
}

'use client';

import type { RecurrenceMode, TaskSeries } from '@teamflow/contracts/recurrence';
import { useState } from 'react';
import { formatInstant, formatLocalDate } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { useRecurrence, useRecurrenceActions } from '../hooks/use-recurrence';
import { DEFAULT_CHOICE, describeRule, fromRule, toRule, type RecurrenceChoice } from '../recurrence-rule';

const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const inputClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

function SeriesSummary({ series }: { series: TaskSeries }) {
  const zone = useTimeZone();
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="series-summary">
      <p>
        <span className="font-medium">{describeRule(series.rule)}</span>
        {' · '}
        {series.mode === 'every!'
          ? `made at ${series.time} (${series.timeZone}) whether or not the last one is done`
          : 'the next one is made when this one is done'}
        {series.state === 'stopped' ? ' · stopped' : ''}
      </p>
      {series.state === 'active' && series.nextOn ? (
        <p className="text-slate-600 dark:text-slate-400">
          Next: {formatLocalDate(series.nextOn)}
          {series.nextAt ? ` (${formatInstant(series.nextAt, zone)} your time)` : ''}
        </p>
      ) : null}
      {series.occurrences.length ? (
        <ul aria-label="Dates of this series" className="flex flex-wrap gap-1 text-xs">
          {series.occurrences.map((o) => (
            <li
              key={o.occursOn}
              className={`rounded px-1.5 py-0.5 ${o.skipped ? 'bg-slate-100 text-slate-500 line-through dark:bg-slate-800' : 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'}`}
            >
              {formatLocalDate(o.occursOn)}
              {o.skipped ? ' (skipped)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Task detail → Repeat: the rule in plain choices (written as an RRULE), "every" or "every!", skip, stop. */
export function RecurrencePicker({ taskId, readOnly }: { taskId: string; readOnly: boolean }) {
  const recurrence = useRecurrence(taskId);
  const actions = useRecurrenceActions(taskId);
  const series = recurrence.data?.series ?? null;
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<RecurrenceChoice>(DEFAULT_CHOICE);
  const [mode, setMode] = useState<RecurrenceMode>('every');
  const [time, setTime] = useState('09:00');
  const error = actions.set.error ?? actions.skip.error ?? actions.stop.error;

  const open = () => {
    if (series) {
      setChoice(fromRule(series.rule));
      setMode(series.mode);
      setTime(series.time);
    }
    setEditing(true);
  };
  const save = async () => {
    await actions.set.mutateAsync({ rule: toRule(choice), mode, time });
    setEditing(false);
  };
  const toggleDay = (day: number) =>
    setChoice((c) => ({
      ...c,
      weekdays: c.weekdays.includes(day) ? c.weekdays.filter((d) => d !== day) : [...c.weekdays, day],
    }));

  return (
    <section aria-labelledby={`repeat-${taskId}`} className="flex flex-col gap-2">
      <h3 id={`repeat-${taskId}`} className="text-sm font-semibold">
        Repeat
      </h3>
      {series ? (
        <SeriesSummary series={series} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Does not repeat.</p>
      )}
      {readOnly ? null : editing ? (
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-1">
              Repeats
              <select
                aria-label="Repeats"
                className={inputClass}
                value={choice.kind}
                onChange={(e) =>
                  setChoice((c) => ({ ...c, kind: e.target.value as RecurrenceChoice['kind'] }))
                }
              >
                <option value="daily">Daily</option>
                <option value="weekdays">Every weekday</option>
                <option value="weekly">Weekly</option>
                <option value="monthly">Monthly</option>
              </select>
            </label>
            {choice.kind === 'weekdays' ? null : (
              <label className="flex items-center gap-1">
                every
                <input
                  aria-label="Interval"
                  type="number"
                  min={1}
                  max={365}
                  className={`${inputClass} w-16`}
                  value={choice.interval}
                  onChange={(e) =>
                    setChoice((c) => ({ ...c, interval: Math.max(1, Number(e.target.value) || 1) }))
                  }
                />
                {choice.kind === 'daily' ? 'day(s)' : choice.kind === 'weekly' ? 'week(s)' : 'month(s)'}
              </label>
            )}
            {choice.kind === 'monthly' ? (
              <label className="flex items-center gap-1">
                on day
                <select
                  aria-label="Day of month"
                  className={inputClass}
                  value={choice.monthDay}
                  onChange={(e) => setChoice((c) => ({ ...c, monthDay: Number(e.target.value) }))}
                >
                  {Array.from({ length: 31 }, (_, i) => i + 1).map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                  <option value={-1}>last</option>
                </select>
              </label>
            ) : null}
          </div>
          {choice.kind === 'weekly' ? (
            <fieldset className="flex flex-wrap gap-2 text-sm">
              <legend className="sr-only">On these days</legend>
              {WEEKDAY_LABELS.map((label, i) => (
                <label key={label} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={choice.weekdays.includes(i + 1)}
                    onChange={() => toggleDay(i + 1)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          ) : null}
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="font-medium">Make the next one</legend>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name={`mode-${taskId}`}
                checked={mode === 'every'}
                onChange={() => setMode('every')}
              />
              when this one is done (every)
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name={`mode-${taskId}`}
                checked={mode === 'every!'}
                onChange={() => setMode('every!')}
              />
              on schedule, at
              <input
                aria-label="Time of day"
                type="time"
                className={inputClass}
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
              (every!)
            </label>
          </fieldset>
          <p className="text-xs text-slate-600 dark:text-slate-400">{describeRule(toRule(choice))}</p>
          <div className="flex gap-2">
            <Button onClick={() => void save()} disabled={actions.set.isPending}>
              Save repeat
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={open}>
            {series ? 'Change repeat' : 'Set repeat'}
          </Button>
          {series?.state === 'active' ? (
            <>
              <Button variant="ghost" onClick={() => actions.skip.mutate()} disabled={actions.skip.isPending}>
                Skip next
              </Button>
              <Button variant="ghost" onClick={() => actions.stop.mutate()} disabled={actions.stop.isPending}>
                Stop repeating
              </Button>
            </>
          ) : null}
        </div>
      )}
      {error ? <FormError message={error.message} /> : null}
    </section>
  );
}

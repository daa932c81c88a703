'use client';

import { Command, defaultFilter } from 'cmdk';
import { useId, useMemo, useState } from 'react';
import { deviceTimeZone, localTimeOf, supportedTimeZones, utcOffsetLabel } from '@/lib/local-dates';
import { Button } from './button';

interface TimeZonePickerProps {
  label: string;
  /** The chosen IANA zone. */
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  hint?: string;
}

interface ZoneOption {
  zone: string;
  offset: string;
  /** "America/Los_Angeles" is also found as "los angeles". */
  words: string[];
}

// Cities renamed since their zone was named. Browsers list either name (Chromium: Asia/Calcutta,
// Node: Asia/Kolkata), so each is also found by the other.
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Kolkata',
  'Asia/Kolkata': 'Calcutta',
  'Europe/Kiev': 'Kyiv',
  'Europe/Kyiv': 'Kiev',
  'Asia/Saigon': 'Ho Chi Minh',
  'Asia/Ho_Chi_Minh': 'Saigon',
  'Asia/Katmandu': 'Kathmandu',
  'Asia/Kathmandu': 'Katmandu',
  'Asia/Rangoon': 'Yangon',
  'Asia/Yangon': 'Rangoon',
  'America/Godthab': 'Nuuk',
  'America/Nuuk': 'Godthab',
  'Atlantic/Faeroe': 'Faroe',
  'Atlantic/Faroe': 'Faeroe',
  'Pacific/Enderbury': 'Kanton',
  'Pacific/Kanton': 'Enderbury',
};

/** What a zone is also found by: its region and city in words ("Los Angeles"), and a city's other name. */
export function zoneWords(zone: string): string[] {
  const words = zone.split('/').map((part) => part.replace(/_/g, ' '));
  const renamed = RENAMED[zone];
  return renamed ? [...words, renamed] : words;
}

const plain = (text: string) => text.toLowerCase().replace(/_/g, ' ');

/**
 * Ranks zones for what was typed: a city or region that starts with it first ("tokyo" is
 * Asia/Tokyo before anything whose letters merely appear in order), then one containing it, then
 * cmdk's fuzzy match, well below.
 */
export function zoneFilter(value: string, search: string, keywords: string[] = []): number {
  const typed = plain(search.trim());
  if (!typed) return 1;
  const names = [value, ...keywords].map(plain);
  if (names.some((name) => name === typed)) return 1;
  if (names.some((name) => name.split('/').some((part) => part.startsWith(typed)))) return 0.9;
  if (names.some((name) => name.includes(typed))) return 0.7;
  return defaultFilter(value, search, keywords) * 0.5;
}

/**
 * A searchable select of every IANA zone this browser knows (`Intl.supportedValuesOf`), with a
 * one-click "use this device's zone". Type a city, region or offset ("Berlin", "tokyo", "+09");
 * arrows and Enter pick from the list (cmdk's combobox and fuzzy filter).
 */
export function TimeZonePicker({ label, value, onChange, error, hint }: TimeZonePickerProps) {
  const id = useId();
  const inputId = `${id}-search`;
  const messageId = `${id}-message`;
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const device = deviceTimeZone();
  const options = useMemo<ZoneOption[]>(() => {
    const now = new Date();
    return supportedTimeZones().map((zone) => ({
      zone,
      offset: utcOffsetLabel(zone, now),
      words: zoneWords(zone),
    }));
  }, []);

  const matches = search.trim()
    ? options
        .map((option) => ({
          option,
          score: zoneFilter(option.zone, search, option.words.concat(option.offset)),
        }))
        .filter((m) => m.score > 0)
        .sort((a, b) => b.score - a.score)
        .map((m) => m.option)
    : options;

  const choose = (zone: string) => {
    onChange(zone);
    setSearch('');
    setOpen(false);
  };

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <p className="text-sm" aria-live="polite">
        <span className="font-medium">{value}</span>{' '}
        <span className="text-slate-600 dark:text-slate-400">
          · {utcOffsetLabel(value)} · {localTimeOf(new Date(), value)} there now
        </span>
      </p>
      {/* Filtered and ordered here, not by cmdk: its own sort moves DOM nodes, which React's
          re-mounting between two searches can undo. */}
      <Command label={label} loop shouldFilter={false} className="relative">
        <Command.Input
          id={inputId}
          value={search}
          onValueChange={(next) => {
            setSearch(next);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && open) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            }
          }}
          placeholder="Search a city or region, e.g. Berlin"
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? messageId : undefined}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none aria-invalid:border-rose-500 dark:border-slate-600 dark:bg-slate-900"
        />
        <Command.List
          hidden={!open}
          // Keeps focus in the input while an option is clicked, so the list does not close first.
          onMouseDown={(event) => event.preventDefault()}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <Command.Empty className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
            No time zone matches “{search}”.
          </Command.Empty>
          {matches.map((option) => (
            <Command.Item
              key={option.zone}
              value={option.zone}
              onSelect={() => choose(option.zone)}
              className="flex cursor-pointer items-center justify-between gap-3 rounded px-3 py-1.5 text-sm data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900 dark:data-[selected=true]:bg-indigo-950 dark:data-[selected=true]:text-indigo-100"
            >
              <span>
                {option.zone}
                {option.zone === value ? <span className="sr-only"> (chosen)</span> : null}
              </span>
              <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">{option.offset}</span>
            </Command.Item>
          ))}
        </Command.List>
      </Command>
      {device !== value ? (
        <div>
          <Button variant="secondary" onClick={() => choose(device)}>
            Use this device’s zone ({device})
          </Button>
        </div>
      ) : null}
      {error ? (
        <p id={messageId} role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

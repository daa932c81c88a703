import { defaultFilter } from 'cmdk';

/**
 * How the command palette orders what it offers. The letters are matched by cmdk's own fuzzy
 * scorer (`defaultFilter`, the `command-score` algorithm: every typed character in order, word
 * starts and contiguous runs score higher, 0 when the letters do not all appear), over the
 * entry's label and keywords. Two rules sit on top of it:
 *
 * - a task key is matched on its letters and digits alone, so "plat5", "plat 5" and "PLAT-5" all
 *   find PLAT-5 first (and "plat1" then finds PLAT-1 before PLAT-12);
 * - what the user opened recently comes first: alone, before anything else, when nothing is
 *   typed, and with a small lift over equally good matches when something is.
 */

export type PaletteGroup = 'Actions' | 'Pages' | 'Projects' | 'Tasks';

export interface PaletteEntry {
  /** Unique and stable (`task:<id>`, `project:<id>`, `page:<id>`, `action:<id>`): recent items keep it. */
  id: string;
  group: PaletteGroup;
  /** The visible text and the option's accessible name. */
  label: string;
  /** Secondary text (the task's project, a page's workspace). */
  detail?: string;
  keywords?: string[];
  /** A task's key ("PLAT-5"). */
  taskKey?: string;
  /**
   * Found by the server's full-text search (stemmed words, comments): kept, ranked low, even when
   * its letters do not line up with what was typed.
   */
  fromSearch?: boolean;
}

/** How many recent items are kept per user. */
export const RECENT_LIMIT = 8;

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * What the user typed, read as a task key for the server's exact-key search: "plat5", "plat 5"
 * and "Plat-5" become "PLAT-5". Null when it cannot be one (a key is 2–10 letters or digits
 * starting with a letter; without a dash, the digits after the last letter are the number).
 */
export function taskKeyFromQuery(query: string): string | null {
  const typed = query.trim();
  const match =
    /^([a-z][a-z0-9]{1,9})[-\s]+(\d{1,9})$/i.exec(typed) ??
    /^([a-z][a-z0-9]{0,8}[a-z])(\d{1,9})$/i.exec(typed);
  if (!match) return null;
  return `${match[1]!.toUpperCase()}-${Number(match[2])}`;
}

function keyScore(taskKey: string, query: string): number {
  const typed = compact(query);
  if (typed.length < 2) return 0;
  const key = compact(taskKey);
  if (key === typed) return 1;
  // "plat1" is on its way to PLAT-12: a strong match, below the exact one.
  return key.startsWith(typed) ? 0.9 : 0;
}

/** How well an entry matches what was typed: 0 (hidden) to 1. */
export function scoreEntry(entry: PaletteEntry, query: string): number {
  const typed = query.trim();
  if (!typed) return 1;
  const letters = defaultFilter(entry.label, typed, [...(entry.keywords ?? []), entry.detail ?? '']);
  const score = Math.max(letters, entry.taskKey ? keyScore(entry.taskKey, typed) : 0);
  return score === 0 && entry.fromSearch ? 0.05 : score;
}

/**
 * The entries to show, best first. With nothing typed: the recent ones in the order they were
 * used, then the rest as given. With a query: by score, a recent entry lifted a little (never
 * past a clearly better match), ties kept in the given order.
 */
export function rankEntries<T extends PaletteEntry>(
  entries: readonly T[],
  query: string,
  recentIds: readonly string[],
): T[] {
  const recency = new Map(recentIds.map((id, i) => [id, i]));
  if (!query.trim()) {
    const recent = entries
      .filter((e) => recency.has(e.id))
      .sort((a, b) => recency.get(a.id)! - recency.get(b.id)!);
    return [...recent, ...entries.filter((e) => !recency.has(e.id))];
  }
  return entries
    .map((entry, index) => {
      const score = scoreEntry(entry, query);
      const used = recency.get(entry.id);
      const lift = score > 0 && used !== undefined ? 0.08 * (1 - used / RECENT_LIMIT) : 0;
      return { entry, index, score: score + lift };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.entry);
}

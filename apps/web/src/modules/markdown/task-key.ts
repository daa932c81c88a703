/**
 * A task key in prose: a project key (2–10 capitals or digits, from a capital; see ProjectKey in
 * contracts) and the task's number, e.g. PLAT-12.
 */
export const TASK_KEY = /\b[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}\b/g;

/** The distinct task keys a text names (at most `limit`), so they can be looked up before rendering. */
export function taskKeysIn(text: string, limit = 50): string[] {
  return [...new Set(text.match(TASK_KEY) ?? [])].slice(0, limit);
}

/** Where a task key links when the reader may see the task. */
export interface TaskLink {
  href: string;
  title: string;
}

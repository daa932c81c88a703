import { sql } from 'drizzle-orm';
import type { BacklogTask } from '@teamflow/ai/inputs';

/** A task as the AI features read it, for a select list over `tasks t join projects p`. */
export const backlogTaskColumns = sql`t.id, p.key || '-' || t.number as key, t.title, t.description, t.status,
  t.priority, t.due_date::text as due_date, t.created_at, t.story_points`;

/** The row `backlogTaskColumns` selects, with the dependency keys where the query reads them. */
// A type, not an interface: db.execute wants a row that is a Record<string, unknown>.
export type BacklogTaskRow = {
  id: string;
  key: string;
  title: string;
  description: string | null;
  status: BacklogTask['status'];
  priority: BacklogTask['priority'];
  due_date: string | null;
  created_at: Date | string;
  story_points: number | null;
  waits_on?: string[];
  blocks?: string[];
};

export const toBacklogTask = (r: BacklogTaskRow): BacklogTask => ({
  id: r.id,
  key: r.key,
  title: r.title,
  description: r.description,
  status: r.status,
  priority: r.priority,
  dueDate: r.due_date,
  createdAt: new Date(r.created_at).toISOString(),
  storyPoints: r.story_points,
  waitsOn: r.waits_on ?? [],
  blocks: r.blocks ?? [],
});

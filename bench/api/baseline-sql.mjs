// The statements the api runs, copied so the raw baselines do the same database work.
//
// LIST_TASKS: the rows and columns the api's list reads for GET /projects/:id/tasks with no
// filters, sort=position, no cursor (captured with Drizzle's query logger from listTaskRecords,
// now listTaskJson in packages/core/src/tasks/tasks.repository.ts, which asks PostgreSQL for the
// same rows as JSON). $1 = project id, $2 = limit + 1 (51 for ?limit=50). If the list's rows or
// order change, re-capture it: the bench checks before measuring that both sides return the same ids.
export const LIST_TASKS_SQL = `select "tasks"."id", "tasks"."workspace_id", "tasks"."project_id", "tasks"."number", "tasks"."title",
  "tasks"."description", "tasks"."status", "tasks"."priority", "tasks"."story_points", "tasks"."due_date", "tasks"."position",
  "tasks"."version", "tasks"."parent_id", "tasks"."sprint_id", "tasks"."created_by", "tasks"."completed_at", "tasks"."created_at",
  "tasks"."updated_at", "tasks"."deleted_at", "projects"."key",
  coalesce((select array_agg(ta.user_id order by ta.created_at, ta.user_id) from task_assignees ta where ta.task_id = "tasks"."id"), '{}'),
  coalesce((select array_agg(tl.label_id order by tl.created_at, tl.label_id) from task_labels tl where tl.task_id = "tasks"."id"), '{}'),
  json_build_array("tasks"."status", "tasks"."position")
from "tasks" inner join "projects" on "projects"."id" = "tasks"."project_id"
where ("tasks"."project_id" = $1 and "tasks"."deleted_at" is null)
order by "tasks"."status" asc, "tasks"."position" asc, "tasks"."id" asc
limit $2`;

// INSERT_TASK: the one INSERT of insertTask (same file) with the columns a small create sets; the
// RETURNING list is Drizzle's (every column). It is the floor for POST /projects/:id/tasks, not a
// reimplementation: the api also checks access, numbers the task, places it and records activity.
// $1 workspace, $2 project, $3 number, $4 title, $5 priority, $6 position, $7 created_by.
export const INSERT_TASK_SQL = `insert into "tasks" ("id", "workspace_id", "project_id", "number", "title", "priority", "position", "created_by")
values (default, $1, $2, $3, $4, $5, $6, $7)
returning "id", "workspace_id", "project_id", "number", "title", "description", "status", "priority", "story_points", "due_date",
  "position", "version", "parent_id", "sprint_id", "created_by", "completed_at", "created_at", "updated_at", "deleted_at", "search_vector"`;

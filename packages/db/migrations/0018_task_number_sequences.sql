-- Task numbers come from a sequence per project (`project_task_number_<project id without dashes>`),
-- not from the project row. nextval never waits for another transaction, so a project's creates no
-- longer commit one at a time behind `projects.task_counter`'s row lock (docs/ARCHITECTURE.md,
-- Task numbers). Numbers stay unique and increasing per project; one taken by a create that fails
-- is skipped, as in Jira.
--
-- `task_counter` stays for the previous release, which still numbers with
-- `UPDATE projects SET task_counter = task_counter + n … RETURNING task_counter`: a trigger turns each
-- such raise into n numbers drawn from the sequence, so both releases hand out distinct numbers
-- while a rollout runs them side by side. A later release drops the column and that trigger.

-- The name of a project's sequence, and the sequence (it exists from the project's INSERT to its DELETE).
CREATE OR REPLACE FUNCTION task_number_sequence_name(project_id uuid) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 'project_task_number_' || replace(project_id::text, '-', '') $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION task_number_sequence(project_id uuid) RETURNS regclass
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT task_number_sequence_name(project_id)::regclass $$;--> statement-breakpoint

-- Makes a project's sequence, its first number the one after `last_number`.
CREATE OR REPLACE FUNCTION start_task_number_sequence(project_id uuid, last_number bigint) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS bigint START WITH %s',
                 task_number_sequence_name(project_id), last_number + 1);
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION create_task_number_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM start_task_number_sequence(NEW.id, NEW.task_counter);
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION drop_task_number_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP SEQUENCE IF EXISTS %I', task_number_sequence_name(OLD.id));
  RETURN NULL;
END $$;--> statement-breakpoint

-- The previous release's numbering: a raise of task_counter by n draws n numbers and stores the last.
CREATE OR REPLACE FUNCTION draw_task_numbers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.task_counter > OLD.task_counter THEN
    SELECT max(n) INTO NEW.task_counter
    FROM (SELECT nextval(task_number_sequence(NEW.id)) AS n
          FROM generate_series(1, NEW.task_counter - OLD.task_counter)) drawn;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint

-- Creates that number through the row wait here until this migration commits, so none is numbered
-- from the row after its project's sequence was started (projects is a small table).
LOCK TABLE projects IN EXCLUSIVE MODE;--> statement-breakpoint

SELECT start_task_number_sequence(id, task_counter) FROM projects;--> statement-breakpoint

CREATE TRIGGER projects_task_number_sequence AFTER INSERT ON projects
  FOR EACH ROW EXECUTE FUNCTION create_task_number_sequence();--> statement-breakpoint
CREATE TRIGGER projects_task_number_sequence_gone AFTER DELETE ON projects
  FOR EACH ROW EXECUTE FUNCTION drop_task_number_sequence();--> statement-breakpoint
CREATE TRIGGER projects_task_counter_draws BEFORE UPDATE OF task_counter ON projects
  FOR EACH ROW EXECUTE FUNCTION draw_task_numbers();

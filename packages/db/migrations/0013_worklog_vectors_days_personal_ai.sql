-- Entry vectors are scored inside PostgreSQL with the cube extension (contrib; trusted since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS cube;--> statement-breakpoint
CREATE TABLE "worklog_days" (
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"entries" integer NOT NULL,
	"analysed" integer NOT NULL,
	"sentiment_sum" double precision NOT NULL,
	"skills" text[] NOT NULL,
	"skill_counts" integer[] NOT NULL,
	"project_keys" text[] NOT NULL,
	"project_names" text[] NOT NULL,
	"project_counts" integer[] NOT NULL,
	"themes" text[] NOT NULL,
	"theme_counts" integer[] NOT NULL,
	"achievements" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worklog_days_user_id_date_pk" PRIMARY KEY("user_id","date")
);
--> statement-breakpoint
CREATE TABLE "worklog_vectors" (
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"model" text NOT NULL,
	"part" smallint NOT NULL,
	"vector" "cube" NOT NULL,
	"norm2" double precision NOT NULL,
	CONSTRAINT "worklog_vectors_entry_id_model_part_pk" PRIMARY KEY("entry_id","model","part")
);
--> statement-breakpoint
ALTER TABLE "ai_usage" ALTER COLUMN "workspace_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "worklog_days" ADD CONSTRAINT "worklog_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklog_vectors" ADD CONSTRAINT "worklog_vectors_entry_id_worklog_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."worklog_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklog_vectors" ADD CONSTRAINT "worklog_vectors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worklog_vectors_user_model_idx" ON "worklog_vectors" USING btree ("user_id","model");--> statement-breakpoint
CREATE INDEX "ai_usage_personal_created_idx" ON "ai_usage" USING btree ("user_id","created_at") WHERE "ai_usage"."workspace_id" is null;--> statement-breakpoint
-- The local vectors stored so far (int8 × 100 bytes) become cube points of the same values (x / 127).
INSERT INTO "worklog_vectors" ("entry_id", "user_id", "model", "part", "vector", "norm2")
SELECT i.entry_id, i.user_id, i.vector_model, 0, cube(v.xs), (SELECT sum(x * x) FROM unnest(v.xs) AS x)
FROM "worklog_insights" i
CROSS JOIN LATERAL (
  SELECT array_agg(((get_byte(i.vector_q8, k) + 128) % 256 - 128)::float8 / 127 ORDER BY k) AS xs
  FROM generate_series(0, length(i.vector_q8) - 1) AS k
) v
WHERE i.vector_q8 IS NOT NULL AND i.vector_model IS NOT NULL;--> statement-breakpoint
-- Recomputes the per-day roll-up of the given (author, day) pairs from the entries and analyses as
-- they are now. Writers of one day wait for each other (advisory lock), so each recomputes from
-- what the other committed. A day with no entry left has no row.
CREATE FUNCTION worklog_refresh_days(p_users uuid[], p_dates date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('worklog_days:' || k.u || ':' || k.d, 0))
  FROM (SELECT DISTINCT u, d FROM unnest(p_users, p_dates) AS x(u, d) ORDER BY u, d) k;
  DELETE FROM worklog_days w USING unnest(p_users, p_dates) AS k(u, d) WHERE w.user_id = k.u AND w.date = k.d;
  INSERT INTO worklog_days (user_id, date, entries, analysed, sentiment_sum, skills, skill_counts,
    project_keys, project_names, project_counts, themes, theme_counts, achievements)
  SELECT k.u, k.d, day.entries, day.analysed, day.sentiment_sum,
    coalesce(sk.names, '{}'), coalesce(sk.counts, '{}'),
    coalesce(pr.keys, '{}'), coalesce(pr.names, '{}'), coalesce(pr.counts, '{}'),
    coalesce(th.names, '{}'), coalesce(th.counts, '{}'),
    coalesce(ach.list, '[]'::jsonb)
  FROM (SELECT DISTINCT u, d FROM unnest(p_users, p_dates) AS x(u, d)) k
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS entries,
           count(i.entry_id) FILTER (WHERE i.analysed_at IS NOT NULL)::int AS analysed,
           coalesce(sum(i.sentiment_score::float8) FILTER (WHERE i.analysed_at IS NOT NULL), 0) AS sentiment_sum
    FROM worklog_entries e LEFT JOIN worklog_insights i ON i.entry_id = e.id AND i.user_id = k.u
    WHERE e.user_id = k.u AND e.date = k.d
  ) day
  CROSS JOIN LATERAL (
    SELECT array_agg(s ORDER BY s) AS names, array_agg(n ORDER BY s) AS counts FROM (
      SELECT s, count(*)::int AS n
      FROM worklog_entries e JOIN worklog_insights i ON i.entry_id = e.id AND i.user_id = k.u, unnest(i.skills) AS s
      WHERE e.user_id = k.u AND e.date = k.d GROUP BY s) x
  ) sk
  CROSS JOIN LATERAL (
    SELECT array_agg(key ORDER BY key) AS keys, array_agg(name ORDER BY key) AS names, array_agg(n ORDER BY key) AS counts FROM (
      SELECT lower(p) AS key, min(p) AS name, count(*)::int AS n
      FROM worklog_entries e JOIN worklog_insights i ON i.entry_id = e.id AND i.user_id = k.u, unnest(i.projects) AS p
      WHERE e.user_id = k.u AND e.date = k.d GROUP BY lower(p)) x
  ) pr
  CROSS JOIN LATERAL (
    SELECT array_agg(t ORDER BY t) AS names, array_agg(n ORDER BY t) AS counts FROM (
      SELECT t, count(*)::int AS n
      FROM worklog_entries e JOIN worklog_insights i ON i.entry_id = e.id AND i.user_id = k.u, unnest(i.themes) AS t
      WHERE e.user_id = k.u AND e.date = k.d GROUP BY t) x
  ) th
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object('entryId', e.id, 'text', a->>'text', 'impact', a->>'impact', 'metric', a->>'metric')
                     ORDER BY (a->>'metric') IS NULL, e.id, n) AS list
    FROM worklog_entries e JOIN worklog_insights i ON i.entry_id = e.id AND i.user_id = k.u,
         jsonb_array_elements(i.achievements) WITH ORDINALITY AS x(a, n)
    WHERE e.user_id = k.u AND e.date = k.d
  ) ach
  WHERE day.entries > 0;
END $$;--> statement-breakpoint
-- Entries: a new or deleted entry changes its day; a save changes a day only when it moves the entry to another day.
CREATE FUNCTION worklog_entries_refresh_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE us uuid[]; ds date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(user_id), array_agg(date) INTO us, ds FROM (SELECT DISTINCT user_id, date FROM new_rows) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(user_id), array_agg(date) INTO us, ds FROM (SELECT DISTINCT user_id, date FROM old_rows) k;
  ELSE
    SELECT array_agg(user_id), array_agg(date) INTO us, ds FROM (
      SELECT o.user_id, o.date FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.user_id, o.date) IS DISTINCT FROM (n.user_id, n.date)
      UNION
      SELECT n.user_id, n.date FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.user_id, o.date) IS DISTINCT FROM (n.user_id, n.date)) k;
  END IF;
  IF us IS NOT NULL THEN PERFORM worklog_refresh_days(us, ds); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER worklog_entries_days_insert AFTER INSERT ON worklog_entries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION worklog_entries_refresh_days();--> statement-breakpoint
CREATE TRIGGER worklog_entries_days_update AFTER UPDATE ON worklog_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION worklog_entries_refresh_days();--> statement-breakpoint
CREATE TRIGGER worklog_entries_days_delete AFTER DELETE ON worklog_entries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION worklog_entries_refresh_days();--> statement-breakpoint
-- Analyses: a stored result (or its removal) changes its entry's day; marking it pending again does not.
CREATE FUNCTION worklog_insights_refresh_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE us uuid[]; ds date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(user_id), array_agg(date) INTO us, ds FROM (
      SELECT DISTINCT e.user_id, e.date FROM new_rows r JOIN worklog_entries e ON e.id = r.entry_id) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(user_id), array_agg(date) INTO us, ds FROM (
      SELECT DISTINCT e.user_id, e.date FROM old_rows r JOIN worklog_entries e ON e.id = r.entry_id) k;
  ELSE
    SELECT array_agg(user_id), array_agg(date) INTO us, ds FROM (
      SELECT DISTINCT e.user_id, e.date
      FROM old_rows o JOIN new_rows n ON n.entry_id = o.entry_id JOIN worklog_entries e ON e.id = n.entry_id
      WHERE (o.analysed_at, o.sentiment_score, o.skills, o.projects, o.themes, o.achievements)
            IS DISTINCT FROM (n.analysed_at, n.sentiment_score, n.skills, n.projects, n.themes, n.achievements)) k;
  END IF;
  IF us IS NOT NULL THEN PERFORM worklog_refresh_days(us, ds); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER worklog_insights_days_insert AFTER INSERT ON worklog_insights REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION worklog_insights_refresh_days();--> statement-breakpoint
CREATE TRIGGER worklog_insights_days_update AFTER UPDATE ON worklog_insights REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION worklog_insights_refresh_days();--> statement-breakpoint
CREATE TRIGGER worklog_insights_days_delete AFTER DELETE ON worklog_insights REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION worklog_insights_refresh_days();--> statement-breakpoint
-- The days written so far.
SELECT worklog_refresh_days(array_agg(user_id), array_agg(date)) FROM (SELECT DISTINCT user_id, date FROM worklog_entries) k;--> statement-breakpoint
ALTER TABLE "worklog_insights" DROP COLUMN "vector_model";--> statement-breakpoint
ALTER TABLE "worklog_insights" DROP COLUMN "vector_q8";
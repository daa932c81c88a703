-- Workspace search (packages/core/src/search) finds decisions and incidents by words and title substrings
-- through these, as it does tasks and comments: without them every search read the workspace's whole
-- decision log and incident history and built each one's tsvector (~80 ms for 1,000 decisions).
-- lock-ok: built concurrently before the deploy (CREATE INDEX CONCURRENTLY IF NOT EXISTS, each of the four below); decisions and incidents are small tables
CREATE INDEX IF NOT EXISTS "decisions_workspace_search_idx" ON "decisions" USING gin (to_tsvector('english'::regconfig, "title" || ' ' || "context" || ' ' || "decision"));--> statement-breakpoint
-- lock-ok: as above
CREATE INDEX IF NOT EXISTS "decisions_title_trgm_idx" ON "decisions" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
-- lock-ok: as above
CREATE INDEX IF NOT EXISTS "incidents_workspace_search_idx" ON "incidents" USING gin (to_tsvector('english'::regconfig, "title" || ' ' || coalesce("summary", '') || ' ' || coalesce("postmortem", '')));--> statement-breakpoint
-- lock-ok: as above
CREATE INDEX IF NOT EXISTS "incidents_title_trgm_idx" ON "incidents" USING gin ("title" gin_trgm_ops);

-- Title substring search (`title ilike '%q%'`, packages/core/src/search) uses a pg_trgm trigram GIN index.
-- pg_trgm is contrib and trusted since PostgreSQL 13, like cube (0013).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- lock-ok: built concurrently before the deploy (CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_title_trgm_idx" ON "tasks" USING gin ("title" gin_trgm_ops)); elsewhere tasks is small
CREATE INDEX IF NOT EXISTS "tasks_title_trgm_idx" ON "tasks" USING gin ("title" gin_trgm_ops);

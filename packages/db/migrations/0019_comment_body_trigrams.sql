-- Substring search in comments (`body ilike '%q%'`, packages/core/src/search) uses a pg_trgm trigram GIN
-- index, as task titles do (0017): without it the search read every comment of the workspace.
-- lock-ok: built concurrently before the deploy (CREATE INDEX CONCURRENTLY IF NOT EXISTS "comments_body_trgm_idx" ON "comments" USING gin ("body" gin_trgm_ops)); elsewhere comments is small
CREATE INDEX IF NOT EXISTS "comments_body_trgm_idx" ON "comments" USING gin ("body" gin_trgm_ops);

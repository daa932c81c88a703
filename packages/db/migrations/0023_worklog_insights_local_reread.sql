-- The hourly re-read of analyses by older local rules (packages/core/src/worklog/outdated-analyses.repository.ts)
-- walks this partial index in its own order, finished local analyses longest-analysed first: without it
-- every run read all of worklog_insights and sorted it. model and user_id are in it so a run that finds
-- nothing outdated reads the index alone.
-- lock-ok: built concurrently before the deploy (CREATE INDEX CONCURRENTLY IF NOT EXISTS "worklog_insights_local_reread_idx" ON "worklog_insights" USING btree ("analysed_at","entry_id","model","user_id") WHERE "worklog_insights"."provider" = 'local' and "worklog_insights"."status" in ('done', 'failed')); in development, CI and new installs worklog_insights is small
CREATE INDEX IF NOT EXISTS "worklog_insights_local_reread_idx" ON "worklog_insights" USING btree ("analysed_at","entry_id","model","user_id") WHERE "worklog_insights"."provider" = 'local' and "worklog_insights"."status" in ('done', 'failed');

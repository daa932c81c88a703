ALTER TABLE "job_outbox" ADD COLUMN "state" text DEFAULT 'staged' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_outbox" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_outbox" ADD COLUMN "requeues" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "job_outbox_unfinished_idx" ON "job_outbox" USING btree ("enqueued_at") WHERE "job_outbox"."state" = 'enqueued';--> statement-breakpoint
-- Rows enqueued before states existed: their outcome was never recorded; count them as finished so the reconciler leaves them alone.
UPDATE "job_outbox" SET "state" = 'done', "finished_at" = "enqueued_at" WHERE "enqueued_at" IS NOT NULL;

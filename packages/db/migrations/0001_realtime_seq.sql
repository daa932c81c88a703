CREATE TABLE "workspace_event_seq" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "event_seq" bigint;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "activity_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "workspace_event_seq" ADD CONSTRAINT "workspace_event_seq_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_workspace_seq_idx" ON "activities" USING btree ("workspace_id","event_seq") WHERE "activities"."event_seq" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_workspace_seq_idx" ON "outbox" USING btree ("workspace_id","seq") WHERE "outbox"."seq" is not null;
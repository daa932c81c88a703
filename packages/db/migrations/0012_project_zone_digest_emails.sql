CREATE TABLE "digest_emails" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_emails_workspace_id_user_id_date_pk" PRIMARY KEY("workspace_id","user_id","date")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "digest_emails" ADD CONSTRAINT "digest_emails_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_emails" ADD CONSTRAINT "digest_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
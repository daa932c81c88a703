-- Relay passes are numbered (packages/core/src/events/outbox-relay.ts): each takes a number from
-- `outbox_relay_pass` (a sequence: not rolled back) and its commit records it in
-- `outbox_relay_state`. A pass that died after appending its batch to the Redis stream (which a
-- rollback cannot take back) left numbers between the two; the next pass then republishes that
-- batch's rows first, with the seqs clients already received, instead of handing those seqs to
-- other events. The previous release ignores both (it neither takes nor records a number).
CREATE SEQUENCE IF NOT EXISTS "public"."outbox_relay_pass" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "outbox_relay_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_pass" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_relay_state_one_row" CHECK ("outbox_relay_state"."id" = 1)
);--> statement-breakpoint
INSERT INTO "outbox_relay_state" ("id") VALUES (1) ON CONFLICT DO NOTHING;

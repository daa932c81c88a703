-- Time zones the api took before it refused the names Intl knows but PostgreSQL does not read as
-- the same IANA zone (packages/contracts/src/time-zones.ts): Java's three-letter ids (PostgreSQL
-- refuses BET, CTT…, and reads PST, IST… as fixed offsets meaning something else) and links the
-- IANA database dropped. A stored one failed every query that reads local dates over all users
-- (`at time zone`), and the web would refuse it in an answer. Each becomes the zone Intl took it
-- for (packages/db/test/legacy-time-zones.test.ts checks the pairs against Intl). Data only: both
-- releases read the new names.
CREATE TEMPORARY TABLE "legacy_time_zones" ("legacy" text PRIMARY KEY, "iana" text NOT NULL) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "legacy_time_zones" ("legacy", "iana") VALUES
  ('ACT', 'Australia/Darwin'), ('AET', 'Australia/Sydney'), ('AGT', 'America/Argentina/Buenos_Aires'),
  ('ART', 'Africa/Cairo'), ('AST', 'America/Anchorage'), ('BET', 'America/Sao_Paulo'), ('BST', 'Asia/Dhaka'),
  ('CAT', 'Africa/Maputo'), ('CNT', 'America/St_Johns'), ('CST', 'America/Chicago'), ('CTT', 'Asia/Shanghai'),
  ('EAT', 'Africa/Nairobi'), ('ECT', 'Europe/Paris'), ('IET', 'America/Indiana/Indianapolis'),
  ('IST', 'Asia/Kolkata'), ('JST', 'Asia/Tokyo'), ('MIT', 'Pacific/Apia'), ('NET', 'Asia/Yerevan'),
  ('NST', 'Pacific/Auckland'), ('PLT', 'Asia/Karachi'), ('PNT', 'America/Phoenix'), ('PRT', 'America/Puerto_Rico'),
  ('PST', 'America/Los_Angeles'), ('SST', 'Pacific/Guadalcanal'), ('VST', 'Asia/Ho_Chi_Minh'),
  ('US/PACIFIC-NEW', 'America/Los_Angeles'), ('CANADA/EAST-SASKATCHEWAN', 'America/Regina');--> statement-breakpoint
UPDATE "users" AS t SET "time_zone" = m."iana" FROM "legacy_time_zones" m WHERE upper(t."time_zone") = m."legacy";--> statement-breakpoint
UPDATE "workspaces" AS t SET "time_zone" = m."iana" FROM "legacy_time_zones" m WHERE upper(t."time_zone") = m."legacy";--> statement-breakpoint
UPDATE "projects" AS t SET "time_zone" = m."iana" FROM "legacy_time_zones" m WHERE upper(t."time_zone") = m."legacy";--> statement-breakpoint
UPDATE "task_series" AS t SET "time_zone" = m."iana" FROM "legacy_time_zones" m WHERE upper(t."time_zone") = m."legacy";

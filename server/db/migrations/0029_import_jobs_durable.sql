ALTER TABLE "import_jobs" ADD COLUMN "upload_cipher" "bytea";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "upload_plan" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "heartbeat_at";
--> statement-breakpoint
-- The sweep of imports without a heartbeat is gone (imports are runner jobs): its schedule goes with it.
DELETE FROM "job_schedules" WHERE "name" = 'imports.fail-stale';
--> statement-breakpoint
DELETE FROM "jobs" WHERE "kind" = 'imports.fail-stale';

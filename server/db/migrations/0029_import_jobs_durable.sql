ALTER TABLE "import_jobs" ADD COLUMN "upload_cipher" "bytea";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "upload_plan" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "heartbeat_at";

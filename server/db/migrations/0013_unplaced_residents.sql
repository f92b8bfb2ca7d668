ALTER TABLE "resident_name_keys" ALTER COLUMN "grid_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ALTER COLUMN "grid_id" DROP NOT NULL;
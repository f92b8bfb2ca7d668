ALTER TABLE "cadre_postings" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "cadre_postings" ADD COLUMN "withdrawn_reason" text;
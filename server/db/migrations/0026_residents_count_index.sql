DROP INDEX "residents_community_birth_idx";--> statement-breakpoint
CREATE INDEX "residents_community_birth_idx" ON "residents" USING btree ("community_id","birth_date","sex","status");
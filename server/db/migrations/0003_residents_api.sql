DROP INDEX "residents_phone_idx";--> statement-breakpoint
CREATE INDEX "residents_pinyin_order_idx" ON "residents" USING btree ("name_pinyin" COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "residents_birth_order_idx" ON "residents" USING btree ("birth_date","id");--> statement-breakpoint
CREATE INDEX "residents_created_order_idx" ON "residents" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "residents_phone_idx" ON "residents" USING btree ("phone" text_pattern_ops);
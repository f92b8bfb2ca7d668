CREATE TABLE "password_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_grants" ADD COLUMN "pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user_grants" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "user_grants" ADD COLUMN "requested_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_grants" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "user_grants" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_cipher" "bytea";--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("user_id","replaced_at");--> statement-breakpoint
CREATE INDEX "user_grants_pending_idx" ON "user_grants" USING btree ("pending");--> statement-breakpoint
-- Hand-written data fix (keep when regenerating): a secret set up but not yet enabled now waits in
-- totp_pending_cipher; totp_cipher holds only a factor in force.
UPDATE "users" SET "totp_pending_cipher" = "totp_cipher", "totp_cipher" = NULL WHERE "totp_enabled_at" IS NULL AND "totp_cipher" IS NOT NULL;

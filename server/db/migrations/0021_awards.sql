CREATE TABLE "award_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"score" numeric(6, 3) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"kind" text NOT NULL,
	"reason_zh" text NOT NULL,
	"reason_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"voucher" text NOT NULL,
	"funding_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"pot_fen" bigint NOT NULL,
	"floor_score" numeric(6, 3) NOT NULL,
	"max_share" numeric(10, 9),
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_on" date,
	"approved_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"score" numeric(6, 3) NOT NULL,
	"item_scores" jsonb,
	"inspector" text NOT NULL,
	"inspected_on" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "award_allocations_round_community_idx" ON "award_allocations" USING btree ("round_id","community_id");--> statement-breakpoint
CREATE INDEX "award_payments_round_community_idx" ON "award_payments" USING btree ("round_id","community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_rounds_year_idx" ON "award_rounds" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "award_scores_round_community_idx" ON "award_scores" USING btree ("round_id","community_id");
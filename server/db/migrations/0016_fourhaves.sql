CREATE TABLE "community_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"adopted_on" date NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_staffing" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"full_time" integer DEFAULT 0 NOT NULL,
	"part_time" integer DEFAULT 0 NOT NULL,
	"police" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "four_haves_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"amount_fen" bigint NOT NULL,
	"entry_date" date NOT NULL,
	"description" text NOT NULL,
	"voucher" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"developer" text NOT NULL,
	"floor_area_m2" numeric(12, 2) NOT NULL,
	"planned_households" integer,
	"planned_premises_m2" numeric(10, 2) DEFAULT 0 NOT NULL,
	"handed_over_m2" numeric(10, 2) DEFAULT 0 NOT NULL,
	"approval_on" date,
	"planning_on" date,
	"permit_on" date,
	"completion_on" date,
	"handover_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "premises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"use" text NOT NULL,
	"area_m2" numeric(10, 2) NOT NULL,
	"ownership" text NOT NULL,
	"rent_fen" bigint,
	"lease_end" date,
	"counterpart" text,
	"state" text NOT NULL,
	"in_use_since" date,
	"address" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "community_rules_community_idx" ON "community_rules" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "funding_entries_community_year_idx" ON "funding_entries" USING btree ("community_id","year");--> statement-breakpoint
CREATE INDEX "housing_projects_community_idx" ON "housing_projects" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "premises_community_idx" ON "premises" USING btree ("community_id");
CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"floors" integer DEFAULT 1 NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"built_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"building_id" uuid,
	"household_number" text,
	"room" text,
	"address" text NOT NULL,
	"household_type" text DEFAULT 'family' NOT NULL,
	"head_resident_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"move_type" text NOT NULL,
	"from_household_id" uuid,
	"to_household_id" uuid,
	"from_community_id" uuid,
	"to_community_id" uuid,
	"effective_date" date NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"household_id" uuid,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"id_cipher" "bytea" NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"id_tail_rev" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"ethnicity" text DEFAULT '汉族' NOT NULL,
	"phone" text,
	"education" text,
	"political_status" text,
	"marital_status" text,
	"employment_status" text,
	"residence_type" text DEFAULT 'registered_resident' NOT NULL,
	"relation_to_head" text,
	"status" text DEFAULT 'active' NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"group_type" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "buildings_community_idx" ON "buildings" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "buildings_grid_idx" ON "buildings" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "buildings_name_trgm" ON "buildings" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "households_community_idx" ON "households" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "households_building_idx" ON "households" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "households_grid_idx" ON "households" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "households_address_trgm" ON "households" USING gin ("address" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resident_moves_resident_idx" ON "resident_moves" USING btree ("resident_id","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_hash_key" ON "residents" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "residents_community_pinyin_idx" ON "residents" USING btree ("community_id","name_pinyin","id");--> statement-breakpoint
CREATE INDEX "residents_pinyin_idx" ON "residents" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_initials_idx" ON "residents" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_tail_idx" ON "residents" USING btree ("id_tail_rev" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_name_trgm" ON "residents" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_phone_idx" ON "residents" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_grid_idx" ON "residents" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "residents_community_birth_idx" ON "residents" USING btree ("community_id","birth_date");--> statement-breakpoint
CREATE INDEX "care_records_resident_idx" ON "care_records" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "care_records_community_group_idx" ON "care_records" USING btree ("community_id","group_type","end_date");
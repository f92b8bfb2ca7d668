CREATE TABLE "organisation_honours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"issuer" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"resident_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"founded_date" date,
	"address" text,
	"contact_person" text,
	"contact_phone" text,
	"contribution" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"course" text NOT NULL,
	"form" text NOT NULL,
	"hours" real NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"resident_id" uuid,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"post" text NOT NULL,
	"source" text NOT NULL,
	"education" text,
	"party_member" boolean DEFAULT false NOT NULL,
	"phone" text,
	"pay_grade" text,
	"pension_insured" boolean DEFAULT false NOT NULL,
	"medical_insured" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "organisation_honours_org_idx" ON "organisation_honours" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_honours_community_idx" ON "organisation_honours" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "organisation_members_org_idx" ON "organisation_members" USING btree ("organisation_id","end_date");--> statement-breakpoint
CREATE INDEX "organisation_members_resident_idx" ON "organisation_members" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "organisation_members_community_idx" ON "organisation_members" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "organisations_community_type_idx" ON "organisations" USING btree ("community_id","type");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm" ON "organisations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cadre_trainings_cadre_idx" ON "cadre_trainings" USING btree ("cadre_id","date");--> statement-breakpoint
CREATE INDEX "cadre_trainings_community_idx" ON "cadre_trainings" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "cadres_community_idx" ON "cadres" USING btree ("community_id","end_date");--> statement-breakpoint
CREATE INDEX "cadres_resident_idx" ON "cadres" USING btree ("resident_id");
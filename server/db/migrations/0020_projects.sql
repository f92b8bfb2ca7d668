CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"planned_on" date NOT NULL,
	"done_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"premises_id" uuid,
	"area_m2" numeric(10, 2),
	"budget_fen" bigint DEFAULT 0 NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"state" text DEFAULT 'planned' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_entries" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_milestones_community_idx" ON "project_milestones" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "projects_community_idx" ON "projects" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "funding_entries_project_idx" ON "funding_entries" USING btree ("project_id");
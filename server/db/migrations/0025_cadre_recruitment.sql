CREATE TABLE "cadre_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"resident_id" uuid,
	"name" text NOT NULL,
	"id_cipher" "bytea" NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"education" text,
	"phone" text,
	"eligibility" text,
	"eligibility_reason" text,
	"eligibility_overridden" boolean DEFAULT false NOT NULL,
	"written_score" double precision,
	"interview_score" double precision,
	"outcome" text,
	"cadre_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_posting_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"application_id" uuid,
	"text" text NOT NULL,
	"received_on" date NOT NULL,
	"answer" text,
	"upheld" boolean,
	"answered_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"post" text NOT NULL,
	"quota" integer NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"education_min" text,
	"other_conditions" text,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"written_weight" integer DEFAULT 40 NOT NULL,
	"interview_weight" integer DEFAULT 60 NOT NULL,
	"shortlist_ratio" double precision DEFAULT 1.5 NOT NULL,
	"notice_days" integer DEFAULT 7 NOT NULL,
	"notice_start" date,
	"notice_end" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cadre_applications_posting_idx" ON "cadre_applications" USING btree ("posting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_applications_person_uq" ON "cadre_applications" USING btree ("posting_id","id_hash");--> statement-breakpoint
CREATE INDEX "cadre_posting_objections_posting_idx" ON "cadre_posting_objections" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "cadre_postings_community_idx" ON "cadre_postings" USING btree ("community_id","closes_on");
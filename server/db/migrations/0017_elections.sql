CREATE TABLE "election_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"post" text NOT NULL,
	"nominator_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_tallies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"station" text NOT NULL,
	"ballots_issued" integer NOT NULL,
	"ballots_returned" integer NOT NULL,
	"invalid_ballots" integer NOT NULL,
	"votes" jsonb NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_voters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"household_id" uuid,
	"source" text NOT NULL,
	"household_rep" boolean DEFAULT false NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"term" integer NOT NULL,
	"mode" text NOT NULL,
	"seats_director" integer NOT NULL,
	"seats_deputy" integer NOT NULL,
	"seats_member" integer NOT NULL,
	"election_date" date NOT NULL,
	"law_code" text NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "election_candidates_key" ON "election_candidates" USING btree ("election_id","resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_tallies_key" ON "election_tallies" USING btree ("election_id","round","station");--> statement-breakpoint
CREATE UNIQUE INDEX "election_voters_key" ON "election_voters" USING btree ("election_id","resident_id");--> statement-breakpoint
CREATE INDEX "election_voters_household_idx" ON "election_voters" USING btree ("election_id","household_id");--> statement-breakpoint
CREATE INDEX "elections_community_idx" ON "elections" USING btree ("community_id","election_date");--> statement-breakpoint
CREATE UNIQUE INDEX "elections_community_term_key" ON "elections" USING btree ("community_id","term");
CREATE TABLE "election_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"resident_id" uuid NOT NULL,
	"filed_by" text NOT NULL,
	"reason" text NOT NULL,
	"filed_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_recalls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"proposer_count" integer NOT NULL,
	"registered_voters" integer NOT NULL,
	"reason" text NOT NULL,
	"proposed_on" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"vote_date" date,
	"ballots_issued" integer,
	"ballots_returned" integer,
	"invalid_ballots" integer,
	"votes_for" integer,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "election_voters_household_idx";--> statement-breakpoint
DROP INDEX "elections_community_term_key";--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
CREATE INDEX "election_objections_election_idx" ON "election_objections" USING btree ("election_id","filed_on");--> statement-breakpoint
CREATE INDEX "election_objections_open_idx" ON "election_objections" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "election_recalls_election_idx" ON "election_recalls" USING btree ("election_id");--> statement-breakpoint
CREATE UNIQUE INDEX "elections_community_term_key" ON "elections" USING btree ("community_id","term") WHERE status <> 'withdrawn';
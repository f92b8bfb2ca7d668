CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- ==== Hand-written (issue 11 item 15): keep this block when the migration is regenerated. ====
-- The retention purge may delete only entries older than 180 days (the legal floor; AUDIT_RETENTION_DAYS
-- cannot go lower): a purge-flagged DELETE of a younger entry is refused by the database itself, not just
-- by the app. audit_anchors is append-only the same way.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('shequ.audit_purge', true) = 'on' THEN
    IF OLD.at > now() - interval '180 days' THEN
      RAISE EXCEPTION '% is append-only: entry % is younger than the 180-day retention', TG_TABLE_NAME, OLD.seq
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE OR DELETE ON audit_anchors FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

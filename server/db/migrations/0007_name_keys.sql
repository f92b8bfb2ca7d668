CREATE TABLE "resident_name_keys" (
	"key" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"resident_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "residents_name_trgm";--> statement-breakpoint
CREATE INDEX "resident_name_keys_walk_idx" ON "resident_name_keys" USING btree ("key","name_pinyin" COLLATE "C","resident_id","community_id","grid_id","status");--> statement-breakpoint
CREATE INDEX "resident_name_keys_resident_idx" ON "resident_name_keys" USING btree ("resident_id");--> statement-breakpoint
-- The search keys of a name: each distinct character and pair of adjacent characters (王小明 → 王 小 明 王小 小明)
-- and each prefix of two to eight letters of the pinyin initials (wxm → wx wxm; one letter is a range of the
-- pinyin itself, whose first letter is the first initial).
CREATE OR REPLACE FUNCTION shequ_name_keys(name text, initials text) RETURNS text[] AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
    SELECT substr(name, i, 1) AS k FROM generate_series(1, char_length(name)) AS i
    UNION ALL
    SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
    UNION ALL
    SELECT left(initials, i) FROM generate_series(2, least(char_length(initials), 8)) AS i
  ) s
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
--> statement-breakpoint
-- Keeps resident_name_keys equal to the keys of each resident's name, with its pinyin, scope keys and status.
CREATE OR REPLACE FUNCTION resident_name_keys_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.name = OLD.name AND NEW.name_pinyin = OLD.name_pinyin AND NEW.name_initials = OLD.name_initials
     AND NEW.community_id = OLD.community_id AND NEW.grid_id = OLD.grid_id AND NEW.status = OLD.status THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM resident_name_keys WHERE resident_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO resident_name_keys (key, name_pinyin, resident_id, community_id, grid_id, status)
      SELECT k, NEW.name_pinyin, NEW.id, NEW.community_id, NEW.grid_id, NEW.status FROM unnest(shequ_name_keys(NEW.name, NEW.name_initials)) AS k;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER residents_name_keys
  AFTER INSERT OR DELETE OR UPDATE OF name, name_pinyin, name_initials, community_id, grid_id, status ON residents
  FOR EACH ROW EXECUTE FUNCTION resident_name_keys_sync();
--> statement-breakpoint
INSERT INTO resident_name_keys (key, name_pinyin, resident_id, community_id, grid_id, status)
  SELECT k, r.name_pinyin, r.id, r.community_id, r.grid_id, r.status FROM residents r, unnest(shequ_name_keys(r.name, r.name_initials)) AS k;

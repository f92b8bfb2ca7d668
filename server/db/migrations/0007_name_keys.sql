CREATE TABLE "resident_name_keys" (
	"key" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"resident_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "residents_community_pinyin_idx";--> statement-breakpoint
DROP INDEX "residents_pinyin_idx";--> statement-breakpoint
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
-- Keep resident_name_keys equal to the keys of each resident's name, with its pinyin, scope keys and status.
-- Statement-level triggers with transition tables: an import's batch of 500 rows is one INSERT … SELECT,
-- not 500 calls (PostgreSQL allows transition tables only on single-event triggers without column lists).
CREATE OR REPLACE FUNCTION resident_name_keys_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO resident_name_keys (key, name_pinyin, resident_id, community_id, grid_id, status)
    SELECT k, n.name_pinyin, n.id, n.community_id, n.grid_id, n.status FROM new_rows n, unnest(shequ_name_keys(n.name, n.name_initials)) AS k;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_name_keys_update() RETURNS trigger AS $$
BEGIN
  -- One snapshot: the DELETE removes the changed residents' old keys and cannot see the new ones inserted.
  WITH changed AS (
    SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.name, n.name_pinyin, n.name_initials, n.community_id, n.grid_id, n.status)
           IS DISTINCT FROM (o.name, o.name_pinyin, o.name_initials, o.community_id, o.grid_id, o.status)
  ), gone AS (
    DELETE FROM resident_name_keys k USING changed c WHERE k.resident_id = c.id
  )
  INSERT INTO resident_name_keys (key, name_pinyin, resident_id, community_id, grid_id, status)
    SELECT k, c.name_pinyin, c.id, c.community_id, c.grid_id, c.status FROM changed c, unnest(shequ_name_keys(c.name, c.name_initials)) AS k;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_name_keys_delete() RETURNS trigger AS $$
BEGIN
  DELETE FROM resident_name_keys k USING old_rows o WHERE k.resident_id = o.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER residents_name_keys_insert AFTER INSERT ON residents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION resident_name_keys_insert();
--> statement-breakpoint
CREATE TRIGGER residents_name_keys_update AFTER UPDATE ON residents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION resident_name_keys_update();
--> statement-breakpoint
CREATE TRIGGER residents_name_keys_delete AFTER DELETE ON residents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION resident_name_keys_delete();
--> statement-breakpoint
INSERT INTO resident_name_keys (key, name_pinyin, resident_id, community_id, grid_id, status)
  SELECT k, r.name_pinyin, r.id, r.community_id, r.grid_id, r.status FROM residents r, unnest(shequ_name_keys(r.name, r.name_initials)) AS k;

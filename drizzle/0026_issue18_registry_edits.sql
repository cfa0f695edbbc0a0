-- Issue 18: the registry as people use it.
-- 1. The history of corrections to a case's or a document's details while the case is open:
--    who changed which field, from what, to what, and when. Append-only, like the audit log.
CREATE TABLE "registry_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"changed_by" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_changes_entity_check" CHECK ("entity" IN ('case', 'document'))
);
--> statement-breakpoint
CREATE INDEX "registry_changes_entity_idx" ON "registry_changes" USING btree ("entity", "entity_id", "changed_at");
--> statement-breakpoint
CREATE FUNCTION kansli_registry_changes_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'registry_changes is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registry_changes_no_update BEFORE UPDATE OR DELETE ON registry_changes
  FOR EACH ROW EXECUTE FUNCTION kansli_registry_changes_immutable();
--> statement-breakpoint
-- 2. Search finds the tails of Swedish compounds: "analys" finds "Sårbarhetsanalys". The title's
--    long words (8 letters or more) also give every tail of 4 letters or more after a head of 3 or
--    more, indexed with the lowest weight (D). Titles only: they are short, file texts are not.
CREATE FUNCTION kansli_compound_tails(words text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(substr(w, i), ' '), '')
  FROM regexp_split_to_table(lower(words), '[^a-zåäöéüæøà]+') AS w,
       generate_series(4, length(w) - 3) AS i
  WHERE length(w) >= 8
$$;
--> statement-breakpoint
ALTER TABLE "search_entries" DROP COLUMN "tsv";
--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(content, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, kansli_compound_tails(coalesce(title, ''))), 'D')) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");
--> statement-breakpoint
-- 3. A secret agenda item names its secrecy provision (OSL 5:5), as a secret document does.
ALTER TABLE "agenda_items" ADD COLUMN "secrecy_provision" text;

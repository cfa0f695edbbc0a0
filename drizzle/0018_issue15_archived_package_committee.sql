-- Issue 15: an archived package is a committee's (the archive creator's), like its deliveries,
-- disposal lists and plan; lists and reads are scoped by it.
ALTER TABLE "archived_packages" ADD COLUMN "committee_id" uuid;
--> statement-breakpoint
-- A package imported before any committee existed: its archive creator becomes a committee, so
-- that the package has an owner (the setup page still creates the installation's own committee).
INSERT INTO "organisations" ("kind", "name", "slug")
SELECT 'committee', coalesce(nullif(p."mets"->>'archivalCreator', ''), 'Arkivbildare'), 'arkivbildare-' || substr(md5(p."id"::text), 1, 8)
FROM (SELECT "id", "mets" FROM "archived_packages" ORDER BY "imported_at" LIMIT 1) p
WHERE NOT EXISTS (SELECT 1 FROM "organisations" WHERE "kind" = 'committee');
--> statement-breakpoint
-- Until now the archive served the installation's first committee: existing packages are its.
UPDATE "archived_packages" SET "committee_id" = (SELECT "id" FROM "organisations" WHERE "kind" = 'committee' ORDER BY "created_at", "id" LIMIT 1);
--> statement-breakpoint
ALTER TABLE "archived_packages" ALTER COLUMN "committee_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "archived_packages" ADD CONSTRAINT "archived_packages_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "archived_packages_committee_idx" ON "archived_packages" USING btree ("committee_id");

-- Issue 16 (record completeness): the public heading of a secret matter, the notice of a paragraph
-- adjusted at the meeting (omedelbar justering, KL 5:70, 8:12, 13:5), and corrections of posting dates.
ALTER TABLE "agenda_items" ADD COLUMN "public_heading" text;
--> statement-breakpoint
ALTER TABLE "protocol_paragraphs" ADD COLUMN "public_heading" text;
--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "paragraph_id" uuid;
--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_paragraph_id_protocol_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."protocol_paragraphs"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
DROP INDEX "notices_protocol_org_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "notices_protocol_org_key" ON "notices" USING btree ("protocol_id","organisation_id") WHERE "paragraph_id" IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "notices_paragraph_org_key" ON "notices" USING btree ("paragraph_id","organisation_id") WHERE "paragraph_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "notice_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"previous_posted_on" date NOT NULL,
	"corrected_posted_on" date NOT NULL,
	"reason" text NOT NULL,
	"corrected_by_user_id" uuid NOT NULL,
	"corrected_by_name" text NOT NULL,
	"corrected_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notice_corrections" ADD CONSTRAINT "notice_corrections_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notice_corrections" ADD CONSTRAINT "notice_corrections_corrected_by_user_id_users_id_fk" FOREIGN KEY ("corrected_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "notice_corrections_notice_idx" ON "notice_corrections" USING btree ("notice_id");
--> statement-breakpoint
-- A recorded posting date is part of the public record the appeal period counts from (KL 13:5): it
-- changes only together with a correction (reason, named person) for exactly that change.
CREATE FUNCTION kansli_notice_posting_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  latest record;
BEGIN
  IF OLD.posted_on IS NULL OR NEW.posted_on IS NOT DISTINCT FROM OLD.posted_on THEN
    RETURN NEW;
  END IF;
  SELECT previous_posted_on, corrected_posted_on INTO latest FROM notice_corrections
   WHERE notice_id = OLD.id ORDER BY corrected_at DESC, id DESC LIMIT 1;
  IF latest IS NULL OR latest.previous_posted_on <> OLD.posted_on OR latest.corrected_posted_on IS DISTINCT FROM NEW.posted_on THEN
    RAISE EXCEPTION 'the posting date of notice % is recorded; it changes only through a correction with a reason', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notices_posting_guard BEFORE UPDATE ON notices
  FOR EACH ROW EXECUTE FUNCTION kansli_notice_posting_guard();
--> statement-breakpoint
CREATE FUNCTION kansli_notice_correction_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a correction of a posting date cannot be changed or removed';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notice_corrections_immutable BEFORE UPDATE OR DELETE ON notice_corrections
  FOR EACH ROW EXECUTE FUNCTION kansli_notice_correction_immutable();

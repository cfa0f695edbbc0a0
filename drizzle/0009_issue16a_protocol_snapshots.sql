-- Issue 16 (freeze and seal): a final protocol is stored as it was at justering and read back
-- from here; corrections (rättelse, FL 36 §) are new records; nothing after the seal.
CREATE TABLE "protocol_snapshots" (
	"protocol_id" uuid PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"document_sha256" text NOT NULL,
	"signatures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"votes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"full_pdf_sha256" text NOT NULL,
	"public_pdf_sha256" text NOT NULL,
	"seal_level" text NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protocol_snapshots" ADD CONSTRAINT "protocol_snapshots_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_snapshots" ADD CONSTRAINT "protocol_snapshots_full_pdf_sha256_file_blobs_sha256_fk" FOREIGN KEY ("full_pdf_sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_snapshots" ADD CONSTRAINT "protocol_snapshots_public_pdf_sha256_file_blobs_sha256_fk" FOREIGN KEY ("public_pdf_sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protocol_snapshots_full_pdf_idx" ON "protocol_snapshots" USING btree (lower("full_pdf_sha256"));--> statement-breakpoint
CREATE INDEX "protocol_snapshots_public_pdf_idx" ON "protocol_snapshots" USING btree (lower("public_pdf_sha256"));--> statement-breakpoint
CREATE TABLE "protocol_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"paragraph_id" uuid,
	"correction" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_by_user_id" uuid,
	"public" boolean NOT NULL,
	"pdf_sha256" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protocol_corrections" ADD CONSTRAINT "protocol_corrections_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_corrections" ADD CONSTRAINT "protocol_corrections_paragraph_id_protocol_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."protocol_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_corrections" ADD CONSTRAINT "protocol_corrections_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_corrections" ADD CONSTRAINT "protocol_corrections_pdf_sha256_file_blobs_sha256_fk" FOREIGN KEY ("pdf_sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_corrections_number_key" ON "protocol_corrections" USING btree ("protocol_id","number");--> statement-breakpoint
-- Snapshots and corrections are written once and never changed or removed.
CREATE FUNCTION kansli_issue16a_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a final protocol and its corrections are never changed', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_snapshots_append_only BEFORE UPDATE OR DELETE ON protocol_snapshots
  FOR EACH ROW EXECUTE FUNCTION kansli_issue16a_append_only();
--> statement-breakpoint
CREATE TRIGGER protocol_corrections_append_only BEFORE UPDATE OR DELETE ON protocol_corrections
  FOR EACH ROW EXECUTE FUNCTION kansli_issue16a_append_only();
--> statement-breakpoint
-- A paragraph that has been signed (by itself at the meeting, or with the whole protocol) keeps
-- its content: only a § number not yet given, the adjusted_at of its justering and updated_at may
-- still be set. Compared as JSON, so columns added later are covered too.
CREATE FUNCTION kansli_signed_paragraph_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ignored text[] := ARRAY['updated_at', 'adjusted_at', 'number', 'year'];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM protocol_signatures s
                  WHERE s.paragraph_id = OLD.id
                     OR (s.protocol_id = OLD.protocol_id AND s.paragraph_id IS NULL)) THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE'
     OR (OLD.number IS NOT NULL AND NEW.number IS DISTINCT FROM OLD.number)
     OR (OLD.adjusted_at IS NOT NULL AND NEW.adjusted_at IS DISTINCT FROM OLD.adjusted_at)
     OR (to_jsonb(NEW) - ignored) IS DISTINCT FROM (to_jsonb(OLD) - ignored) THEN
    RAISE EXCEPTION 'paragraph % has been signed and cannot be changed', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_paragraphs_signed_guard BEFORE UPDATE OR DELETE ON protocol_paragraphs
  FOR EACH ROW EXECUTE FUNCTION kansli_signed_paragraph_guard();
--> statement-breakpoint
-- Reservations and their written reasons close at justering (KL 4:27, reglemente 21 §): once the
-- meeting's protocol is locked for justering or final, or the item's paragraph has been signed.
CREATE FUNCTION kansli_reservation_closed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.item_id ELSE OLD.item_id END;
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('kansli.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM agenda_items a JOIN protocols p ON p.meeting_id = a.meeting_id
              WHERE a.id = item AND p.status IN ('locked', 'final'))
     OR EXISTS (SELECT 1 FROM protocol_paragraphs pp JOIN protocol_signatures s ON s.paragraph_id = pp.id
                 WHERE pp.agenda_item_id = item) THEN
    RAISE EXCEPTION 'reservations on item % are closed: its protocol is being adjusted or final', item;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reservations_closed_guard BEFORE INSERT OR UPDATE OR DELETE ON reservations
  FOR EACH ROW EXECUTE FUNCTION kansli_reservation_closed_guard();

-- Issue 18 (justering as a review): the protocol as it was locked is kept for the signers to read,
-- the chair and the adjuster comment on its paragraphs, the secretary answers or applies a comment.
-- Applying unlocks the protocol for correction: the signatures already given stop counting (they
-- are kept, marked void, never deleted) and the signers sign the protocol locked again.
CREATE TABLE "protocol_review_copies" (
	"protocol_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"digest_version" smallint NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protocol_review_copies_pk" PRIMARY KEY ("protocol_id", "sha256")
);
--> statement-breakpoint
ALTER TABLE "protocol_review_copies" ADD CONSTRAINT "protocol_review_copies_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE FUNCTION kansli_review_copy_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'protocol_review_copies is append-only: the protocol as locked is never changed';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_review_copies_append_only BEFORE UPDATE OR DELETE ON protocol_review_copies
  FOR EACH ROW EXECUTE FUNCTION kansli_review_copy_append_only();
--> statement-breakpoint
CREATE TABLE "protocol_review_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" uuid NOT NULL,
	"paragraph_id" uuid NOT NULL,
	"paragraph_number" integer,
	"paragraph_heading" text NOT NULL,
	"protocol_sha256" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolution" text,
	"answer" text,
	"resolved_by_user_id" uuid,
	"resolved_at" timestamp (3) with time zone,
	CONSTRAINT "protocol_review_comments_role_check" CHECK ("author_role" IN ('chair', 'adjuster')),
	CONSTRAINT "protocol_review_comments_resolution_check" CHECK ("resolution" IS NULL OR "resolution" IN ('answered', 'applied')),
	CONSTRAINT "protocol_review_comments_resolved_check" CHECK (("resolution" IS NULL) = ("resolved_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "protocol_review_comments" ADD CONSTRAINT "protocol_review_comments_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protocol_review_comments" ADD CONSTRAINT "protocol_review_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protocol_review_comments" ADD CONSTRAINT "protocol_review_comments_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "protocol_review_comments_protocol_idx" ON "protocol_review_comments" USING btree ("protocol_id");
--> statement-breakpoint
-- A comment is answered or applied once; what it says, and the answer given, never change.
CREATE FUNCTION kansli_review_comment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.resolution IS NOT NULL
     OR (to_jsonb(NEW) - ARRAY['resolution', 'answer', 'resolved_by_user_id', 'resolved_at'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['resolution', 'answer', 'resolved_by_user_id', 'resolved_at']) THEN
    RAISE EXCEPTION 'review comment % cannot be changed once made or resolved', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_review_comments_guard BEFORE UPDATE OR DELETE ON protocol_review_comments
  FOR EACH ROW EXECUTE FUNCTION kansli_review_comment_guard();
--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD COLUMN "voided_at" timestamp (3) with time zone;
--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD COLUMN "voided_reason" text;
--> statement-breakpoint
-- A signature is never changed or removed; the one change allowed: a whole-protocol signature of a
-- protocol not yet final is marked void, once, when the protocol is unlocked for correction.
CREATE OR REPLACE FUNCTION kansli_signature_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL AND OLD.paragraph_id IS NULL
     AND (to_jsonb(NEW) - ARRAY['voided_at', 'voided_reason']) IS NOT DISTINCT FROM (to_jsonb(OLD) - ARRAY['voided_at', 'voided_reason'])
     AND NOT EXISTS (SELECT 1 FROM protocols p WHERE p.id = OLD.protocol_id AND p.status = 'final') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a justering signature cannot be changed or removed';
END;
$$;
--> statement-breakpoint
-- A paragraph signed with the whole protocol keeps its content while the signature counts; a void
-- signature (the protocol unlocked for correction) no longer holds it.
CREATE OR REPLACE FUNCTION kansli_signed_paragraph_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ignored text[] := ARRAY['updated_at', 'adjusted_at', 'number', 'year'];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM protocol_signatures s
                  WHERE s.voided_at IS NULL
                    AND (s.paragraph_id = OLD.id
                         OR (s.protocol_id = OLD.protocol_id AND s.paragraph_id IS NULL))) THEN
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

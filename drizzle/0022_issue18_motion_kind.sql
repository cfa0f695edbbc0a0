-- Issue 18: a motion (yrkande) is typed: bifall, avslag, ändringsyrkande, tilläggsyrkande,
-- återremiss or bordläggning. The type gives the proposition order (domain propositionOrder) and
-- the protocol's wording. NULL: a motion entered before this migration, as free text.
ALTER TABLE "motions" ADD COLUMN "kind" text;
--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_kind_check" CHECK ("kind" IN ('approve', 'reject', 'amend', 'add', 'refer_back', 'table'));

-- Issue 15: every audit entry names the organisation it concerns (readers see only their own
-- organisations' entries) and whether its before/after hold secret material (shown only to those
-- who may read secrets there). Both are covered by the entry's hash when set.
ALTER TABLE "audit_log" ADD COLUMN "organisation_id" uuid;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "secret" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" ("organisation_id", "seq");

-- Issue 17: the printed justering date is the actual one. From digest version 2 the planned
-- justering date is left out of the canonical form the signers sign, so the final protocol can
-- print the day of the last signature instead. Protocols locked before keep version 1 (their
-- digest includes the planned date) and verify exactly as before; rows made from now on are 2.
ALTER TABLE "protocols" ADD COLUMN "digest_version" smallint DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "protocols" ALTER COLUMN "digest_version" SET DEFAULT 2;
--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_digest_version_check" CHECK ("digest_version" IN (1, 2));
--> statement-breakpoint
-- The snapshot keeps the version its document_sha256 was computed with; every snapshot so far is 1.
ALTER TABLE "protocol_snapshots" ADD COLUMN "digest_version" smallint DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "protocol_snapshots" ADD CONSTRAINT "protocol_snapshots_digest_version_check" CHECK ("digest_version" IN (1, 2));

-- Issue 15 (accounts and signing). Self-contained: depends only on 0000–0006.
--
-- A person links to at most one active (not disabled) account. Where several active accounts
-- already name the same person, the account created first keeps the link and the later ones lose
-- it: a later account for someone who already had one is the suspicious one (issue 15: accounts
-- made for the chair's and the adjuster's person records). An administrator can link again, as an
-- audited step, after checking; signatures already made keep their own person_id.
UPDATE "users" AS u
   SET "person_id" = NULL, "updated_at" = now()
 WHERE u."person_id" IS NOT NULL
   AND NOT u."disabled"
   AND EXISTS (
     SELECT 1 FROM "users" AS o
      WHERE o."person_id" = u."person_id"
        AND NOT o."disabled"
        AND (o."created_at", o."id") < (u."created_at", u."id"));
--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_active_key" ON "users" USING btree ("person_id") WHERE "person_id" IS NOT NULL AND NOT "disabled";
--> statement-breakpoint
-- TOTP: a new secret waits here until a code from it is confirmed, so that starting a new
-- enrolment never switches the working one off; the last accepted 30-second step, so that a
-- code is accepted once only (sign-in and signing share it).
ALTER TABLE "users" ADD COLUMN "totp_pending_secret" text;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;
--> statement-breakpoint
-- One-time password-reset links: only the SHA-256 of the token is kept; used_at makes it single use.
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");

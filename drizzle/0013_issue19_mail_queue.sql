-- Issue 19: e-mail goes through a queue in the database, so that no request waits for a mail server.
-- A queued mail keeps its message (attachments as file_blobs) until it is delivered; failures are
-- retried later with a growing delay, and a delivery cut off by a crash is claimed again.
ALTER TABLE "mail_log" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "mail_log" ADD COLUMN "next_attempt_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "mail_log" ADD COLUMN "claimed_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "mail_log_due_idx" ON "mail_log" USING btree ("status","next_attempt_at");

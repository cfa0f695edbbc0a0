-- Issue 23: time per speaker. The chair may set a speaking time for the meeting (minutes per
-- speaker entry); null: no limit. The time each speaker took is kept on live_speakers
-- (started_at .. finished_at).
ALTER TABLE "meetings" ADD COLUMN "speaker_minutes" integer;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_speaker_minutes_check" CHECK ("speaker_minutes" IS NULL OR ("speaker_minutes" BETWEEN 1 AND 60));

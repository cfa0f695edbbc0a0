-- Issue 18, guard the calendar: a meeting opened before its day, or more than 7 days after it,
-- keeps the reason the secretary gave (also in the audit log), shown in the meeting's history.
ALTER TABLE "meetings" ADD COLUMN "open_reason" text;

-- Issue 18: a cooperation reminder shows whether its e-mail is queued, sent or failed. The
-- reminder keeps the ids of its mails in the mail log (mail_log.id); no foreign key, as the mail
-- log may be cleared on its own. Older reminders have none and show as "not known".
ALTER TABLE "reminder_log" ADD COLUMN IF NOT EXISTS "mail_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;

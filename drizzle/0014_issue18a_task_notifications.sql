-- Issue 18: the e-mail that tells someone a task has become theirs (a protocol to adjust, a notice
-- to post), sent once per task and recipient: the unique key is claimed before the mail is sent.
CREATE TABLE "task_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"recipient_key" text NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"status" text NOT NULL,
	"mail_log_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_notifications" ADD CONSTRAINT "task_notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notifications" ADD CONSTRAINT "task_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notifications" ADD CONSTRAINT "task_notifications_mail_log_id_mail_log_id_fk" FOREIGN KEY ("mail_log_id") REFERENCES "public"."mail_log"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "task_notifications_key" ON "task_notifications" USING btree ("kind","ref_id","recipient_key");

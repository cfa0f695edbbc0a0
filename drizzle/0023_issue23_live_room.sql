-- Issue 23: the live meeting for members. A member reports presence from their own device
-- (the secretary confirms it into attendance_events), asks to speak, and votes electronically;
-- a closed electronic vote is recorded through votes/vote_ballots as a manual vote is.
ALTER TABLE "meetings" ADD COLUMN "live_public" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "live_checkins" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"reported_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"attendance_event_id" uuid,
	CONSTRAINT "live_checkins_pk" PRIMARY KEY("meeting_id","person_id"),
	CONSTRAINT "live_checkins_mode_check" CHECK ("mode" IN ('present', 'remote'))
);
--> statement-breakpoint
ALTER TABLE "live_checkins" ADD CONSTRAINT "live_checkins_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_checkins" ADD CONSTRAINT "live_checkins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_checkins" ADD CONSTRAINT "live_checkins_attendance_event_id_attendance_events_id_fk" FOREIGN KEY ("attendance_event_id") REFERENCES "public"."attendance_events"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "live_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"removed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "live_speakers_kind_check" CHECK ("kind" IN ('speak', 'reply'))
);
--> statement-breakpoint
ALTER TABLE "live_speakers" ADD CONSTRAINT "live_speakers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_speakers" ADD CONSTRAINT "live_speakers_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_speakers" ADD CONSTRAINT "live_speakers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "live_speakers_meeting_idx" ON "live_speakers" USING btree ("meeting_id","item_id");
--> statement-breakpoint
CREATE TABLE "live_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"yes_alternative" text NOT NULL,
	"no_alternative" text NOT NULL,
	"yes_means" text NOT NULL,
	"no_means" text NOT NULL,
	"eligible" jsonb NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"closes_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"vote_id" uuid
);
--> statement-breakpoint
ALTER TABLE "live_votes" ADD CONSTRAINT "live_votes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_votes" ADD CONSTRAINT "live_votes_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_votes" ADD CONSTRAINT "live_votes_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- At most one electronic vote open per meeting.
CREATE UNIQUE INDEX "live_votes_one_open_key" ON "live_votes" USING btree ("meeting_id") WHERE "closed_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "live_ballots" (
	"live_vote_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_ballots_pk" PRIMARY KEY("live_vote_id","person_id"),
	CONSTRAINT "live_ballots_choice_check" CHECK ("choice" IN ('yes', 'no', 'abstain'))
);
--> statement-breakpoint
ALTER TABLE "live_ballots" ADD CONSTRAINT "live_ballots_live_vote_id_live_votes_id_fk" FOREIGN KEY ("live_vote_id") REFERENCES "public"."live_votes"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_ballots" ADD CONSTRAINT "live_ballots_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;

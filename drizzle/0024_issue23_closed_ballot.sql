-- Issue 23: closed-ballot elections on the members' devices (sluten omröstning, KL 5:46–47).
-- live_elections holds the candidates and the running counts in one row; live_election_voters
-- holds only that a person has voted (no choice, no time), so no voter is linked to a choice.
CREATE TABLE "live_elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"places" integer NOT NULL,
	"candidates" jsonb NOT NULL,
	"tally" jsonb NOT NULL,
	"allow_blank" boolean NOT NULL,
	"blank" integer DEFAULT 0 NOT NULL,
	"cast" integer DEFAULT 0 NOT NULL,
	"eligible" jsonb NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"closes_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"election_id" uuid
);
--> statement-breakpoint
ALTER TABLE "live_elections" ADD CONSTRAINT "live_elections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_elections" ADD CONSTRAINT "live_elections_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_elections" ADD CONSTRAINT "live_elections_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "live_elections_one_open_key" ON "live_elections" USING btree ("meeting_id") WHERE "closed_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "live_election_voters" (
	"live_election_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "live_election_voters_pk" PRIMARY KEY("live_election_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "live_election_voters" ADD CONSTRAINT "live_election_voters_live_election_id_live_elections_id_fk" FOREIGN KEY ("live_election_id") REFERENCES "public"."live_elections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "live_election_voters" ADD CONSTRAINT "live_election_voters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;

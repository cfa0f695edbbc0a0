-- Issue 17: law as the statute reads.
-- KL 6:27, reglemente 13 §: the committee's number of seats, vacancies included (null: one per member municipality).
ALTER TABLE "bodies" ADD COLUMN "seats" integer;
--> statement-breakpoint
-- KL 5:55–56: an election at a meeting. A closed ballot (sluten omröstning) keeps only the counts.
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"places" integer NOT NULL,
	"closed_ballot" boolean DEFAULT false NOT NULL,
	"elected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lottery_among" jsonb,
	"lottery_places" integer,
	"lottery_drawn" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_places_check" CHECK ("places" >= 1)
);
--> statement-breakpoint
CREATE TABLE "election_candidates" (
	"election_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"votes" integer NOT NULL,
	CONSTRAINT "election_candidates_pk" PRIMARY KEY("election_id","position"),
	CONSTRAINT "election_candidates_votes_check" CHECK ("votes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "election_ballots" (
	"election_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"municipality_id" uuid,
	"candidate" text,
	CONSTRAINT "election_ballots_pk" PRIMARY KEY("election_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "election_ballots" ADD CONSTRAINT "election_ballots_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "election_ballots" ADD CONSTRAINT "election_ballots_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "election_ballots" ADD CONSTRAINT "election_ballots_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "elections_item_idx" ON "elections" USING btree ("item_id");
--> statement-breakpoint
-- TF 2:9–10: an incoming or sent document, or a drawn-up one whose case is closed, is a public record.
UPDATE "search_entries" SET "visibility" = 'public'
WHERE "visibility" = 'internal' AND (
  ("kind" = 'document' AND "ref_id" IN (SELECT d."id" FROM "documents" d JOIN "cases" c ON c."id" = d."case_id" WHERE d."secrecy" = 'internal' AND (d."direction" <> 'drawn_up' OR c."status" = 'closed')))
  OR ("kind" = 'file' AND "ref_id" IN (SELECT f."id" FROM "document_files" f JOIN "documents" d ON d."id" = f."document_id" JOIN "cases" c ON c."id" = d."case_id" WHERE d."secrecy" = 'internal' AND (d."direction" <> 'drawn_up' OR c."status" = 'closed')))
);
--> statement-breakpoint
UPDATE "documents" SET "secrecy" = 'public'
WHERE "secrecy" = 'internal' AND ("direction" <> 'drawn_up' OR "case_id" IN (SELECT "id" FROM "cases" WHERE "status" = 'closed'));
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_internal_drawn_up_check" CHECK ("secrecy" <> 'internal' OR "direction" = 'drawn_up');
--> statement-breakpoint
-- Reglemente 16 §: when neither chair nor vice chair can serve, the eldest presides until the committee elects a temporary chair.
ALTER TABLE "people" ADD COLUMN "born_on" date;
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "temporary_chair_person_id" uuid;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_temporary_chair_person_id_people_id_fk" FOREIGN KEY ("temporary_chair_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- KL 8:9, 8:12, 13:5: a municipality's confirmation that Kansli's board (or its embedding at a stated address) is its official notice board.
CREATE TABLE "official_board_confirmations" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"embed_url" text,
	"confirmed_by" text NOT NULL,
	"confirmed_on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "official_board_confirmations_kind_check" CHECK ("kind" IN ('kansli', 'embedded') AND ("kind" = 'kansli' OR "embed_url" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "official_board_confirmations" ADD CONSTRAINT "official_board_confirmations_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "official_board_confirmations" ADD CONSTRAINT "official_board_confirmations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;

CREATE TABLE "paragraph_counters" (
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "paragraph_counters_body_id_year_pk" PRIMARY KEY("body_id","year")
);
--> statement-breakpoint
CREATE TABLE "protocol_extracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paragraph_id" uuid NOT NULL,
	"pdf_sha256" text NOT NULL,
	"certified_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocol_paragraphs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"position" integer NOT NULL,
	"number" integer,
	"year" integer NOT NULL,
	"heading" text NOT NULL,
	"case_number" text,
	"decision" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"handling" text DEFAULT '' NOT NULL,
	"decision_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"secrecy_provision" text,
	"immediate_justering" boolean DEFAULT false NOT NULL,
	"adjusted_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocol_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" uuid NOT NULL,
	"paragraph_id" uuid,
	"person_id" uuid,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"method" text NOT NULL,
	"sha256" text NOT NULL,
	"credential_id" text,
	"signed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"other_present" text DEFAULT '' NOT NULL,
	"justering_place" text DEFAULT '' NOT NULL,
	"justering_date" date,
	"chair_person_id" uuid,
	"adjuster_person_id" uuid,
	"secretary_name" text DEFAULT '' NOT NULL,
	"locked_at" timestamp (3) with time zone,
	"canonical_sha256" text,
	"final_at" timestamp (3) with time zone,
	"sealed_pdf_sha256" text,
	"public_pdf_sha256" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webauthn_challenges" (
	"challenge" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webauthn_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"credential_id" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"counter" integer DEFAULT 0 NOT NULL,
	"transports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paragraph_counters" ADD CONSTRAINT "paragraph_counters_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_extracts" ADD CONSTRAINT "protocol_extracts_paragraph_id_protocol_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."protocol_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_extracts" ADD CONSTRAINT "protocol_extracts_pdf_sha256_file_blobs_sha256_fk" FOREIGN KEY ("pdf_sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_paragraphs" ADD CONSTRAINT "protocol_paragraphs_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_paragraphs" ADD CONSTRAINT "protocol_paragraphs_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD CONSTRAINT "protocol_signatures_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD CONSTRAINT "protocol_signatures_paragraph_id_protocol_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."protocol_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD CONSTRAINT "protocol_signatures_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD CONSTRAINT "protocol_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_chair_person_id_people_id_fk" FOREIGN KEY ("chair_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_adjuster_person_id_people_id_fk" FOREIGN KEY ("adjuster_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_sealed_pdf_sha256_file_blobs_sha256_fk" FOREIGN KEY ("sealed_pdf_sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_public_pdf_sha256_file_blobs_sha256_fk" FOREIGN KEY ("public_pdf_sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "webauthn_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_paragraphs_position_key" ON "protocol_paragraphs" USING btree ("protocol_id","position");--> statement-breakpoint
CREATE INDEX "protocol_paragraphs_number_idx" ON "protocol_paragraphs" USING btree ("year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "protocols_meeting_key" ON "protocols" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webauthn_credentials_id_key" ON "webauthn_credentials" USING btree ("credential_id");
-- Issue 17 (part b). OSL 5 kap.: the registry entry of a disposed document stays; only its files go.
ALTER TABLE "documents" ADD COLUMN "disposed_on" date;
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "disposal_list_id" uuid;
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "disposal_reference" text;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_disposal_list_id_disposal_lists_id_fk" FOREIGN KEY ("disposal_list_id") REFERENCES "public"."disposal_lists"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_disposed_check" CHECK (("disposed_on" IS NULL) = ("disposal_reference" IS NULL));
--> statement-breakpoint
-- Arkivlagen 10 §: the plan governs by classification code only. A rule that matched words in a
-- description is removed (its disposals keep their rule text); the code's own rule, or none (keep), governs.
UPDATE "disposal_items" SET "rule_id" = NULL WHERE "rule_id" IN (SELECT "id" FROM "retention_rules" WHERE "document_type" <> '');
--> statement-breakpoint
DELETE FROM "retention_rules" WHERE "document_type" <> '';
--> statement-breakpoint
DROP INDEX "retention_rules_key";
--> statement-breakpoint
ALTER TABLE "retention_rules" DROP COLUMN "document_type";
--> statement-breakpoint
CREATE UNIQUE INDEX "retention_rules_key" ON "retention_rules" USING btree ("committee_id","classification_code");
--> statement-breakpoint
-- GDPR art. 30(1)(e) and (g): third-country transfers and security measures per processing activity.
ALTER TABLE "personal_data_processing" ADD COLUMN "third_country_transfers" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "personal_data_processing" ADD COLUMN "security_measures" text DEFAULT '' NOT NULL;
--> statement-breakpoint
-- GDPR art. 30(1)(a): the controller and its data protection officer, with contact details.
CREATE TABLE "personal_data_controllers" (
	"committee_id" uuid PRIMARY KEY NOT NULL,
	"controller_name" text NOT NULL,
	"controller_contact" text NOT NULL,
	"dpo_name" text NOT NULL,
	"dpo_contact" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_data_controllers" ADD CONSTRAINT "personal_data_controllers_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;

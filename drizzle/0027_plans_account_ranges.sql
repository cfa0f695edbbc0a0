-- Issue 18: SIE import remembers a mapping for a whole range of accounts (e.g. 5400–5499), applied
-- to every later import whose account falls in the range and has no mapping of its own.
CREATE TABLE "account_range_mappings" (
	"committee_id" uuid NOT NULL,
	"account_from" text NOT NULL,
	"account_to" text NOT NULL,
	"cost_centre" text DEFAULT '' NOT NULL,
	"cost_object_code" text DEFAULT '' NOT NULL,
	"ignore" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_range_mappings_pk" PRIMARY KEY("committee_id","account_from","account_to","cost_centre"),
	CONSTRAINT "account_range_mappings_order_check" CHECK ("account_from" <= "account_to" AND length("account_from") = length("account_to"))
);
--> statement-breakpoint
ALTER TABLE "account_range_mappings" ADD CONSTRAINT "account_range_mappings_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;

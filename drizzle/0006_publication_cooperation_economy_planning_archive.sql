CREATE TABLE "accessibility_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_url" text DEFAULT '' NOT NULL,
	"message" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "account_mappings" (
	"committee_id" uuid NOT NULL,
	"account" text NOT NULL,
	"cost_centre" text DEFAULT '' NOT NULL,
	"cost_object_code" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_mappings_committee_id_account_cost_centre_pk" PRIMARY KEY("committee_id","account","cost_centre")
);
--> statement-breakpoint
CREATE TABLE "archive_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"year" integer,
	"case_id" uuid,
	"package_id" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "archive_delivery_items" (
	"delivery_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"path" text DEFAULT '' NOT NULL,
	"sha256" text DEFAULT '' NOT NULL,
	CONSTRAINT "archive_delivery_items_delivery_id_kind_object_id_pk" PRIMARY KEY("delivery_id","kind","object_id")
);
--> statement-breakpoint
CREATE TABLE "archived_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"sha256" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archived_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" text NOT NULL,
	"label" text NOT NULL,
	"mets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_plan_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"edition" text NOT NULL,
	"edited_on" date NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"paragraph_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_answers" (
	"checklist_id" uuid NOT NULL,
	"statement_key" text NOT NULL,
	"answer" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"action" text DEFAULT '' NOT NULL,
	"action_owner" text DEFAULT '' NOT NULL,
	"action_due_on" date,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_answers_checklist_id_statement_key_pk" PRIMARY KEY("checklist_id","statement_key")
);
--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"statements" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"risk_id" uuid,
	"control_point_id" uuid,
	"title" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"completed_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"issued_by" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"risk_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"invoicing" text DEFAULT 'advance' NOT NULL,
	"initiative_id" uuid,
	"allocation_key" jsonb DEFAULT '{"kind":"equal"}'::jsonb NOT NULL,
	"budget_income" bigint DEFAULT 0 NOT NULL,
	"budget_cost" bigint DEFAULT 0 NOT NULL,
	"forecast_income" bigint,
	"forecast_cost" bigint,
	"carried_over" bigint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deleted_objects" (
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deleted_objects_kind_object_id_pk" PRIMARY KEY("kind","object_id")
);
--> statement-breakpoint
CREATE TABLE "disposal_items" (
	"list_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"handling_id" text NOT NULL,
	"case_number" text NOT NULL,
	"description" text NOT NULL,
	"rule_id" uuid,
	"rule_text" text NOT NULL,
	"disposed_at" timestamp (3) with time zone,
	CONSTRAINT "disposal_items_list_id_document_id_pk" PRIMARY KEY("list_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "disposal_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"created_by_user_id" uuid,
	"approved_by_user_id" uuid,
	"approved_by_name" text,
	"approved_at" timestamp (3) with time zone,
	"executed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_dialogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"tertial" integer NOT NULL,
	"value" numeric(12, 2),
	"status" text,
	"comment" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"target_text" text DEFAULT '' NOT NULL,
	"target" numeric(12, 2),
	"minimum" numeric(12, 2),
	"maximum" numeric(12, 2),
	"unit" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_decision_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"phase_key" text NOT NULL,
	"decision_key" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"deciding_body" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"paragraph" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"protocol_paragraph_id" uuid,
	"link" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"deadline" date,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"phase_key" text NOT NULL,
	"position" integer NOT NULL,
	"budget" bigint DEFAULT 0 NOT NULL,
	"decision_deadline" date,
	"opened_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"closed_by_user_id" uuid,
	"participants" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"case_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phase_key" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"procuring_organisation_id" uuid,
	"allocation_key" jsonb DEFAULT '{"kind":"population"}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"document_id" uuid,
	"reason" text NOT NULL,
	"placed_by_user_id" uuid,
	"placed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scheduled_at" timestamp (3) with time zone,
	"posting_method" text DEFAULT 'automatic' NOT NULL,
	"posted_on" date,
	"posted_at" timestamp (3) with time zone,
	"posted_by_user_id" uuid,
	"external_url" text,
	"taken_down_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_comments" (
	"cost_object_id" uuid NOT NULL,
	"period_to" date NOT NULL,
	"comment" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_comments_cost_object_id_period_to_pk" PRIMARY KEY("cost_object_id","period_to")
);
--> statement-breakpoint
CREATE TABLE "outcome_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"cost_object_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"account" text DEFAULT '' NOT NULL,
	"cost_centre" text DEFAULT '' NOT NULL,
	"amount_ore" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"format" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"file_sha256" text,
	"encoding" text,
	"period_to" date NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_data_processing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"categories_of_data" text DEFAULT '' NOT NULL,
	"categories_of_people" text DEFAULT '' NOT NULL,
	"recipients" text DEFAULT '' NOT NULL,
	"retention" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pkv_readings" (
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"read_on" date NOT NULL,
	"pkv_percent" numeric(6, 2) NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pkv_readings_committee_id_year_pk" PRIMARY KEY("committee_id","year")
);
--> statement-breakpoint
CREATE TABLE "portfolio_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"phase" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'on_track' NOT NULL,
	"time_plan" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"initiative_id" uuid,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_of_attorney" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"procuring_organisation_id" uuid NOT NULL,
	"granted_on" date NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"phases" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_log" (
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_log_kind_ref_id_organisation_id_due_on_pk" PRIMARY KEY("kind","ref_id","organisation_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"classification_code" text NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"action" text NOT NULL,
	"retention_years" integer,
	"format" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"probability" integer NOT NULL,
	"consequence" integer NOT NULL,
	"decision" text NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "pseudonymised_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "account_mappings" ADD CONSTRAINT "account_mappings_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_deliveries" ADD CONSTRAINT "archive_deliveries_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_deliveries" ADD CONSTRAINT "archive_deliveries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_deliveries" ADD CONSTRAINT "archive_deliveries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_delivery_items" ADD CONSTRAINT "archive_delivery_items_delivery_id_archive_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."archive_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_objects" ADD CONSTRAINT "archived_objects_package_id_archived_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."archived_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_objects" ADD CONSTRAINT "archived_objects_sha256_file_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plan_editions" ADD CONSTRAINT "business_plan_editions_plan_id_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."business_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_paragraph_id_protocol_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."protocol_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_templates" ADD CONSTRAINT "checklist_templates_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_template_id_checklist_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."checklist_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_activities" ADD CONSTRAINT "control_activities_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_activities" ADD CONSTRAINT "control_activities_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_activities" ADD CONSTRAINT "control_activities_control_point_id_control_points_id_fk" FOREIGN KEY ("control_point_id") REFERENCES "public"."control_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_points" ADD CONSTRAINT "control_points_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_points" ADD CONSTRAINT "control_points_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_objects" ADD CONSTRAINT "cost_objects_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_objects" ADD CONSTRAINT "cost_objects_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_items" ADD CONSTRAINT "disposal_items_list_id_disposal_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."disposal_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_items" ADD CONSTRAINT "disposal_items_rule_id_retention_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."retention_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD CONSTRAINT "disposal_lists_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD CONSTRAINT "disposal_lists_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD CONSTRAINT "disposal_lists_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_dialogues" ADD CONSTRAINT "followup_dialogues_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_dialogues" ADD CONSTRAINT "followup_dialogues_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_plan_id_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."business_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_followups" ADD CONSTRAINT "indicator_followups_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_followups" ADD CONSTRAINT "indicator_followups_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decision_history" ADD CONSTRAINT "initiative_decision_history_decision_id_initiative_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."initiative_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decision_history" ADD CONSTRAINT "initiative_decision_history_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD CONSTRAINT "initiative_decisions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD CONSTRAINT "initiative_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD CONSTRAINT "initiative_decisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD CONSTRAINT "initiative_decisions_protocol_paragraph_id_protocol_paragraphs_id_fk" FOREIGN KEY ("protocol_paragraph_id") REFERENCES "public"."protocol_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD CONSTRAINT "initiative_decisions_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_phases" ADD CONSTRAINT "initiative_phases_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_phases" ADD CONSTRAINT "initiative_phases_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_template_id_process_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."process_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_procuring_organisation_id_organisations_id_fk" FOREIGN KEY ("procuring_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_placed_by_user_id_users_id_fk" FOREIGN KEY ("placed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_posted_by_user_id_users_id_fk" FOREIGN KEY ("posted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_comments" ADD CONSTRAINT "outcome_comments_cost_object_id_cost_objects_id_fk" FOREIGN KEY ("cost_object_id") REFERENCES "public"."cost_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_entries" ADD CONSTRAINT "outcome_entries_import_id_outcome_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."outcome_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_entries" ADD CONSTRAINT "outcome_entries_cost_object_id_cost_objects_id_fk" FOREIGN KEY ("cost_object_id") REFERENCES "public"."cost_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_imports" ADD CONSTRAINT "outcome_imports_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_imports" ADD CONSTRAINT "outcome_imports_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_processing" ADD CONSTRAINT "personal_data_processing_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pkv_readings" ADD CONSTRAINT "pkv_readings_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD CONSTRAINT "powers_of_attorney_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD CONSTRAINT "powers_of_attorney_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD CONSTRAINT "powers_of_attorney_procuring_organisation_id_organisations_id_fk" FOREIGN KEY ("procuring_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD CONSTRAINT "powers_of_attorney_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_templates" ADD CONSTRAINT "process_templates_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_committee_id_organisations_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archived_objects_package_idx" ON "archived_objects" USING btree ("package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archived_packages_key" ON "archived_packages" USING btree ("package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_plans_year_key" ON "business_plans" USING btree ("committee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "checklists_year_key" ON "checklists" USING btree ("template_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "cost_objects_code_key" ON "cost_objects" USING btree ("committee_id","year","code");--> statement-breakpoint
CREATE INDEX "deleted_objects_deleted_idx" ON "deleted_objects" USING btree ("kind","deleted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_followups_key" ON "indicator_followups" USING btree ("indicator_id","year","tertial");--> statement-breakpoint
CREATE INDEX "initiative_decision_history_idx" ON "initiative_decision_history" USING btree ("decision_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_decisions_cell_key" ON "initiative_decisions" USING btree ("initiative_id","phase_key","decision_key","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_phases_key" ON "initiative_phases" USING btree ("initiative_id","phase_key");--> statement-breakpoint
CREATE INDEX "initiatives_committee_idx" ON "initiatives" USING btree ("committee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_protocol_org_key" ON "notices" USING btree ("protocol_id","organisation_id");--> statement-breakpoint
CREATE INDEX "notices_org_idx" ON "notices" USING btree ("organisation_id","posted_on");--> statement-breakpoint
CREATE INDEX "outcome_entries_import_idx" ON "outcome_entries" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "outcome_entries_object_idx" ON "outcome_entries" USING btree ("cost_object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_of_attorney_key" ON "powers_of_attorney" USING btree ("initiative_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_rules_key" ON "retention_rules" USING btree ("committee_id","classification_code","document_type");
-- Issue 20: a queryable marker for the demo's records. origin = 'seed' (taken from the seed
-- protocol), 'demo' (invented for the demo, shown as "Exempeldata" wherever the record appears),
-- NULL (entered by a user: every row that exists before this migration).
ALTER TABLE "meetings" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "initiative_phases" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "initiative_phases" ADD CONSTRAINT "initiative_phases_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "initiative_decisions" ADD CONSTRAINT "initiative_decisions_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "initiative_decision_history" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "initiative_decision_history" ADD CONSTRAINT "initiative_decision_history_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD CONSTRAINT "powers_of_attorney_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "control_activities" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "control_activities" ADD CONSTRAINT "control_activities_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "checklist_answers" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "cost_objects" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "cost_objects" ADD CONSTRAINT "cost_objects_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "pkv_readings" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "pkv_readings" ADD CONSTRAINT "pkv_readings_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "populations" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "populations" ADD CONSTRAINT "populations_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "official_board_confirmations" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "official_board_confirmations" ADD CONSTRAINT "official_board_confirmations_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_origin_check" CHECK ("origin" IN ('seed', 'demo'));
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "origin" text;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_origin_check" CHECK ("origin" IN ('seed', 'demo'));

-- Issue 22: sign-in through OpenID Connect providers (municipal identity providers, Swedish e-ID).
-- The personal identity number a Swedish e-ID asserts, matched against the person an account is
-- linked to; 12 digits (YYYYMMDDNNNC), never shown publicly.
ALTER TABLE "people" ADD COLUMN "personal_identity_number" text;--> statement-breakpoint
CREATE UNIQUE INDEX "people_personal_identity_number_key" ON "people" USING btree ("personal_identity_number") WHERE "personal_identity_number" IS NOT NULL;--> statement-breakpoint
-- One sign-in (or signing) started at a provider: state, nonce and PKCE verifier until the answer comes back.
CREATE TABLE "oidc_transactions" (
	"state" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"return_to" text DEFAULT '/' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oidc_transactions" ADD CONSTRAINT "oidc_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What a provider said about a Kansli session: which provider, its session id (sid) and subject, the level of assurance.
CREATE TABLE "oidc_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"provider_id" text NOT NULL,
	"subject" text NOT NULL,
	"provider_session_id" text,
	"acr" text,
	"authenticated_at" timestamp (3) with time zone,
	"id_token" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oidc_sessions" ADD CONSTRAINT "oidc_sessions_token_hash_sessions_token_hash_fk" FOREIGN KEY ("token_hash") REFERENCES "public"."sessions"("token_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_sessions" ADD CONSTRAINT "oidc_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oidc_sessions_provider_sid_idx" ON "oidc_sessions" USING btree ("provider_id","provider_session_id");--> statement-breakpoint
CREATE INDEX "oidc_sessions_provider_subject_idx" ON "oidc_sessions" USING btree ("provider_id","subject");--> statement-breakpoint
-- A justering signed after a fresh e-ID sign-in: the provider, the level of assurance (acr) and when the person authenticated.
ALTER TABLE "protocol_signatures" ADD COLUMN "assurance_provider" text;--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD COLUMN "assurance_level" text;--> statement-breakpoint
ALTER TABLE "protocol_signatures" ADD COLUMN "authenticated_at" timestamp (3) with time zone;

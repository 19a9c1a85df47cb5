CREATE TYPE "public"."indicator_kind" AS ENUM('companies', 'count', 'amount_dkk', 'share');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('cluster', 'innovation_network');--> statement-breakpoint
CREATE TYPE "public"."region" AS ENUM('hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland');--> statement-breakpoint
CREATE TYPE "public"."submission_state" AS ENUM('draft', 'submitted', 'returned', 'approved');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('invitation', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'staff');--> statement-breakpoint
CREATE TYPE "public"."year_state" AS ENUM('open', 'closed', 'published');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"organisation_id" integer,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_years" (
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	CONSTRAINT "indicator_years_indicator_id_year_pk" PRIMARY KEY("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"group_key" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"label_da" text NOT NULL,
	"label_en" text NOT NULL,
	"help_da" text DEFAULT '' NOT NULL,
	"help_en" text DEFAULT '' NOT NULL,
	"parent_id" integer,
	"participant_flag" text,
	"required" boolean DEFAULT false NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_key_format" CHECK ("indicators"."key" ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT "indicators_participant_flag" CHECK ("indicators"."participant_flag" is null or "indicators"."participant_flag" in ('dedicated','under_50','new_ideas','new_competences','new_products'))
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"field" text NOT NULL,
	"region" "region" NOT NULL,
	"website" text,
	"description" text,
	"active_from" integer NOT NULL,
	"active_to" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_format" CHECK ("organisations"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "organisations_active_range" CHECK ("organisations"."active_to" is null or "organisations"."active_to" >= "organisations"."active_from")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"submission_id" integer NOT NULL,
	"cvr" char(8) NOT NULL,
	"dedicated" boolean DEFAULT false NOT NULL,
	"under_50" boolean DEFAULT false NOT NULL,
	"new_ideas" boolean DEFAULT false NOT NULL,
	"new_competences" boolean DEFAULT false NOT NULL,
	"new_products" boolean DEFAULT false NOT NULL,
	CONSTRAINT "participants_submission_id_cvr_pk" PRIMARY KEY("submission_id","cvr"),
	CONSTRAINT "participants_cvr_format" CHECK ("participants"."cvr" ~ '^[1-9][0-9]{7}$')
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"change_note" text,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "publications_version_positive" CHECK ("publications"."version" >= 1),
	CONSTRAINT "publications_correction_note" CHECK ("publications"."version" = 1 or length(trim(coalesce("publications"."change_note", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"edition" integer NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"state" "year_state" DEFAULT 'open' NOT NULL,
	"series_break_da" text,
	"series_break_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_years_year_range" CHECK ("reporting_years"."year" between 2000 and 2100),
	CONSTRAINT "reporting_years_deadline_after_open" CHECK ("reporting_years"."deadline" >= "reporting_years"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "submission_values" (
	"submission_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"value" bigint NOT NULL,
	"denominator" bigint,
	"comment" text,
	"flagged" boolean DEFAULT false NOT NULL,
	"flag_note" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_values_submission_id_indicator_id_pk" PRIMARY KEY("submission_id","indicator_id"),
	CONSTRAINT "submission_values_non_negative" CHECK ("submission_values"."value" >= 0),
	CONSTRAINT "submission_values_share" CHECK ("submission_values"."denominator" is null or ("submission_values"."denominator" >= 0 and "submission_values"."value" <= "submission_values"."denominator"))
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"year" integer NOT NULL,
	"state" "submission_state" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"has_company_list" boolean DEFAULT false NOT NULL,
	"remark" text,
	"deadline_override" date,
	"created_by" integer,
	"updated_by" integer,
	"submitted_by" integer,
	"reviewed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	CONSTRAINT "submissions_version_positive" CHECK ("submissions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "user_identities" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_format" CHECK ("users"."email" ~ '^[^@\s]+@[^@\s]+$')
);
--> statement-breakpoint
CREATE TABLE "year_exclusions" (
	"year" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "year_exclusions_year_organisation_id_pk" PRIMARY KEY("year","organisation_id"),
	CONSTRAINT "year_exclusions_reason" CHECK (length(trim("year_exclusions"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_years" ADD CONSTRAINT "indicator_years_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_years" ADD CONSTRAINT "indicator_years_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_values" ADD CONSTRAINT "submission_values_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_values" ADD CONSTRAINT "submission_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_values" ADD CONSTRAINT "submission_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_exclusions" ADD CONSTRAINT "year_exclusions_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_exclusions" ADD CONSTRAINT "year_exclusions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_exclusions" ADD CONSTRAINT "year_exclusions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_entity" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_events_organisation" ON "audit_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_tokens_hash_unique" ON "auth_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_key_unique" ON "indicators" USING btree ("key");--> statement-breakpoint
CREATE INDEX "memberships_organisation" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_unique" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "participants_cvr" ON "participants" USING btree ("cvr");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_year_version_unique" ON "publications" USING btree ("year","version");--> statement-breakpoint
CREATE INDEX "recovery_codes_user" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_organisation_year_unique" ON "submissions" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "submissions_year_state" ON "submissions" USING btree ("year","state");--> statement-breakpoint
CREATE UNIQUE INDEX "user_identities_provider_subject" ON "user_identities" USING btree ("provider","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_unique" ON "users" USING btree (lower("email"));
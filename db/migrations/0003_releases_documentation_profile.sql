CREATE TYPE "public"."release_status" AS ENUM('scheduled', 'published', 'cancelled');--> statement-breakpoint
CREATE TABLE "documentation_texts" (
	"year" integer NOT NULL,
	"section" text NOT NULL,
	"text_da" text DEFAULT '' NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documentation_texts_year_section_pk" PRIMARY KEY("year","section"),
	CONSTRAINT "documentation_texts_section_format" CHECK ("documentation_texts"."section" ~ '^[a-z][a-z_]*$')
);
--> statement-breakpoint
CREATE TABLE "release_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"release_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"reason_da" text NOT NULL,
	"reason_en" text NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "release_changes_kind" CHECK ("release_changes"."kind" in ('moved', 'cancelled')),
	CONSTRAINT "release_changes_move_has_time" CHECK (("release_changes"."kind" = 'moved') = ("release_changes"."to_at" is not null)),
	CONSTRAINT "release_changes_reasons" CHECK (length(trim("release_changes"."reason_da")) > 0 and length(trim("release_changes"."reason_en")) > 0)
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"status" "release_status" DEFAULT 'scheduled' NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone,
	"publication_id" integer,
	"caches_expired_at" timestamp with time zone,
	"failure" text,
	"failed_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "releases_version_positive" CHECK ("releases"."version" >= 1),
	CONSTRAINT "releases_correction_note" CHECK ("releases"."version" = 1 or length(trim(coalesce("releases"."change_note", ''))) > 0),
	CONSTRAINT "releases_published_has_publication" CHECK ("releases"."status" <> 'published' or ("releases"."publication_id" is not null and "releases"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "site_profile" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"publisher_da" text NOT NULL,
	"publisher_en" text NOT NULL,
	"publisher_url" text,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"accessibility_status" text DEFAULT 'partial' NOT NULL,
	"accessibility_assessed_on" date,
	"accessibility_method" text DEFAULT 'self_assessment' NOT NULL,
	"accessibility_issues_da" text DEFAULT '' NOT NULL,
	"accessibility_issues_en" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_profile_one_row" CHECK ("site_profile"."id" = 1),
	CONSTRAINT "site_profile_email" CHECK ("site_profile"."contact_email" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "site_profile_status" CHECK ("site_profile"."accessibility_status" in ('full', 'partial', 'none')),
	CONSTRAINT "site_profile_method" CHECK ("site_profile"."accessibility_method" in ('self_assessment', 'third_party'))
);
--> statement-breakpoint
ALTER TABLE "documentation_texts" ADD CONSTRAINT "documentation_texts_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_texts" ADD CONSTRAINT "documentation_texts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_changes" ADD CONSTRAINT "release_changes_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_changes" ADD CONSTRAINT "release_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_profile" ADD CONSTRAINT "site_profile_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_changes_release" ON "release_changes" USING btree ("release_id");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_one_scheduled_per_year" ON "releases" USING btree ("year") WHERE "releases"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "releases_due" ON "releases" USING btree ("status","scheduled_at");
CREATE TABLE "reminder_mails" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"delivery" text,
	CONSTRAINT "reminder_mails_kind" CHECK ("reminder_mails"."kind" in ('before', 'after'))
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"days_before" integer,
	"days_after" integer,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_one_row" CHECK ("reminder_settings"."id" = 1),
	CONSTRAINT "reminder_settings_days_before" CHECK ("reminder_settings"."days_before" between 0 and 60),
	CONSTRAINT "reminder_settings_days_after" CHECK ("reminder_settings"."days_after" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "reminder_mails" ADD CONSTRAINT "reminder_mails_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_mails" ADD CONSTRAINT "reminder_mails_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_mails" ADD CONSTRAINT "reminder_mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_mails_once" ON "reminder_mails" USING btree ("year","organisation_id","user_id","kind","deadline");--> statement-breakpoint
CREATE INDEX "reminder_mails_year" ON "reminder_mails" USING btree ("year","claimed_at");--> statement-breakpoint
INSERT INTO "reminder_settings" ("id", "days_before", "days_after") VALUES (1, NULL, NULL);

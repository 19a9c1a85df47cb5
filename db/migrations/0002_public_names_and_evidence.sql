CREATE TYPE "public"."evidence_unit" AS ENUM('times', 'percentage_points', 'percent', 'count');--> statement-breakpoint
CREATE TABLE "evidence_statements" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"value" double precision,
	"unit" "evidence_unit",
	"text_da" text NOT NULL,
	"text_en" text NOT NULL,
	"source_title" text NOT NULL,
	"source_publisher" text NOT NULL,
	"source_year" integer,
	"source_url" text,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_statements_key_format" CHECK ("evidence_statements"."key" ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT "evidence_statements_value_unit" CHECK (("evidence_statements"."value" is null) = ("evidence_statements"."unit" is null)),
	CONSTRAINT "evidence_statements_texts" CHECK (length(trim("evidence_statements"."text_da")) > 0 and length(trim("evidence_statements"."text_en")) > 0 and length(trim("evidence_statements"."source_title")) > 0 and length(trim("evidence_statements"."source_publisher")) > 0),
	CONSTRAINT "evidence_statements_source_year" CHECK ("evidence_statements"."source_year" is null or "evidence_statements"."source_year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "field_names" (
	"name_da" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_names_name_en" CHECK (length(trim("field_names"."name_en")) > 0)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "evidence_statements" ADD CONSTRAINT "evidence_statements_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_statements" ADD CONSTRAINT "evidence_statements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_statements_year_key_unique" ON "evidence_statements" USING btree ("year","key");
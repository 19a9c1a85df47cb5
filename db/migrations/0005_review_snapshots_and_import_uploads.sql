CREATE TABLE "import_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"actor_id" integer NOT NULL,
	"year" integer NOT NULL,
	"filename" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"written" jsonb
);
--> statement-breakpoint
CREATE TABLE "snapshot_participants" (
	"snapshot_id" integer NOT NULL,
	"cvr" char(8) NOT NULL,
	"dedicated" boolean NOT NULL,
	"under_50" boolean NOT NULL,
	"new_ideas" boolean NOT NULL,
	"new_competences" boolean NOT NULL,
	"new_products" boolean NOT NULL,
	CONSTRAINT "snapshot_participants_snapshot_id_cvr_pk" PRIMARY KEY("snapshot_id","cvr")
);
--> statement-breakpoint
CREATE TABLE "submission_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"version" integer NOT NULL,
	"from_state" "submission_state" NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by" integer,
	"has_company_list" boolean NOT NULL,
	"values" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_participants" ADD CONSTRAINT "snapshot_participants_snapshot_id_submission_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."submission_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_snapshots" ADD CONSTRAINT "submission_snapshots_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_snapshots" ADD CONSTRAINT "submission_snapshots_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_uploads_actor" ON "import_uploads" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "submission_snapshots_submission" ON "submission_snapshots" USING btree ("submission_id","id");
ALTER TABLE "person_address" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_name" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "person_name" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_warning" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_contact" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationship" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_warning" ADD CONSTRAINT "person_warning_dates" CHECK ("person_warning"."ended_on" is null or "person_warning"."ended_on" >= "person_warning"."started_on");--> statement-breakpoint
ALTER TABLE "professional_contact" ADD CONSTRAINT "professional_contact_dates" CHECK ("professional_contact"."ended_on" is null or "professional_contact"."ended_on" >= "professional_contact"."started_on");--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_dates" CHECK ("relationship"."ended_on" is null or "relationship"."started_on" is null or "relationship"."ended_on" >= "relationship"."started_on");
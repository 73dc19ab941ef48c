ALTER TABLE "care_leaver_contact" ADD COLUMN "health_services_rating" text;--> statement-breakpoint
ALTER TABLE "care_leaver_contact" ADD COLUMN "wellbeing_services_rating" text;
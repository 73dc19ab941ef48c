CREATE INDEX "lac_review_period_idx" ON "lac_review" USING btree ("period_of_care_id","held_on");--> statement-breakpoint
CREATE INDEX "legal_status_period_idx" ON "legal_status" USING btree ("period_of_care_id");--> statement-breakpoint
CREATE INDEX "permanence_plan_period_idx" ON "permanence_plan" USING btree ("period_of_care_id");--> statement-breakpoint
CREATE INDEX "placement_period_idx" ON "placement" USING btree ("period_of_care_id","start_date");
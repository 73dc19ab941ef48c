CREATE INDEX "cp_conference_section47_idx" ON "cp_conference" USING btree ("section47_id");--> statement-breakpoint
CREATE INDEX "cp_conference_plan_idx" ON "cp_conference" USING btree ("cp_plan_id");--> statement-breakpoint
CREATE INDEX "section47_person_idx" ON "section47" USING btree ("person_id","start_date");
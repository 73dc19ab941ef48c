-- Indexes for the drift rules evaluated over the whole authority (issue 5: all flags in <= 2 s). Written by
-- hand because some carry INCLUDE columns or an expression Drizzle's index builder cannot express; the schema
-- files do not declare them, so drizzle-kit leaves them alone.
CREATE INDEX "allocation_current_idx" ON "allocation" ("person_id", "kind", "started_on" desc, "id" desc) INCLUDE ("ended_on", "worker_id", "team_id");--> statement-breakpoint
CREATE INDEX "referral_closure_idx" ON "referral" ("closure_date");--> statement-breakpoint
CREATE INDEX "assessment_authorised_idx" ON "assessment" ("referral_id", "authorised_on");--> statement-breakpoint
CREATE INDEX "assessment_no_identity_idx" ON "assessment" ("referral_id") INCLUDE ("id", "authorised_on", "person_id") WHERE length(btrim(coalesce("identity_and_culture", ''), chr(32) || chr(9) || chr(10) || chr(13))) = 0;--> statement-breakpoint
CREATE INDEX "plan_end_idx" ON "plan" ("end_date");--> statement-breakpoint
CREATE INDEX "plan_version_saved_idx" ON "plan_version" ("plan_id", "saved_at");--> statement-breakpoint
CREATE INDEX "plan_review_person_held_idx" ON "plan_review" ("person_id", "held_on", "id");--> statement-breakpoint
CREATE INDEX "plan_action_completed_idx" ON "plan_action" ("completed_on", "due_date");--> statement-breakpoint
CREATE INDEX "visit_recent_idx" ON "visit" ("person_id", "visited_on", "id") INCLUDE ("child_seen", "child_seen_alone", "kind");--> statement-breakpoint
CREATE INDEX "relationship_household_idx" ON "relationship" ("person_id", "started_on") WHERE "same_household";--> statement-breakpoint
CREATE INDEX "relationship_household_related_idx" ON "relationship" ("related_person_id", "started_on") WHERE "same_household";--> statement-breakpoint
CREATE INDEX "contact_decision_idx" ON "contact" ("decision_at", "received_at");

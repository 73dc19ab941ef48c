import type { Rule } from '../engine/types.ts'
import { assessmentTimescaleRule } from './assessment-45-working-days.rule.ts'
import { assessmentIdentityRule } from './assessment-identity-not-considered.rule.ts'
import { careProceedings26WeeksRule } from './care-proceedings-26-weeks.rule.ts'
import { childNotSeenAloneRule } from './child-not-seen-alone.rule.ts'
import { childViewsNotRecordedRule } from './child-views-not-recorded-at-review.rule.ts'
import { cinPlanReviewRule } from './cin-plan-review.rule.ts'
import { cinReviewAfterStepDownRule } from './cin-review-after-cp-step-down.rule.ts'
import { closureWithoutRationaleRule } from './closure-without-rationale.rule.ts'
import { connectedPersonApprovalRule } from './connected-person-temporary-approval.rule.ts'
import { contactDecisionRule } from './contact-decision.rule.ts'
import { cpMissingNoReturnInterviewRule } from './cp-missing-no-return-interview.rule.ts'
import { cpReviewConferenceRule } from './cp-review-conference.rule.ts'
import { cpVisitsRule } from './cp-visits.rule.ts'
import { firstCoreGroupRule } from './first-core-group-10-working-days.rule.ts'
import { icpcRule } from './icpc-15-working-days.rule.ts'
import { initialHealthAssessmentRule } from './initial-health-assessment.rule.ts'
import { iroEscalationResponseRule } from './iro-escalation-response.rule.ts'
import { lookedAfterReviewRule } from './looked-after-review.rule.ts'
import { lookedAfterVisitsRule } from './looked-after-statutory-visits.rule.ts'
import { noManagementOversightRule } from './no-management-oversight.rule.ts'
import { pathwayPlanReviewRule } from './pathway-plan-review.rule.ts'
import { permanencePlanRule } from './permanence-plan-by-second-review.rule.ts'
import { personalEducationPlanRule } from './personal-education-plan.rule.ts'
import { placementOrderNoMatchRule } from './placement-order-no-match.rule.ts'
import { planActionsOverdueRule } from './plan-actions-overdue.rule.ts'
import { planNotUpdatedRule } from './plan-not-updated-after-significant-change.rule.ts'
import { reReferralRule } from './re-referral-within-12-months.rule.ts'
import { repeatCpPlanRule } from './repeat-child-protection-plan.rule.ts'
import { returnInterviewRule } from './return-interview-72-hours.rule.ts'
import { reviewHealthAssessmentRule } from './review-health-assessment.rule.ts'

/**
 * Every rule Hearth evaluates, listed explicitly: adding a rule means adding it here, in `<id>.rule.ts`
 * with its tests in `<id>.rule.test.ts`.
 */
export const RULES: readonly Rule[] = [
  // Front door and assessment
  contactDecisionRule,
  assessmentTimescaleRule,
  reReferralRule,
  assessmentIdentityRule,
  // Child protection
  icpcRule,
  firstCoreGroupRule,
  cpReviewConferenceRule,
  cpVisitsRule,
  repeatCpPlanRule,
  // Child in need
  cinPlanReviewRule,
  cinReviewAfterStepDownRule,
  // Drift, oversight and the child's voice
  planNotUpdatedRule,
  planActionsOverdueRule,
  noManagementOversightRule,
  closureWithoutRationaleRule,
  childNotSeenAloneRule,
  childViewsNotRecordedRule,
  // Children in care
  lookedAfterReviewRule,
  lookedAfterVisitsRule,
  initialHealthAssessmentRule,
  reviewHealthAssessmentRule,
  personalEducationPlanRule,
  iroEscalationResponseRule,
  // Permanence and adoption
  permanencePlanRule,
  placementOrderNoMatchRule,
  connectedPersonApprovalRule,
  careProceedings26WeeksRule,
  // Missing from home or care
  returnInterviewRule,
  cpMissingNoReturnInterviewRule,
  // Care leavers
  pathwayPlanReviewRule,
]

import type { Rule } from '../engine/types.ts'
import { assessmentTimescaleRule } from './assessment-45-working-days.rule.ts'
import { assessmentIdentityRule } from './assessment-identity-not-considered.rule.ts'
import { childNotSeenAloneRule } from './child-not-seen-alone.rule.ts'
import { childViewsNotRecordedRule } from './child-views-not-recorded-at-review.rule.ts'
import { cinPlanReviewRule } from './cin-plan-review.rule.ts'
import { cinReviewAfterStepDownRule } from './cin-review-after-cp-step-down.rule.ts'
import { closureWithoutRationaleRule } from './closure-without-rationale.rule.ts'
import { contactDecisionRule } from './contact-decision.rule.ts'
import { cpReviewConferenceRule } from './cp-review-conference.rule.ts'
import { cpVisitsRule } from './cp-visits.rule.ts'
import { firstCoreGroupRule } from './first-core-group-10-working-days.rule.ts'
import { icpcRule } from './icpc-15-working-days.rule.ts'
import { noManagementOversightRule } from './no-management-oversight.rule.ts'
import { planActionsOverdueRule } from './plan-actions-overdue.rule.ts'
import { planNotUpdatedRule } from './plan-not-updated-after-significant-change.rule.ts'
import { reReferralRule } from './re-referral-within-12-months.rule.ts'
import { repeatCpPlanRule } from './repeat-child-protection-plan.rule.ts'

/**
 * Every rule Hearth evaluates, listed explicitly: adding a rule means adding it here, in `<id>.rule.ts`
 * with its tests in `<id>.rule.test.ts`.
 *
 * Not yet here, for want of the tables they read (add them when the tables land): care proceedings within
 * 26 weeks (Children Act 1989 s32(1)(a)); return home interview within 72 hours of a missing episode, and a
 * child on a child protection plan missing with no return interview; looked-after children (review within
 * 20 working days, then 3 and 6 months; statutory visits; health assessments; personal education plans;
 * permanence plan by the second review; placement order with no match; connected-person approvals within
 * 16 weeks); care leavers (pathway plans and their reviews).
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
]

import type { Rule } from '../engine/types.ts'
import { assessmentTimescaleRule } from './assessment-timescale.rule.ts'
import { contactDecisionRule } from './contact-decision.rule.ts'

/** Every rule Hearth evaluates, listed explicitly: adding a rule means adding it here. */
export const RULES: readonly Rule[] = [contactDecisionRule, assessmentTimescaleRule]

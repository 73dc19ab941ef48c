import { usesGenderCurrent } from './code-lists.ts'
import { defineRule } from './helpers.ts'

// Return-level. Born children (no expected date of birth) with no sex recorded: Sex missing or U
// from 2024-25; before that GenderCurrent missing or 0 (the validator's 2022-23 version has an
// operator-precedence slip; this follows the rule text).
export const rule2886Q = defineRule(
  {
    code: '2886Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['ExpectedPersonBirthDate', 'ChildIdentifiers'],
    message:
      'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)',
    earlier: {
      '2022-23': {
        message:
          'Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)',
        affectedFields: ['ExpectedPersonBirthDate', 'ChildIdentifiers'],
      },
      '2023-24': {
        message:
          'Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)',
        affectedFields: ['ExpectedPersonBirthDate', 'ChildIdentifiers'],
      },
    },
  },
  (t, ctx, report) => {
    const total = t.ChildIdentifiers.length
    if (total === 0) return
    const oldCodes = usesGenderCurrent(ctx.collectionYear)
    const missing = t.ChildIdentifiers.filter((r) => {
      if (r.ExpectedPersonBirthDate !== null) return false
      return oldCodes ? r.GenderCurrent === null || r.GenderCurrent === '0' : r.Sex === null || r.Sex === 'U'
    }).length
    if (missing / total > 0.02) report.returnLevel()
  },
)

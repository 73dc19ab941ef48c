import { GENDER_CURRENT, SEX, usesGenderCurrent } from './code-lists.ts'
import { at, defineRule, missingOrInvalidCode } from './helpers.ts'

// <Sex> (M/F/U) from 2024-25; <GenderCurrent> (0/1/2/9) before.
export const rule4180 = defineRule(
  {
    code: '4180',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['Sex'],
    message: 'Sex must be provided and equal M, F, or U',
    earlier: {
      '2022-23': { message: 'Gender is missing', affectedFields: ['GenderCurrent'] },
      '2023-24': { message: 'Gender is missing', affectedFields: ['GenderCurrent'] },
    },
  },
  (t, ctx, report) => {
    const old = usesGenderCurrent(ctx.collectionYear)
    t.ChildIdentifiers.forEach((r, i) => {
      if (old ? missingOrInvalidCode(r.GenderCurrent, GENDER_CURRENT) : missingOrInvalidCode(r.Sex, SEX))
        report(at('ChildIdentifiers', i, old ? 'GenderCurrent' : 'Sex'))
    })
  },
)

import { usesGenderCurrent } from './code-lists.ts'
import { at, defineRule } from './helpers.ts'

// An unborn child (expected date of birth, no date of birth): Sex must be U from 2024-25;
// GenderCurrent must be 0 before.
export const rule8750 = defineRule(
  {
    code: '8750',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    message: 'Sex must equal U for an unborn child',
    earlier: {
      '2022-23': {
        message: 'Gender must equal 0 for an unborn child',
        affectedFields: ['GenderCurrent', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
      },
      '2023-24': {
        message: 'Gender must equal 0 for an unborn child',
        affectedFields: ['GenderCurrent', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
      },
    },
  },
  (t, ctx, report) => {
    const old = usesGenderCurrent(ctx.collectionYear)
    t.ChildIdentifiers.forEach((r, i) => {
      if (r.PersonBirthDate !== null || r.ExpectedPersonBirthDate === null) return
      const ok = old ? r.GenderCurrent === '0' : r.Sex === 'U'
      if (!ok)
        report(
          at(
            'ChildIdentifiers',
            i,
            old ? 'GenderCurrent' : 'Sex',
            'PersonBirthDate',
            'ExpectedPersonBirthDate',
          ),
        )
    })
  },
)

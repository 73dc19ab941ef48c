import { at, childKey, defineRule, indexBy } from './helpers.ts'

export const rule8794 = defineRule(
  {
    code: '8794',
    type: 'error',
    table: 'Disabilities',
    affectedFields: ['Disability'],
    message: 'Child has two or more disabilities with the same code',
  },
  (t, _ctx, report) => {
    const codes = indexBy(
      t.Disabilities,
      (r) => `${childKey(r.LAchildID)}\u0001${r.Disability}`,
      (r) => r.Disability !== null,
    )
    for (const rows of codes.values()) {
      if (rows.length > 1) for (const i of rows) report(at('Disabilities', i, 'Disability'))
    }
  },
)

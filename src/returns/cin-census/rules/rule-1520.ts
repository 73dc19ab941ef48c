import { at, defineRule, indexBy } from './helpers.ts'

export const rule1520 = defineRule(
  {
    code: '1520',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['UPN'],
    message: 'More than one record with the same UPN.',
  },
  (t, _ctx, report) => {
    const withUpn = indexBy(t.ChildIdentifiers, (r) => r.UPN ?? '')
    for (const [upn, rows] of withUpn) {
      if (upn === '' || rows.length < 2) continue
      for (const i of rows) report(at('ChildIdentifiers', i, 'UPN'))
    }
  },
)

import { at, defineRule, indexBy } from './helpers.ts'

// A missing LA child ID is left to 8500.
export const rule8510 = defineRule(
  {
    code: '8510',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['LAchildID'],
    message: 'More than one child record with the same LA Child ID',
  },
  (t, _ctx, report) => {
    const ids = indexBy(
      t.ChildIdentifiers,
      (r) => r.LAchildID ?? '',
      (r) => r.LAchildID !== null,
    )
    for (const rows of ids.values()) {
      if (rows.length > 1) for (const i of rows) report(at('ChildIdentifiers', i, 'LAchildID'))
    }
  },
)

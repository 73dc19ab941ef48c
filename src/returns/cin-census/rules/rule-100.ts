import { at, defineRule } from './helpers.ts'

// As the validator: ReferenceDate must be 31 March of the header's own <Year>, so a file that is
// consistent in itself passes under either the 2024-25 or the 2025-26 rules.
export const rule100 = defineRule(
  {
    code: '100',
    type: 'error',
    table: 'Header',
    affectedFields: ['ReferenceDate'],
    message: 'Reference Date is incorrect',
  },
  (t, _ctx, report) => {
    if (t.Header.length === 0) {
      report.returnLevel()
      return
    }
    t.Header.forEach((h, i) => {
      const year = h.Year?.trim() ?? ''
      const expected = /^\d{4}$/.test(year) ? `${year}-03-31` : null
      if (h.ReferenceDate === null || h.ReferenceDate !== expected) report(at('Header', i, 'ReferenceDate'))
    })
  },
)

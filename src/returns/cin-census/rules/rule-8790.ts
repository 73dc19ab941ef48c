import { at, byChild, defineRule, rowAt, rowsOf } from './helpers.ts'

// The codes other than NONE are flagged (an empty Disability element counts as another value, as in
// the validator).
export const rule8790 = defineRule(
  {
    code: '8790',
    type: 'error',
    table: 'Disabilities',
    affectedFields: ['Disability'],
    message: 'Disability information includes both None and other values',
  },
  (t, _ctx, report) => {
    const isNone = (code: string | null) => code?.toUpperCase() === 'NONE'
    const withNone = byChild(t.Disabilities, (r) => isNone(r.Disability))
    const all = byChild(t.Disabilities)
    for (const key of withNone.keys()) {
      for (const d of rowsOf(all, key)) {
        if (!isNone(rowAt(t.Disabilities, d).Disability)) report(at('Disabilities', d, 'Disability'))
      }
    }
  },
)

import { ADOPTED, at, defineRule, firstRowByChild, rowAt } from './helpers.ts'

const WITH_FOSTER_CARERS: ReadonlySet<string> = new Set(['A2', 'A3', 'A5'])
const NOT_WITH_FOSTER_CARERS: ReadonlySet<string> = new Set(['A1', 'A4', 'A6'])

// The placement the child was adopted from says whether the adopters were the foster carers (A3, A5) or not (A4,
// A6); FOSTER_CARE must agree.
export const rule335 = defineRule({ code: '335', table: 'AD1' }, (t, _ctx, report) => {
  const ad1 = firstRowByChild(t.AD1)
  t.Episodes.forEach((e, i) => {
    const a = e.CHILD === null ? undefined : ad1.get(e.CHILD)
    if (a === undefined || !ADOPTED.has((e.REC ?? '').toUpperCase())) return
    const foster = rowAt(t.AD1, a).FOSTER_CARE
    const place = e.PLACE ?? ''
    if (
      (WITH_FOSTER_CARERS.has(place) && foster === '0') ||
      (NOT_WITH_FOSTER_CARERS.has(place) && foster === '1')
    )
      report(at('AD1', a, 'FOSTER_CARE'), at('Episodes', i, 'PLACE'))
  })
})

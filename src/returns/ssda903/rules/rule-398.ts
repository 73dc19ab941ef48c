import { defineRule, present, rowRule, SHORT_BREAKS } from './helpers.ts'

// Short breaks (V3, V4) return neither postcode: the DfE derives the distance from them.
export const rule398 = defineRule(
  { code: '398', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['LS', 'HOME_POST', 'PL_POST'],
    (r) => SHORT_BREAKS.has(r.LS ?? '') && (present(r.HOME_POST) || present(r.PL_POST)),
  ),
)

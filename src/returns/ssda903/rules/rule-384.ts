import { defineRule, rowRule, SHORT_BREAKS } from './helpers.ts'

const LONG_TERM_FOSTERING: ReadonlySet<string> = new Set(['U1', 'U4'])

export const rule384 = defineRule(
  { code: '384', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['LS', 'PLACE'],
    (r) => SHORT_BREAKS.has(r.LS ?? '') && LONG_TERM_FOSTERING.has(r.PLACE ?? ''),
  ),
)

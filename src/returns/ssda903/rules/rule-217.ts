import { defineRule, rowRule } from './helpers.ts'

const WITH_FOSTER_CARERS: ReadonlySet<string> = new Set(['A3', 'A5'])
const STARTS: ReadonlySet<string> = new Set(['S', 'T', 'U'])

// Placed for adoption with the current foster carers (from 1 April 2015): the carers do not change, so the episode
// starts care (S) or changes placement with the same carers (T, U).
export const rule217 = defineRule(
  { code: '217', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['RNE', 'PLACE', 'DECOM'],
    (r) =>
      WITH_FOSTER_CARERS.has(r.PLACE ?? '') &&
      r.DECOM !== null &&
      r.DECOM >= '2015-04-01' &&
      !STARTS.has(r.RNE ?? ''),
  ),
)

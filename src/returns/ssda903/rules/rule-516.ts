import { defineRule, rowRule } from './helpers.ts'

const TO_FORMER_FOSTER_CARERS: ReadonlySet<string> = new Set(['E45', 'E46'])
const FOSTERING: ReadonlySet<string> = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6'])

// A special guardianship order to former foster carers (E45, E46) ends a foster placement (U1-U6).
export const rule516 = defineRule(
  { code: '516', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['REC', 'PLACE'],
    (r) => TO_FORMER_FOSTER_CARERS.has((r.REC ?? '').toUpperCase()) && !FOSTERING.has(r.PLACE ?? ''),
  ),
)

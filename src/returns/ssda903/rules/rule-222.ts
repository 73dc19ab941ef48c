import { defineRule, NOT_OFSTED_REGISTERED, present, rowRule } from './helpers.ts'

const NOT_REGISTERED: ReadonlySet<string> = new Set(NOT_OFSTED_REGISTERED)

// XXXXXXX (no URN) is allowed. The list is the 2024-25 validator's (Z1 no longer exists from 2025-26; whether
// Z11-Z14 join it in 2025-26 is not in the public rule).
export const rule222 = defineRule(
  { code: '222', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['URN', 'PLACE'],
    (r) => NOT_REGISTERED.has(r.PLACE ?? '') && present(r.URN) && r.URN !== 'XXXXXXX',
  ),
)

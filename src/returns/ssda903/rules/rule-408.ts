import { defineRule, rowRule } from './helpers.ts'

const WITH_PLACEMENT_ORDER: ReadonlySet<string> = new Set(['A5', 'A6'])

export const rule408 = defineRule(
  { code: '408', table: 'Episodes' },
  rowRule('Episodes', ['PLACE', 'LS'], (r) => WITH_PLACEMENT_ORDER.has(r.PLACE ?? '') && r.LS !== 'E1'),
)

import { defineRule, rowRule, TEMPORARY_PLACEMENTS } from './helpers.ts'

export const rule380 = defineRule(
  { code: '380', table: 'Episodes' },
  rowRule('Episodes', ['PLACE', 'RNE'], (r) => r.RNE === 'S' && TEMPORARY_PLACEMENTS.has(r.PLACE ?? '')),
)

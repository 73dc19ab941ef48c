import { defineRule, rowRule } from './helpers.ts'

export const rule550 = defineRule(
  { code: '550', table: 'Episodes' },
  rowRule('Episodes', ['PLACE', 'PLACE_PROVIDER'], (r) => r.PLACE_PROVIDER === 'PR0' && r.PLACE !== 'P1'),
)

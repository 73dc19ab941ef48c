import { defineRule, present, rowRule } from './helpers.ts'

export const rule233 = defineRule(
  { code: '233', table: 'Episodes' },
  rowRule('Episodes', ['REASON_PLACE_CHANGE'], (r) => r.DEC === null && present(r.REASON_PLACE_CHANGE)),
)

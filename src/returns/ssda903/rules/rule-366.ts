import { defineRule, rowRule } from './helpers.ts'

// Each short-term break (V3) starts a period of care of its own.
export const rule366 = defineRule(
  { code: '366', table: 'Episodes' },
  rowRule('Episodes', ['RNE'], (r) => r.LS === 'V3' && (r.RNE ?? '').toUpperCase() !== 'S'),
)

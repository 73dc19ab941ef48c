import { defineRule, present, rowRule } from './helpers.ts'

const TYPES: ReadonlySet<string> = new Set(['M', 'A'])

export const rule1006 = defineRule(
  { code: '1006', table: 'Missing' },
  rowRule('Missing', ['MISSING'], (r) => present(r.MISSING) && !TYPES.has(r.MISSING.toUpperCase())),
)

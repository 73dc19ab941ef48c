import { defineRule, present, rowRule } from './helpers.ts'

// A UPN starts with a letter other than I, O or S, then 12 digits (or 11 and a letter); or UN1 to UN5 when not known.
const UPN = /^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$/

export const rule168 = defineRule(
  { code: '168', table: 'Header' },
  rowRule('Header', ['UPN'], (r) => present(r.UPN) && !UPN.test(r.UPN)),
)

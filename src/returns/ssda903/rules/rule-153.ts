import { defineRule, present, rowRule } from './helpers.ts'

export const rule153 = defineRule(
  { code: '153', table: 'OC3' },
  rowRule('OC3', ['IN_TOUCH', 'ACTIV', 'ACCOM'], (r) => {
    const given = [r.IN_TOUCH, r.ACTIV, r.ACCOM].filter(present).length
    return given > 0 && given < 3
  }),
)

import { defineRule, present, rowRule } from './helpers.ts'

export const rule180 = defineRule(
  { code: '180', table: 'OC2' },
  rowRule(
    'OC2',
    ['SDQ_SCORE'],
    (r) => present(r.SDQ_SCORE) && !(/^\d{1,2}$/.test(r.SDQ_SCORE) && Number(r.SDQ_SCORE) <= 40),
  ),
)

import { agedUnder, defineRule, present, rowRule } from './helpers.ts'

export const rule542 = defineRule(
  { code: '542', table: 'OC2' },
  rowRule('OC2', ['CONVICTED'], (r, ctx) => present(r.CONVICTED) && agedUnder(r.DOB, 10, ctx.collectionEnd)),
)

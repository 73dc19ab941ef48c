import { at, blank, continuouslyLookedAfter, defineRule, episodesByChild } from './helpers.ts'

// A child looked after for 12 months needs an OC2 row with immunisations, teeth check, health assessment and substance misuse.
const ITEMS = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const

export const rule191 = defineRule({ code: '191', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  const withRow = new Set(t.OC2.map((r) => r.CHILD))
  t.OC2.forEach((r, i) => {
    if (r.CHILD !== null && cla.has(r.CHILD) && ITEMS.some((f) => blank(r[f]))) report(at('OC2', i, ...ITEMS))
  })
  for (const [child, indices] of episodesByChild(t))
    if (cla.has(child) && !withRow.has(child)) report(at('Episodes', indices[0]!, 'CHILD'))
})

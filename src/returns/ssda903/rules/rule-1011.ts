import { at, defineRule, episodesByChild, oc3Given, rowAt } from './helpers.ts'

// Care transferred to another local authority (E3) in the latest episode: that authority returns the care leaver.
export const rule1011 = defineRule({ code: '1011', table: 'OC3' }, (t, _ctx, report) => {
  const transferred = new Map<string, number>()
  for (const [child, indices] of episodesByChild(t)) {
    const last = indices.filter((i) => rowAt(t.Episodes, i).DECOM !== null).at(-1)
    if (last !== undefined && rowAt(t.Episodes, last).REC === 'E3') transferred.set(child, last)
  }
  t.OC3.forEach((r, i) => {
    const e = r.CHILD === null ? undefined : transferred.get(r.CHILD)
    if (e !== undefined && oc3Given(r))
      report(at('OC3', i, 'IN_TOUCH', 'ACTIV', 'ACCOM'), at('Episodes', e, 'REC'))
  })
})

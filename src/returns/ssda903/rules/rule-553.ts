import { at, byChild, defineRule } from './helpers.ts'

// A placement order (E1) in the year with no should-be-placed decision for the child. (The validator also flags a
// placement order still in force at 31 March whose decision was reversed: the message does not say so, and the
// order lasts until the court revokes it.)
export const rule553 = defineRule({ code: '553', table: 'Episodes' }, (t, _ctx, report) => {
  const decisions = byChild(t.PlacedAdoption)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD !== null && e.LS === 'E1' && !decisions.has(e.CHILD)) report(at('Episodes', i, 'LS'))
  })
})

import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

const WITH_FOSTER_CARERS: ReadonlySet<string> = new Set(['A3', 'A5'])
const BEFORE: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'])

// Placed for adoption with the current foster carers (A3, A5, as the DfE's specification says; the validator
// checks A3 and A4): the episode before is a foster placement or a placement for adoption.
export const rule336 = defineRule({ code: '336', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    if (
      WITH_FOSTER_CARERS.has(rowAt(t.Episodes, i).PLACE ?? '') &&
      !BEFORE.has(rowAt(t.Episodes, p).PLACE ?? '')
    )
      report(at('Episodes', i, 'PLACE'), at('Episodes', p, 'PLACE'))
  }),
)

import type { Ssda903TableName } from '../tables.ts'
import { at, defineRule } from './helpers.ts'

const TABLES = [
  'PlacedAdoption',
  'Missing',
  'Reviews',
  'AD1',
  'PrevPerm',
  'OC2',
] as const satisfies readonly Ssda903TableName[]

// A care leaver with no episode in the year appears only in the Header and OC3.
export const rule1012 = defineRule({ code: '1012', table: 'Episodes' }, (t, _ctx, report) => {
  const withEpisodes = new Set(t.Episodes.map((e) => e.CHILD))
  for (const table of TABLES)
    t[table].forEach((r, i) => {
      if (!withEpisodes.has(r.CHILD)) report(at(table, i, 'CHILD'))
    })
})

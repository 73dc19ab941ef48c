import { at, defineRule, episodesByChild, rowAt } from './helpers.ts'

// More than two temporary placements while the foster carers are on holiday (T3) in the year's episodes.
export const rule377 = defineRule({ code: '377', table: 'Episodes' }, (t, _ctx, report) => {
  for (const indices of episodesByChild(t).values()) {
    const holidays = indices.filter((i) => rowAt(t.Episodes, i).PLACE === 'T3')
    if (holidays.length > 2) for (const i of holidays) report(at('Episodes', i, 'PLACE'))
  }
})

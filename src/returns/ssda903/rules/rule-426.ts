import { at, defineRule, episodesByChild, rowAt } from './helpers.ts'

// Short breaks are either all single (V3) or all a series (V4) for one child in a year.
export const rule426 = defineRule({ code: '426', table: 'Episodes' }, (t, _ctx, report) => {
  for (const indices of episodesByChild(t).values()) {
    const v3 = indices.filter((i) => rowAt(t.Episodes, i).LS === 'V3')
    const v4 = indices.filter((i) => rowAt(t.Episodes, i).LS === 'V4')
    if (v3.length > 0 && v4.length > 0)
      for (const i of [...v3, ...v4].sort((a, b) => a - b)) report(at('Episodes', i, 'LS'))
  }
})

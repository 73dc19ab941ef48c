import { at, defineRule, episodesByChild, present, rowAt, TEMPORARY_PLACEMENTS } from './helpers.ts'

export const rule226 = defineRule(
  { code: '226', table: 'Episodes', earlier: { '2024-25': 'Reason for placement change is not required.' } },
  (t, _ctx, report) => {
    for (const indices of episodesByChild(t).values())
      indices.forEach((i, k) => {
        const e = rowAt(t.Episodes, i)
        const previous = k > 0 ? rowAt(t.Episodes, indices[k - 1]!) : null
        if (
          TEMPORARY_PLACEMENTS.has(e.PLACE ?? '') &&
          (present(e.REASON_PLACE_CHANGE) || present(previous?.REASON_PLACE_CHANGE))
        )
          report(at('Episodes', i, 'REASON_PLACE_CHANGE', 'PLACE'))
      })
  },
)

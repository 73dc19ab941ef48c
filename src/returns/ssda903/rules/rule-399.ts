import {
  at,
  byChild,
  defineRule,
  episodesByChild,
  headerRowByChild,
  present,
  rowAt,
  SHORT_BREAKS,
} from './helpers.ts'

// A child whose every episode is a short break (V3, V4) has no motherhood item and no reviews.
export const rule399 = defineRule({ code: '399', table: 'Episodes' }, (t, _ctx, report) => {
  const header = headerRowByChild(t)
  const reviews = byChild(t.Reviews)
  for (const [child, indices] of episodesByChild(t)) {
    if (!indices.every((i) => SHORT_BREAKS.has(rowAt(t.Episodes, i).LS ?? ''))) continue
    const first = at('Episodes', indices[0]!, 'LS')
    const h = header.get(child)
    if (h !== undefined && present(rowAt(t.Header, h).MOTHER)) report(first, at('Header', h, 'MOTHER'))
    for (const r of reviews.get(child) ?? []) {
      const review = rowAt(t.Reviews, r)
      if (present(review.REVIEW) || present(review.REVIEW_CODE))
        report(first, at('Reviews', r, 'REVIEW', 'REVIEW_CODE'))
    }
  }
})

// What makes a recorded decision or rationale say something: Ofsted found oversight that "records
// compliance but never challenges". The same thresholds decide what a form accepts and what the drift
// rules flag in records that came from elsewhere.

export const MIN_DECISION_WORDS = 4
export const MIN_RATIONALE_WORDS = 8

/** Words with at least one letter: "Case reviewed." is two. */
export function wordCount(text: string | null): number {
  return text ? text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length : 0
}

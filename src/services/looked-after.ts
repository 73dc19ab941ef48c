// Children in care, part 1: the use cases live in ./looked-after/, one file per part of the work; this
// file is the one place other areas import them from.
//
// - care.ts: becoming looked after, legal status and placement changes, ceasing care, UASC, the IRO's
//   allocation, the looked-after page and lookedAfterSummary(db, personId) for the child's summary
// - episodes.ts: deriveEpisodes(periods, legalStatuses, placements), the SSDA903 episodes (pure)
// - visit-interval.ts: statutoryVisitInterval(placement, legalStatus, options) and nextStatutoryVisit (pure)
// - timescales.ts: review, health assessment and escalation due dates (pure)
// - reviews.ts: looked-after reviews, IRO contact, IRO escalations (dispute resolution)
// - health-education.ts: health records (903 OC2) and personal education plans
// - missing.ts: missing and away episodes, return interviews, the pattern of reasons
// - contact.ts: contact arrangements with family
// - care-proceedings.ts: care proceedings (PLO, issue, the court's extensions, outcome) and the 26-week date
// - deprivation-of-liberty.ts: deprivation of liberty orders (903 DoLo, 2026-27)

export * from './looked-after/care.ts'
export * from './looked-after/care-proceedings.ts'
export * from './looked-after/contact.ts'
export * from './looked-after/deprivation-of-liberty.ts'
export * from './looked-after/episodes.ts'
export * from './looked-after/health-education.ts'
export * from './looked-after/labels.ts'
export * from './looked-after/missing.ts'
export * from './looked-after/reviews.ts'
export * from './looked-after/timescales.ts'
export * from './looked-after/visit-interval.ts'

import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { userAccount } from './auth.ts'
import { worker } from './organisation.ts'
import { person } from './people.ts'

// The looked-after half of the journey, on the same record. The SSDA903 "episode" is NOT stored: a new
// episode starts on every change of legal status or placement, so episodes are derived from the legal
// status and placement rows below (never typed twice). Codes are the DfE 903 code lists
// (src/domain/codes/ssda903-code-lists.json).

/** A period of care: from becoming looked after to ceasing to be looked after. */
export const periodOfCare = pgTable(
  'period_of_care',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    startDate: date().notNull(),
    /** 903 CIN: category of need on entry (N1–N8). */
    categoryOfNeed: text().notNull(),
    /** 903 HOME_POST: postcode of the home the child was removed from. */
    homePostcode: text(),
    endDate: date(),
    /** 903 REC: reason the episode (and care) ceased. */
    reasonCeased: text(),
    /** Where the child went, and the plan for support after care. */
    destination: text(),
    supportPlan: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('period_of_care_person_idx').on(t.personId, t.startDate),
    check('period_of_care_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

/** 903 LS: the legal basis of care, over time (s20 = V2, interim care order = C1, care order = C2 …). */
export const legalStatus = pgTable(
  'legal_status',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    periodOfCareId: integer()
      .notNull()
      .references(() => periodOfCare.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    code: text().notNull(),
    startDate: date().notNull(),
    endDate: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('legal_status_person_idx').on(t.personId, t.startDate),
    // The rules read a period of care's statuses, placements and reviews by the period.
    index('legal_status_period_idx').on(t.periodOfCareId),
    check('legal_status_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

/** Where a looked-after child lives, over time. */
export const placement = pgTable(
  'placement',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    periodOfCareId: integer()
      .notNull()
      .references(() => periodOfCare.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    /** 903 PLACE: placement type. */
    placementType: text().notNull(),
    /** 903 PLACE_PROVIDER. */
    provider: text().notNull(),
    providerName: text(),
    /** Ofsted unique reference number of a registered provision (903 URN). */
    urn: text(),
    /** The carer, when the carer is a person known to Hearth (foster carer, connected person). */
    carerPersonId: integer().references(() => person.id),
    addressLine: text(),
    /** 903 PL_POST. Suppressed in returns for confidential and adoptive placements. */
    postcode: text(),
    confidential: boolean().notNull().default(false),
    distanceMiles: integer(),
    insideAuthority: boolean().notNull(),
    /** Intended to last until the child is 18 (statutory visits then may be 3-monthly after the first year). */
    longTerm: boolean().notNull().default(false),
    startDate: date().notNull(),
    endDate: date(),
    /** 903 REASON_PLACE_CHANGE, when this placement ended but care continued. */
    reasonForChange: text(),
    placementPlanDate: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('placement_person_idx').on(t.personId, t.startDate),
    index('placement_period_idx').on(t.periodOfCareId, t.startDate),
    check('placement_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

/**
 * A deprivation of liberty order (DoLO) made for a looked-after child, under the High Court's inherent
 * jurisdiction (903 DoLo from 2026-27: DOLO_START, DOLO_END).
 */
export const deprivationOfLiberty = pgTable(
  'deprivation_of_liberty',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    periodOfCareId: integer()
      .notNull()
      .references(() => periodOfCare.id),
    startDate: date().notNull(),
    endDate: date(),
    /** The court, the order's terms and the restrictions it authorises. */
    details: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('deprivation_of_liberty_person_idx').on(t.personId, t.startDate),
    check('deprivation_of_liberty_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

/** Looked-after reviews chaired by the IRO (903 Reviews: REVIEW date and participation REVIEW_CODE). */
export const lacReview = pgTable(
  'lac_review',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    periodOfCareId: integer()
      .notNull()
      .references(() => periodOfCare.id),
    heldOn: date().notNull(),
    iroWorkerId: integer().references(() => worker.id),
    /** 903 REVIEW_CODE PN0–PN7: how the child participated. */
    participation: text().notNull(),
    childsViews: text(),
    attendees: text().array().notNull(),
    decisions: text().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('lac_review_person_idx').on(t.personId, t.heldOn),
    index('lac_review_period_idx').on(t.periodOfCareId, t.heldOn),
  ],
)

/** IRO contact with the child between reviews (Annex A: date of last IRO visit or contact). */
export const iroContact = pgTable(
  'iro_contact',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    iroWorkerId: integer().references(() => worker.id),
    contactedOn: date().notNull(),
    kind: text().$type<'visit' | 'phone' | 'video' | 'midway-review' | 'other'>().notNull(),
    notes: text(),
  },
  (t) => [index('iro_contact_person_idx').on(t.personId, t.contactedOn)],
)

/** IRO dispute resolution: informal, then formal stages up to the DCS, and Cafcass at any stage. */
export const iroEscalation = pgTable(
  'iro_escalation',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    stage: text().$type<'informal' | 'formal-1' | 'formal-2' | 'formal-3' | 'cafcass'>().notNull(),
    raisedOn: date().notNull(),
    raisedBy: integer().references(() => worker.id),
    issue: text().notNull(),
    /** Who must respond: a team manager, head of service, director… */
    respondent: text().notNull(),
    responseDue: date().notNull(),
    response: text(),
    respondedOn: date(),
    outcome: text().$type<'resolved' | 'escalated' | 'withdrawn'>(),
    version: integer().notNull().default(1),
  },
  (t) => [index('iro_escalation_person_idx').on(t.personId, t.raisedOn)],
)

/** Health: assessments, dental checks, immunisations, SDQ, substance misuse (903 OC2). */
export const healthRecord = pgTable(
  'health_record',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    kind: text()
      .$type<
        | 'initial-health-assessment'
        | 'review-health-assessment'
        | 'dental-check'
        | 'immunisations'
        | 'sdq'
        | 'substance-misuse'
        // 903 OC2 HEALTH_CHECK (under-5 development checks up to date) and CONVICTED: kinds only, no column.
        | 'health-surveillance'
        | 'conviction'
      >()
      .notNull(),
    recordedOn: date().notNull(),
    /** Immunisations up to date; substance misuse identified; intervention offered/received. */
    upToDate: boolean(),
    substanceMisuse: boolean(),
    interventionOffered: boolean(),
    interventionReceived: boolean(),
    /** SDQ total difficulties score 0–40, or the reason it was not done (903 SDQ_REASON). */
    sdqScore: integer(),
    sdqReason: text(),
    notes: text(),
  },
  (t) => [
    index('health_record_person_idx').on(t.personId, t.kind, t.recordedOn),
    check('health_record_sdq', sql`${t.sdqScore} is null or (${t.sdqScore} between 0 and 40)`),
  ],
)

/** Personal education plans and virtual-school involvement. */
export const personalEducationPlan = pgTable(
  'personal_education_plan',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    heldOn: date().notNull(),
    school: text(),
    designatedTeacher: text(),
    virtualSchoolContact: text(),
    targets: text(),
  },
  (t) => [index('pep_person_idx').on(t.personId, t.heldOn)],
)

/** Missing from home or care, or away without permission (903 Missing) — for any child, not only in care. */
export const missingEpisode = pgTable(
  'missing_episode',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    /** 903 MISSING: M missing, A away from placement without authorisation. */
    kind: text().$type<'M' | 'A'>().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    returnInterviewOfferedAt: timestamp({ withTimezone: true }),
    returnInterviewAccepted: boolean(),
    returnInterviewHeldAt: timestamp({ withTimezone: true }),
    /** The reasons the child gave, in their words, and as categories so patterns across episodes show. */
    reasonsGiven: text(),
    reasonCategories: text().array().notNull().default(sql`'{}'::text[]`),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('missing_episode_person_idx').on(t.personId, t.startedAt),
    check('missing_episode_dates', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
)

/** A permanence plan: every option considered, with the rationale for the decision. */
export const permanencePlan = pgTable(
  'permanence_plan',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    periodOfCareId: integer().references(() => periodOfCare.id),
    decidedOn: date().notNull(),
    chosenOption: text()
      .$type<
        | 'return-home'
        | 'connected-person'
        | 'special-guardianship'
        | 'long-term-fostering'
        | 'adoption'
        | 'early-permanence'
        | 'residential'
        | 'other'
      >()
      .notNull(),
    rationale: text().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('permanence_plan_person_idx').on(t.personId, t.decidedOn),
    index('permanence_plan_period_idx').on(t.periodOfCareId),
  ],
)

export const permanenceOption = pgTable(
  'permanence_option',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    permanencePlanId: integer()
      .notNull()
      .references(() => permanencePlan.id),
    option: text().notNull(),
    considered: boolean().notNull(),
    /** Why this option was or was not right for the child. */
    analysis: text().notNull(),
  },
  (t) => [index('permanence_option_plan_idx').on(t.permanencePlanId)],
)

/** Siblings placed together or apart, and why. */
export const siblingAssessment = pgTable(
  'sibling_assessment',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    siblingPersonId: integer()
      .notNull()
      .references(() => person.id),
    assessedOn: date().notNull(),
    outcome: text().$type<'together' | 'apart'>().notNull(),
    rationale: text().notNull(),
  },
  (t) => [index('sibling_assessment_person_idx').on(t.personId)],
)

/** A family member or friend assessed as a carer (connected person, special guardian). */
export const carerAssessment = pgTable(
  'carer_assessment',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    childPersonId: integer()
      .notNull()
      .references(() => person.id),
    carerPersonId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<'connected-person' | 'special-guardianship' | 'fostering' | 'adoption'>().notNull(),
    startedOn: date().notNull(),
    completedOn: date(),
    outcome: text().$type<'positive' | 'negative' | 'withdrawn'>(),
    /** Regulation 24 temporary approval: up to 16 weeks, one extension of up to 8 weeks. */
    temporaryApprovalOn: date(),
    temporaryApprovalExtendedTo: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('carer_assessment_child_idx').on(t.childPersonId),
    index('carer_assessment_carer_idx').on(t.carerPersonId),
  ],
)

export const specialGuardianshipOrder = pgTable('special_guardianship_order', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  personId: integer()
    .notNull()
    .references(() => person.id),
  guardianPersonId: integer().references(() => person.id),
  madeOn: date().notNull(),
})

/**
 * The adoption case: agency decision, placement order, matching, placement and order (903 AD1 and
 * PlacedAdoption). Once sealed, the child's record is hidden from all but authorised adoption staff.
 */
export const adoptionCase = pgTable(
  'adoption_case',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    /** Agency decision maker: should be placed for adoption (903 DATE_INT). */
    shouldBePlacedOn: date().notNull(),
    placementOrderOn: date(),
    matchingPanelOn: date(),
    matchingRecommendation: text(),
    /** 903 DATE_MATCH. */
    matchedOn: date(),
    /** 903 DATE_PLACED. */
    placedOn: date(),
    /** 903 DATE_PLACED_CEASED and REASON_PLACED_CEASED (RD1–RD4). */
    decisionCeasedOn: date(),
    decisionCeasedReason: text(),
    adoptionOrderOn: date(),
    /** 903 FOSTER_CARE: adopted by the child's foster carer(s). */
    byFosterCarers: boolean(),
    /** 903 NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR. */
    numberOfAdopters: integer(),
    sexOfAdopters: text(),
    legalStatusOfAdopters: text(),
    sealedOn: date(),
    version: integer().notNull().default(1),
  },
  (t) => [index('adoption_case_person_idx').on(t.personId)],
)

export const familyFindingActivity = pgTable(
  'family_finding_activity',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    adoptionCaseId: integer()
      .notNull()
      .references(() => adoptionCase.id),
    occurredOn: date().notNull(),
    activity: text().notNull(),
    notes: text(),
  },
  (t) => [index('family_finding_case_idx').on(t.adoptionCaseId)],
)

/** Planned direct work with the child: life-story work, later-life letters, understanding their history. */
export const directWork = pgTable(
  'direct_work',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<'life-story-work' | 'later-life-letter' | 'identity-work' | 'other'>().notNull(),
    plannedBy: date().notNull(),
    completedOn: date(),
    notes: text(),
  },
  (t) => [index('direct_work_person_idx').on(t.personId)],
)

/** Family time: contact with family members, informed by the child's wishes. */
export const contactArrangement = pgTable(
  'contact_arrangement',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    withPersonId: integer().references(() => person.id),
    withDescription: text().notNull(),
    frequency: text().notNull(),
    supervision: text().$type<'supervised' | 'supported' | 'unsupervised' | 'indirect'>().notNull(),
    childsWishes: text().notNull(),
    startedOn: date().notNull(),
    endedOn: date(),
  },
  (t) => [index('contact_arrangement_person_idx').on(t.personId)],
)

/** Fostering panel: assessment to recommendation to decision, for foster and connected-person carers. */
export const fosteringPanel = pgTable(
  'fostering_panel',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    carerPersonId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<'mainstream' | 'connected-person' | 'review' | 'termination'>().notNull(),
    assessmentStartedOn: date().notNull(),
    panelOn: date(),
    recommendation: text(),
    decision: text().$type<'approved' | 'not-approved' | 'deferred'>(),
    decisionOn: date(),
    decidedBy: integer().references(() => userAccount.id),
  },
  (t) => [index('fostering_panel_carer_idx').on(t.carerPersonId)],
)

/** Care leavers: keeping in touch, activity and accommodation (903 OC3), and their own feedback. */
export const careLeaverContact = pgTable(
  'care_leaver_contact',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    contactedOn: date().notNull(),
    /** 903 IN_TOUCH, ACTIV, ACCOM codes. */
    inTouch: text().notNull(),
    activity: text(),
    accommodation: text(),
    accommodationSuitable: boolean(),
    /** The care leaver's own feedback on health and wellbeing services. */
    healthFeedback: text(),
    wellbeingFeedback: text(),
    /** How the care leaver rates those services (good, okay, poor, not used), so feedback can be counted. */
    healthServicesRating: text().$type<'good' | 'okay' | 'poor' | 'not-used'>(),
    wellbeingServicesRating: text().$type<'good' | 'okay' | 'poor' | 'not-used'>(),
  },
  (t) => [index('care_leaver_contact_person_idx').on(t.personId, t.contactedOn)],
)

// Words for the looked-after area's own lists. DfE codes (legal status, placement, reasons…) come from the
// SSDA903 code lists (src/domain/codes/codes.ts); these are Hearth's lists where the DfE has none.

export const ESCALATION_STAGES = ['informal', 'formal-1', 'formal-2', 'formal-3', 'cafcass'] as const
export type EscalationStage = (typeof ESCALATION_STAGES)[number]

export const ESCALATION_STAGE_LABELS: Record<EscalationStage, string> = {
  informal: 'Informal: raised with the social worker or team manager',
  'formal-1': 'Formal stage 1: team manager',
  'formal-2': 'Formal stage 2: head of service',
  'formal-3': "Formal stage 3: director of children's services",
  cafcass: 'Referred to Cafcass',
}

export const ESCALATION_STAGE_SHORT: Record<EscalationStage, string> = {
  informal: 'Informal',
  'formal-1': 'Formal stage 1',
  'formal-2': 'Formal stage 2',
  'formal-3': 'Formal stage 3',
  cafcass: 'Cafcass',
}

/** The stage an escalation goes to when the response does not resolve it. */
export const NEXT_ESCALATION_STAGE: Record<EscalationStage, EscalationStage | null> = {
  informal: 'formal-1',
  'formal-1': 'formal-2',
  'formal-2': 'formal-3',
  'formal-3': 'cafcass',
  cafcass: null,
}

export const ESCALATION_OUTCOMES = ['resolved', 'escalated', 'withdrawn'] as const
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number]
export const ESCALATION_OUTCOME_LABELS: Record<EscalationOutcome, string> = {
  resolved: 'Resolved',
  escalated: 'Not resolved: escalated to the next stage',
  withdrawn: 'Withdrawn by the IRO',
}

/** IRO handbook: each stage is answered within a set time; 10 working days is the common local standard. */
export const ESCALATION_RESPONSE_WORKING_DAYS = 10

export const IRO_CONTACT_KINDS = ['visit', 'phone', 'video', 'midway-review', 'other'] as const
export type IroContactKind = (typeof IRO_CONTACT_KINDS)[number]
export const IRO_CONTACT_KIND_LABELS: Record<IroContactKind, string> = {
  visit: 'Visit',
  phone: 'Phone call',
  video: 'Video call',
  'midway-review': 'Midway review',
  other: 'Other contact',
}

export const HEALTH_KINDS = [
  'initial-health-assessment',
  'review-health-assessment',
  'dental-check',
  'immunisations',
  'health-surveillance',
  'sdq',
  'substance-misuse',
  'conviction',
] as const
export type HealthKind = (typeof HEALTH_KINDS)[number]
export const HEALTH_KIND_LABELS: Record<HealthKind, string> = {
  'initial-health-assessment': 'Initial health assessment',
  'review-health-assessment': 'Review health assessment',
  'dental-check': 'Dental check',
  immunisations: 'Immunisations',
  'health-surveillance': 'Development checks (under 5)',
  sdq: 'Strengths and difficulties questionnaire (SDQ)',
  'substance-misuse': 'Substance misuse',
  conviction: 'Convicted of an offence, or given a final warning or reprimand',
}

export const MISSING_KIND_LABELS: Record<'M' | 'A', string> = {
  M: 'Missing: where they were was not known',
  A: 'Away without permission: where they were was known',
}

/** Categories for the reasons a child gives for going missing, so patterns across episodes show. */
export const MISSING_REASON_CATEGORIES = [
  'unhappy-at-placement',
  'conflict-at-home-or-placement',
  'to-see-family',
  'to-see-friends-or-partner',
  'exploitation-concern',
  'drugs-or-alcohol',
  'school-or-bullying',
  'mental-health',
  'boredom-or-fun',
  'would-not-say',
  'other',
] as const
export type MissingReasonCategory = (typeof MISSING_REASON_CATEGORIES)[number]
export const MISSING_REASON_LABELS: Record<MissingReasonCategory, string> = {
  'unhappy-at-placement': 'Unhappy where they live',
  'conflict-at-home-or-placement': 'Arguments or conflict where they live',
  'to-see-family': 'To see family',
  'to-see-friends-or-partner': 'To see friends or a boyfriend or girlfriend',
  'exploitation-concern': 'Someone may be exploiting them (criminal or sexual exploitation)',
  'drugs-or-alcohol': 'Drugs or alcohol',
  'school-or-bullying': 'School or bullying',
  'mental-health': 'How they were feeling (mental health)',
  'boredom-or-fun': 'Boredom or for fun',
  'would-not-say': 'Did not want to say',
  other: 'Another reason',
}

export const CONTACT_SUPERVISION = ['supervised', 'supported', 'unsupervised', 'indirect'] as const
export type ContactSupervision = (typeof CONTACT_SUPERVISION)[number]
export const CONTACT_SUPERVISION_LABELS: Record<ContactSupervision, string> = {
  supervised: 'Supervised',
  supported: 'Supported',
  unsupervised: 'Unsupervised',
  indirect: 'Indirect (letters, cards, calls or video)',
}

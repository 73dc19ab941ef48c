// Short professional sentences for the free-text fields, built from templates. Invented throughout.

import type { Random } from '../lib/random.ts'
import type { Ctx, Text } from './themes.ts'

export function say(random: Random, texts: readonly Text[], x: Ctx): string {
  return random.pick(texts)(x)
}

export const CONTACT_RATIONALE: Record<string, readonly Text[]> = {
  nfa: [
    () => 'Information shared is a single low-level concern. No further action by children’s social care.',
    (x) =>
      `Concerns have been addressed by the referrer and ${x.c}'s needs are being met. No further action.`,
    () => 'Parent has already taken protective action. Referrer advised to re-refer if concerns continue.',
  ],
  advice: [
    () => 'Advice and information given to the referrer about universal services. No role for social care.',
    (x) => `Signposted ${x.m} to the family information service and the school nurse drop-in.`,
    () => 'Referrer advised to hold a team around the family meeting in school.',
  ],
  'early-help': [
    () => 'Needs are below the threshold for social care; consent given for an early help assessment.',
    (x) => `Family would benefit from targeted support. Passed to Families First with ${x.m}'s consent.`,
    () => 'Early help is the right response; the school will act as lead professional.',
  ],
  referral: [
    (x) => `Threshold met for a child and family assessment: cumulative concerns for ${x.c}.`,
    () => 'Level 4 needs identified. Passed to the assessment team for a single assessment.',
    (x) => `The concerns suggest ${x.c} may be a child in need. Referral accepted for assessment.`,
  ],
  'strategy-discussion': [
    (x) =>
      `Reasonable cause to suspect ${x.c} is suffering, or likely to suffer, significant harm. Strategy discussion today.`,
    () => 'Significant harm concerns: strategy discussion convened with police and health.',
  ],
}

export const CONSENT_NOTES: Record<string, readonly string[]> = {
  given: ['Mother consented by phone.', 'Referrer confirmed parents know about and agree to the contact.'],
  refused: ['Father declined consent; proceeding as the threshold for a referral without consent is met.'],
  'not-sought-safeguarding': ['Consent not sought as it may place the child at increased risk of harm.'],
  'not-needed': ['Information only; consent not needed.'],
}

export const LIVED_EXPERIENCE: readonly Text[] = [
  (x) =>
    `A day in ${x.c}'s life: ${x.he} gets ${x.him}self up and ready, often without breakfast, and worries about ${x.his} mum during the school day.`,
  (x) =>
    `${x.c} spends most evenings in ${x.his} room with a tablet; the household is noisy and unpredictable.`,
  (x) => `${x.c} has a warm relationship with ${x.his} grandmother, who provides stability at weekends.`,
  (x) => `${x.c}'s routines are inconsistent: bedtimes vary and ${x.he} is often late for school.`,
  (x) => `${x.c} is described by teachers as quiet and watchful; ${x.he} is doing well in reading.`,
]

export const IDENTITY: readonly Text[] = [
  (x) =>
    `${x.c} is proud of ${x.his} family's heritage and enjoys celebrating festivals with extended family.`,
  (x) => `${x.c} is bilingual and sometimes interprets for ${x.his} parents, which is not appropriate.`,
  (x) => `${x.c} attends a faith group on weekends, which is important to ${x.him} and ${x.his} family.`,
  (x) => `${x.c} identifies strongly with ${x.his} father's family, although contact is limited.`,
  (x) => `${x.c}'s identity needs are met at home; ${x.he} has a clear sense of who ${x.he} is.`,
]

export const CHILD_VIEWS: readonly Text[] = [
  (x) => `${x.c} said ${x.he} feels safe at home most of the time but gets scared when there is shouting.`,
  (x) => `${x.c} said ${x.he} wants things to go back to how they were and misses ${x.his} dad.`,
  (x) => `${x.c} said school is the best part of ${x.his} day because ${x.his} friends are there.`,
  (x) => `${x.c} said ${x.he} wants ${x.his} mum to be happy and does not want to move house again.`,
  (x) => `${x.c} did not want to talk today but drew a picture of ${x.his} family with everyone smiling.`,
  (x) => `${x.c} told me ${x.he} would like more time with ${x.his} mum on ${x.his} own.`,
]

export const BABY_VIEWS: readonly Text[] = [
  (x) =>
    `${x.c} is too young to share views. Observed to be settled in ${x.his} mother's arms and responsive to her voice.`,
  (x) => `${x.c} is pre-verbal. ${x.he} was alert, babbling and sought comfort from ${x.m} when unsettled.`,
  (x) =>
    `Observed ${x.c} at play: ${x.he} explored the room confidently and returned to ${x.m} for reassurance.`,
]

export const PARENTAL_CAPACITY: readonly Text[] = [
  (x) =>
    `${x.m} can meet ${x.c}'s basic care needs when well, but struggles to prioritise ${x.his} emotional needs.`,
  () => 'Parents love the children but have limited insight into the impact of their own difficulties.',
  (x) => `${x.m} engaged well with the assessment and accepted the concerns; ${x.f} did not take part.`,
  () => 'Parents can provide good basic care; guidance and boundaries are inconsistent.',
]

export const STRENGTHS: readonly Text[] = [
  () => 'Strong support from maternal grandmother, who lives nearby.',
  (x) => `${x.c} attends school regularly and has a good relationship with ${x.his} class teacher.`,
  () => 'Parents are honest with professionals and want support.',
  () => 'The family have a good network of friends through their church.',
  (x) => `${x.m} has made positive changes in the past when given the right support.`,
]

export const ANALYSIS: readonly Text[] = [
  (x) =>
    `Risks to ${x.c} are significant if nothing changes; protective factors are not yet enough on their own.`,
  (x) => `${x.c}'s needs can be met with targeted support; the family are motivated to change.`,
  () => 'Cumulative harm is the main worry: no single incident, but a pattern over time.',
  (x) =>
    `${x.c} is a child in need. Without support ${x.his} health and development are likely to be impaired.`,
]

export const STRATEGY_RATIONALE: readonly Text[] = [
  (x) =>
    `Information shared by all agencies gives reasonable cause to suspect ${x.c} is suffering significant harm.`,
  (x) => `Disclosure by ${x.c} and the injury seen meet the threshold for a section 47 enquiry.`,
  () => 'Police to lead a joint investigation; social care to complete the section 47 enquiry.',
]

export const NO_S47_RATIONALE: readonly Text[] = [
  () =>
    'Information from agencies does not meet the threshold for section 47. Continue the single assessment.',
  () => 'Police to take single-agency action; no section 47 enquiry needed.',
]

export const CONFERENCE_RATIONALE: Record<string, readonly Text[]> = {
  plan: [
    (x) =>
      `${x.c} is likely to suffer significant harm; a child protection plan is needed to keep ${x.him} safe.`,
    () => 'All agencies agreed the threshold is met. Plan made under the category recommended.',
  ],
  'no-plan': [
    (x) => `${x.c}'s needs can be met under a child in need plan; the threshold for a plan is not met.`,
    () => 'Risks reduced since the enquiry began; child in need plan agreed.',
  ],
  'continue-plan': [
    () => 'Some progress, but not yet sustained. The plan continues.',
    (x) => `Risks to ${x.c} remain; parents have not yet completed key actions. Plan continues.`,
  ],
  'end-plan': [
    (x) => `${x.c} is no longer likely to suffer significant harm. Plan ends; step down to child in need.`,
    () => 'Changes have been sustained for over three months. The plan can end.',
  ],
}

export const CORE_GROUP_SUMMARY: readonly Text[] = [
  (x) => `Core group reviewed each action. ${x.m} has attended two sessions of the programme.`,
  () => 'Attendance at school has improved to 93%. Home conditions remain variable.',
  (x) => `Police report no call-outs since the last meeting. ${x.c} said things are calmer.`,
  () => 'Limited progress: father has not engaged with the service. Escalated to the chair.',
  () => 'Actions updated; new action for the health visitor to complete a developmental check.',
]

export const REVIEW_DECISIONS: readonly Text[] = [
  () => 'Plan continues. Actions updated and new dates set.',
  (x) => `Good progress on most outcomes. ${x.c} is safer and settled. Review again in three months.`,
  () => 'Progress is slow. The plan is strengthened; the social worker will visit fortnightly.',
  () => 'Outcomes largely met. Start planning to step down to early help.',
]

export const CONTRIBUTION_NOTES: Record<string, readonly Text[]> = {
  attended: [
    (x) => `${x.c} attended the first part of the meeting with ${x.his} advocate.`,
    (x) => `${x.c} came to the meeting and shared ${x.his} views in ${x.his} own words.`,
  ],
  'views-shared-another-way': [
    (x) => `${x.c}'s views were gathered by the social worker beforehand using the Three Houses.`,
    (x) => `${x.c} wrote a letter for the meeting.`,
    (x) => `${x.c} is too young to share views; the social worker described ${x.his} presentation.`,
  ],
  'not-sought': [() => 'Views were not gathered before the meeting.'],
}

export const WISHES: readonly Text[] = [
  (x) => `${x.c} said ${x.he} is happy that there is no more shouting at home.`,
  (x) => `${x.c} said ${x.he} wants to see ${x.his} dad more often.`,
  (x) => `${x.c} said ${x.he} is worried about ${x.his} mum being sad.`,
  (x) => `${x.c} said ${x.he} likes ${x.his} new bedroom and has been sleeping better.`,
  (x) => `${x.c} said ${x.he} does not like it when there are lots of people at the house.`,
  (x) => `${x.c} said things are “okay” and ${x.he} wanted to go back to ${x.his} game.`,
  (x) => `${x.c} said ${x.he} got a certificate at school this week and was proud.`,
]

export const OBSERVATIONS: readonly Text[] = [
  () => 'Home warm and tidy; food in the fridge and cupboards.',
  () => 'Home cluttered; kitchen dirty. Discussed with mother, who agreed to tidy before the next visit.',
  (x) => `${x.c} was relaxed with ${x.m} and sought her out for comfort.`,
  (x) => `${x.c} appeared tired and had a cold. Clothing appropriate.`,
  () => 'Saw the bedrooms: beds with clean bedding; some toys and books.',
  (x) => `${x.m} appeared low in mood and said she had not slept.`,
]

export const VISIT_ANALYSIS: readonly Text[] = [
  (x) => `Positive visit; progress is being sustained. No new concerns for ${x.c}.`,
  () => 'Some progress, but the home conditions remain a worry. To discuss at the next meeting.',
  (x) => `${x.c} appears safe and well cared for today.`,
  () => 'Concern that parents are telling professionals what they want to hear. Unannounced visit next.',
]

export const DIRECT_WORK_TOOLS = [
  'Three Houses',
  'Wizard and fairy',
  'All about me',
  'Bear cards',
  'Feelings faces',
  'Safety house',
  'Words and pictures',
  'Ecomap',
  'Life story timeline',
  'Scaling questions',
] as const

export interface NoteTemplate {
  type: 'phone-call' | 'meeting' | 'email' | 'letter' | 'management-direction' | 'supervision' | 'other'
  subject: string
  body: Text
}

export const CASE_NOTES: readonly NoteTemplate[] = [
  {
    type: 'phone-call',
    subject: 'Call with school',
    body: (x) => `Spoke to the DSL. ${x.c}'s attendance this week 100%; settled in class.`,
  },
  {
    type: 'phone-call',
    subject: 'Call with mother',
    body: (x) => `${x.m} called to say ${x.c} had been unwell. Agreed to move the visit to Thursday.`,
  },
  {
    type: 'phone-call',
    subject: 'Call with health visitor',
    body: (x) => `Health visitor saw ${x.c} yesterday; weight on track, next check booked.`,
  },
  {
    type: 'phone-call',
    subject: 'Call with police',
    body: () => 'PPU confirmed no further call-outs to the address this month.',
  },
  {
    type: 'email',
    subject: 'Email from school',
    body: (x) => `School report ${x.c} was late three times this week and seemed tired.`,
  },
  {
    type: 'email',
    subject: 'Email to family solicitor',
    body: () => 'Sent copies of the plan and minutes as requested.',
  },
  {
    type: 'meeting',
    subject: 'Team around the family meeting',
    body: () => 'Attended with school and health. Actions agreed and circulated.',
  },
  {
    type: 'meeting',
    subject: 'Professionals meeting',
    body: (x) => `Professionals meeting about ${x.c}: information shared and next steps agreed.`,
  },
  {
    type: 'letter',
    subject: 'Letter to parents',
    body: () => 'Letter sent confirming the date of the next review and the plan.',
  },
  {
    type: 'other',
    subject: 'Records check',
    body: () => 'Checked police and health records for new information. None found.',
  },
  {
    type: 'other',
    subject: 'Direct work session',
    body: (x) => `Direct work with ${x.c} at school using feelings faces. ${x.he} engaged well.`,
  },
  {
    type: 'phone-call',
    subject: 'Call with father',
    body: (x) => `${x.f} did not answer; left a message asking him to call back.`,
  },
]

export const SIGNIFICANT_NOTES: readonly NoteTemplate[] = [
  {
    type: 'phone-call',
    subject: 'Police call-out overnight',
    body: (x) => `Police called to the address overnight after an argument. ${x.c} was present.`,
  },
  {
    type: 'phone-call',
    subject: 'Child missing from home',
    body: (x) => `${x.m} reported ${x.c} missing at 22:00; returned home at 02:00 with police.`,
  },
  {
    type: 'email',
    subject: 'Injury seen at school',
    body: (x) => `School saw a bruise on ${x.c}'s arm; ${x.c} said ${x.he} fell. Discussed with manager.`,
  },
  {
    type: 'phone-call',
    subject: 'Hospital attendance',
    body: (x) => `${x.c} taken to A&E after a fall at home. Discharged the same day.`,
  },
]

export const SUPERVISION: readonly { decision: Text; rationale: Text; challenge: Text | null }[] = [
  {
    decision: () => 'Case to continue under the current plan. Visits fortnightly.',
    rationale: (x) => `Progress is being made and ${x.c} is safe; risks are reducing.`,
    challenge: null,
  },
  {
    decision: () => 'Escalate to the chair: father has not engaged with any action.',
    rationale: () => 'Drift risk: three months without progress on the key outcome.',
    challenge: () => 'What is the contingency if father continues not to engage?',
  },
  {
    decision: (x) => `Complete direct work with ${x.c} before the next review.`,
    rationale: (x) => `${x.c}'s voice is not yet clear in the record.`,
    challenge: (x) => `How do we know what life is like for ${x.c} day to day?`,
  },
  {
    decision: () => 'Update the chronology and the plan following the recent incident.',
    rationale: () => 'Significant event not yet reflected in the plan.',
    challenge: () => 'Is the plan still the right plan?',
  },
  {
    decision: () => 'Consider step-down at the next review if progress is sustained.',
    rationale: () => 'Outcomes largely met; family engaging well.',
    challenge: null,
  },
]

export const OVERSIGHT_ACTIONS: readonly string[] = [
  'Update the chronology',
  'Visit the child alone and record their views',
  'Complete the outstanding direct work',
  'Chase the health assessment',
  'Convene a professionals meeting',
  'Update the plan and share it with the family',
  'Complete the genogram',
]

export const CLOSURE_RATIONALE: Record<string, readonly Text[]> = {
  RC1: [
    (x) => `Adoption order made. ${x.c} is settled with the adopters; the adoption support plan is in place.`,
  ],
  RC3: [() => 'Child arrangements order granted to father; child now lives with him and needs are met.'],
  RC4: [() => 'Special guardianship order granted to maternal grandmother. No further role for social care.'],
  RC5: [
    () => 'Family moved to another authority. Transfer-in conference arranged with the receiving authority.',
  ],
  RC6: [(x) => `${x.c} is now 18. Transferred to adult social care for ongoing support.`],
  RC7: [
    (x) => `Outcomes of the plan achieved and sustained. ${x.c} is no longer a child in need.`,
    () => 'Plan outcomes met; universal services will continue to support the family.',
    (x) => `Risks reduced. ${x.m} is meeting ${x.c}'s needs with the support of the school.`,
  ],
  RC8: [
    (x) => `Assessment found ${x.c}'s needs are being met. No further action.`,
    () => 'Concerns not substantiated by the assessment. Family advised how to seek help.',
  ],
  RC9: [
    () => 'Assessment complete: needs can be met through early help. Stepped down to Families First.',
    () => 'Closed to social care; early help assessment offered and accepted.',
  ],
}

export const EVENT_TEXT: Record<
  'household-change' | 'police' | 'education' | 'health' | 'incident',
  readonly { description: Text; impact: Text }[]
> = {
  'household-change': [
    {
      description: (x) => `${x.m}'s new partner has moved into the family home.`,
      impact: (x) => `Unknown adult living with ${x.c}; checks needed and the plan must be reviewed.`,
    },
    {
      description: () => 'Family moved to a new address within the borough.',
      impact: (x) => `${x.c} has changed bus route; school place kept. Some unsettled behaviour.`,
    },
    {
      description: (x) => `${x.f} has moved out after the parents separated.`,
      impact: (x) => `${x.c} is upset and contact arrangements are not yet agreed.`,
    },
  ],
  police: [
    {
      description: () => 'Police called to the home following a domestic incident.',
      impact: (x) => `${x.c} witnessed the incident and was frightened.`,
    },
    {
      description: (x) => `${x.c} reported missing overnight; found by police the next morning.`,
      impact: (x) => `Risk of exploitation for ${x.c} has increased.`,
    },
  ],
  education: [
    {
      description: (x) => `${x.c} was excluded from school for five days.`,
      impact: (x) => `${x.c} at home unsupervised during the day; learning disrupted.`,
    },
    {
      description: (x) => `${x.c} started at a new school.`,
      impact: (x) => `${x.c} settling in well; new DSL informed of the plan.`,
    },
  ],
  health: [
    {
      description: (x) => `${x.c} admitted to hospital for two nights.`,
      impact: (x) => `${x.c} recovered; discharge plan shared with the family.`,
    },
    {
      description: (x) => `${x.m} admitted to a mental health ward.`,
      impact: (x) => `${x.c} cared for by grandmother; upset by the separation.`,
    },
  ],
  incident: [
    {
      description: (x) => `${x.c} disclosed a new worry to ${x.his} teacher.`,
      impact: (x) => `Strategy discussion considered; ${x.c} reassured and supported in school.`,
    },
  ],
}

export const RISK_TO_STAFF: readonly ((parent: string) => string)[] = [
  (p) => `${p} has been verbally aggressive to professionals. Visit in pairs; do not visit after dark.`,
  (p) =>
    `${p} has threatened a previous social worker. Joint visits only; tell the duty manager before visiting.`,
  (p) => `${p} keeps a large dog that is not always controlled. Ask for it to be secured before entering.`,
]

export const HEALTH_WARNINGS = [
  'Severe nut allergy: carries an adrenaline pen.',
  'Epilepsy: care plan held by school. Seizures usually short.',
  'Type 1 diabetes: needs insulin at set times.',
] as const

export const EARLY_HELP_LEADS: readonly (readonly [string, number])[] = [
  ['School – Designated safeguarding lead', 5],
  ['Health visitor, 0-19 Service', 2],
  ['Family hub worker', 2],
  ['Youth worker, Youth Service', 1],
  ['School nurse', 1],
]

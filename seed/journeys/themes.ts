// What a contact or referral is about. A theme ties together the words a referrer uses, the DfE primary
// need and assessment factors, the category of a child protection plan and what a plan sets out to change,
// so each child's record reads as one story. Every sentence is invented; none describes a real person.

export interface Ctx {
  /** The child's first name. */
  c: string
  /** He / she / they, and the matching forms. */
  he: string
  him: string
  his: string
  age: number
  /** How the child's mother and father are referred to ("Mother", or her first name). */
  m: string
  f: string
}

export type Text = (x: Ctx) => string

export interface ActionTemplate {
  description: Text
  /** 'worker' is the allocated social worker (ownerWorkerId); otherwise a person or agency in words. */
  owner: 'worker' | 'mother' | 'father' | 'parents' | 'school' | 'health' | 'agency' | 'child'
  ownerText?: string
  measure: string
}

export type ThemeId =
  | 'domestic-abuse'
  | 'neglect'
  | 'parental-mental-health'
  | 'parental-substance'
  | 'physical-harm'
  | 'sexual-harm'
  | 'emotional-harm'
  | 'child-mental-health'
  | 'exploitation'
  | 'behaviour'
  | 'disability'
  | 'family-stress'
  | 'pre-birth'

export interface Theme {
  id: ThemeId
  /** About the whole household (all the children in it) or about one child. */
  familyWide: boolean
  minAge: number
  maxAge: number
  needs: readonly (readonly [string, number])[]
  factors: readonly (readonly [string, number])[]
  categories: readonly (readonly [string, number])[]
  /** Multiplies the chance that a contact goes straight to a strategy discussion. */
  severity: number
  /** Preferred referral sources (DfE codes) with weights, mixed with the general mix. */
  sources: readonly (readonly [string, number])[]
  concerns: readonly Text[]
  history: readonly Text[]
  outcomes: readonly Text[]
  actions: readonly ActionTemplate[]
  /** Partner agencies typically around the child for this theme. */
  agencies: readonly ('camhs' | 'police' | 'domestic-abuse-service' | 'substance-misuse' | 'youth-justice')[]
}

export const THEMES: readonly Theme[] = [
  {
    id: 'domestic-abuse',
    familyWide: true,
    minAge: 0,
    maxAge: 17,
    needs: [
      ['N1', 7],
      ['N4', 2],
      ['N5', 2],
    ],
    factors: [
      ['3B', 10],
      ['3A', 3],
      ['3C', 1],
      ['17A', 3],
      ['1B', 2],
      ['4B', 2],
    ],
    categories: [
      ['EMO', 6],
      ['NEG', 3],
      ['PHY', 0.5],
    ],
    severity: 1.3,
    sources: [['6', 8]],
    concerns: [
      (x) =>
        `Police attended the family home after a report of an argument between ${x.m} and her partner. ${x.c} was in the house at the time.`,
      (x) =>
        `Domestic abuse notification: ${x.m} reported being pushed by her partner. The children were upstairs and ${x.c} was heard crying.`,
      (x) =>
        `${x.c} told a member of staff that ${x.his} dad shouts at ${x.his} mum and that ${x.he} hides in ${x.his} room when it happens.`,
      (x) =>
        `Neighbour reports shouting and banging from the flat late at night, several times this month. ${x.c} is often seen outside early in the morning.`,
      (_x) =>
        `Third domestic abuse incident in six months. DASH risk assessment graded high; referral made to MARAC.`,
    ],
    history: [
      (x) =>
        `There have been repeated police call-outs for domestic abuse between ${x.m} and ${x.f}. ${x.m} has ended the relationship before and then resumed it.`,
      () => 'A non-molestation order was in place last year and has now lapsed.',
      () => 'The family has been discussed at MARAC twice.',
    ],
    outcomes: [
      (x) => `${x.c} lives in a home free from domestic abuse and feels safe.`,
      (x) => `${x.m} understands the impact of domestic abuse on ${x.c} and can keep ${x.him} safe.`,
      (x) => `${x.c} has a safe adult to talk to when ${x.he} feels worried.`,
    ],
    actions: [
      {
        description: (x) => `${x.m} to complete the Freedom Programme`,
        owner: 'mother',
        measure: 'Attendance and completion confirmed by the programme facilitator',
      },
      {
        description: () => 'Refer father to a domestic abuse perpetrator programme',
        owner: 'worker',
        measure: 'Referral made and first session attended',
      },
      {
        description: (x) => `Complete direct work with ${x.c} about feeling safe at home`,
        owner: 'worker',
        measure: 'Three sessions completed and shared at core group',
      },
      {
        description: () => 'Independent domestic violence adviser to offer safety planning',
        owner: 'agency',
        ownerText: 'IDVA, Hearthborough Domestic Abuse Service',
        measure: 'Safety plan written and shared with the family',
      },
      {
        description: () => 'Notify social care of any police call-out to the address within one working day',
        owner: 'agency',
        ownerText: 'Police – Public Protection Unit',
        measure: 'Notifications received on time',
      },
    ],
    agencies: ['police', 'domestic-abuse-service'],
  },
  {
    id: 'neglect',
    familyWide: true,
    minAge: 0,
    maxAge: 17,
    needs: [
      ['N1', 9],
      ['N7', 1],
    ],
    factors: [
      ['16A', 10],
      ['4B', 2],
      ['2B', 1],
      ['1B', 1],
      ['20', 1],
    ],
    categories: [['NEG', 1]],
    severity: 0.9,
    sources: [
      ['2A', 5],
      ['3B', 2],
    ],
    concerns: [
      (x) =>
        `${x.c} has come to school hungry and in the same clothes for most of the week. Attendance this term is 78%.`,
      (x) =>
        `Health visitor is worried about ${x.c}'s weight, which has dropped across two centiles. Home conditions were poor with little food in the house.`,
      (x) => `${x.c} has head lice that have not been treated for months and untreated tooth decay.`,
      () =>
        'Home conditions are very poor: dog faeces on the floor, no working cooker, mattresses without bedding.',
      (x) =>
        `${x.c} was found walking to school alone at 7am in the rain without a coat. ${x.he} said no one was up at home.`,
    ],
    history: [
      () => 'Concerns about home conditions and missed health appointments go back several years.',
      (x) => `${x.c} has missed two dental appointments and the 27-month developmental check.`,
      () => 'The family was supported by early help last year; things improved and then slipped back.',
    ],
    outcomes: [
      (x) => `${x.c} is clean, fed and dressed for the weather every day.`,
      (x) => `${x.c} attends school every day and arrives on time.`,
      (x) => `${x.c}'s health needs are met: appointments attended and dental treatment completed.`,
      (x) => `${x.c} lives in a home that is safe, clean and warm.`,
    ],
    actions: [
      {
        description: (x) => `Take ${x.c} to the dentist and attend all follow-up appointments`,
        owner: 'parents',
        measure: 'Dental practice confirms attendance',
      },
      {
        description: () => 'Weekly unannounced home visits to check home conditions',
        owner: 'worker',
        measure: 'Home conditions scored with the Graded Care Profile at each visit',
      },
      {
        description: (x) => `Monitor ${x.c}'s attendance and presentation and share weekly`,
        owner: 'school',
        ownerText: 'School – Designated safeguarding lead',
        measure: 'Weekly attendance figure of 95% or more',
      },
      {
        description: () => 'Complete a Graded Care Profile 2 assessment with the family',
        owner: 'worker',
        measure: 'GCP2 completed and scores shared at review',
      },
      {
        description: () => 'Arrange a deep clean and beds for each child through the family support fund',
        owner: 'worker',
        measure: 'Each child has a bed with clean bedding',
      },
    ],
    agencies: [],
  },
  {
    id: 'parental-mental-health',
    familyWide: true,
    minAge: 0,
    maxAge: 17,
    needs: [
      ['N3', 4],
      ['N1', 4],
      ['N4', 2],
    ],
    factors: [
      ['4B', 12],
      ['16A', 2],
      ['3B', 2],
      ['7A', 1],
    ],
    categories: [
      ['NEG', 5],
      ['EMO', 4],
    ],
    severity: 0.9,
    sources: [
      ['3A', 3],
      ['5A', 2],
      ['3F', 2],
    ],
    concerns: [
      (x) =>
        `${x.m} was admitted to hospital under the Mental Health Act last night. ${x.c} is staying with a neighbour.`,
      (x) =>
        `GP is concerned that ${x.m}'s depression has worsened and she is struggling to get ${x.c} to school.`,
      (x) =>
        `${x.c} has told school that ${x.his} mum stays in bed all day and ${x.he} makes the meals for ${x.his} brothers and sisters.`,
      (x) =>
        `Adult mental health team report ${x.m} has stopped her medication and disclosed thoughts of self-harm.`,
    ],
    history: [
      (x) => `${x.m} has a long history of depression and anxiety and has had two hospital admissions.`,
      () => 'Mental health has been stable for periods when medication and support were in place.',
    ],
    outcomes: [
      (x) => `${x.m}'s mental health is stable and she has the support she needs to care for ${x.c}.`,
      (x) => `${x.c} is not caring for adults in the home and has time to be a child.`,
      (x) => `${x.c} understands ${x.his} mum's illness and knows who to call if worried.`,
    ],
    actions: [
      {
        description: (x) => `${x.m} to attend appointments with the community mental health team`,
        owner: 'mother',
        measure: 'Care coordinator confirms attendance',
      },
      {
        description: (x) => `Refer ${x.c} to the young carers service`,
        owner: 'worker',
        measure: 'Young carers assessment completed',
      },
      {
        description: () => 'Write a crisis and contingency plan with the family and wider family',
        owner: 'worker',
        measure: 'Plan written, signed and held by the family',
      },
      {
        description: () => 'Share any change in presentation with the social worker the same day',
        owner: 'agency',
        ownerText: 'Care coordinator, Community Mental Health Team',
        measure: 'Updates received at each core group or review',
      },
    ],
    agencies: [],
  },
  {
    id: 'parental-substance',
    familyWide: true,
    minAge: 0,
    maxAge: 17,
    needs: [
      ['N1', 7],
      ['N3', 1],
      ['N5', 1],
    ],
    factors: [
      ['2B', 8],
      ['1B', 6],
      ['16A', 3],
      ['2C', 1],
    ],
    categories: [
      ['NEG', 8],
      ['EMO', 1],
    ],
    severity: 1.1,
    sources: [
      ['6', 3],
      ['3E', 1],
      ['1A', 2],
    ],
    concerns: [
      (x) =>
        `${x.m} arrived at school to collect ${x.c} smelling strongly of alcohol and unsteady on her feet.`,
      () => 'Police found drug paraphernalia within reach of the children during a search of the property.',
      (x) => `Grandmother reports ${x.f} is using heroin again and that money for food is going on drugs.`,
      (x) => `${x.m} was found unresponsive after drinking while ${x.c} was in her sole care.`,
    ],
    history: [
      () =>
        'Both parents have a history of substance misuse; father completed a detox programme three years ago.',
      (x) => `${x.m} has engaged with the alcohol service in the past but disengaged after a few weeks.`,
    ],
    outcomes: [
      (x) => `${x.c} is cared for by a sober adult at all times.`,
      (x) => `${x.m} and ${x.f} reduce and then stop their use of substances.`,
      (x) => `${x.c}'s home is free from drugs and drug paraphernalia.`,
    ],
    actions: [
      {
        description: () => 'Engage with the drug and alcohol service and provide regular tests',
        owner: 'parents',
        measure: 'Negative test results shared monthly',
      },
      {
        description: () => 'Agree a safety plan naming a sober adult for the evenings and weekends',
        owner: 'worker',
        measure: 'Plan agreed and checked on unannounced visits',
      },
      {
        description: () => 'Hair strand testing for both parents',
        owner: 'worker',
        measure: 'Results received and discussed at core group',
      },
      {
        description: () => 'Share attendance and test results with the social worker',
        owner: 'agency',
        ownerText: 'Key worker, Hearthborough Drug and Alcohol Service',
        measure: 'Monthly update received',
      },
    ],
    agencies: ['substance-misuse'],
  },
  {
    id: 'physical-harm',
    familyWide: false,
    minAge: 0,
    maxAge: 17,
    needs: [['N1', 1]],
    factors: [
      ['18C', 10],
      ['17A', 2],
      ['3B', 1],
    ],
    categories: [
      ['PHY', 8],
      ['EMO', 1],
      ['MUL', 1],
    ],
    severity: 1.5,
    sources: [
      ['2A', 4],
      ['3E', 3],
      ['6', 2],
    ],
    concerns: [
      (x) => `${x.c} has a bruise on ${x.his} cheek and said ${x.his} dad hit ${x.him} with his hand.`,
      (x) => `${x.c} was brought to A&E with a fractured arm. The explanation given does not fit the injury.`,
      (x) =>
        `Finger-tip bruising seen on ${x.c}'s upper arm by the PE teacher. ${x.c} would not say how it happened.`,
      (x) => `${x.c} disclosed that ${x.his} stepfather hits ${x.him} with a belt when ${x.he} is naughty.`,
    ],
    history: [
      () => 'A previous unexplained bruise was seen by nursery two years ago; no further action was taken.',
      (x) => `${x.f} has a caution for assault from 2019.`,
    ],
    outcomes: [
      (x) => `${x.c} is not physically hurt by the adults who care for ${x.him}.`,
      () => 'Parents use safe and consistent ways of managing behaviour.',
    ],
    actions: [
      {
        description: () => 'Complete a parenting programme focused on positive behaviour management',
        owner: 'parents',
        measure: 'Course completed with the facilitator’s report',
      },
      {
        description: (x) => `Check ${x.c} for marks and talk with ${x.him} each week`,
        owner: 'school',
        ownerText: 'School – Designated safeguarding lead',
        measure: 'Weekly welfare check recorded',
      },
      {
        description: (x) => `Child protection medical for ${x.c} and follow-up with the paediatrician`,
        owner: 'health',
        ownerText: 'Community paediatrician',
        measure: 'Medical report received',
      },
      {
        description: (x) => `Direct work with ${x.c} on keeping safe and trusted adults`,
        owner: 'worker',
        measure: 'Sessions completed and views recorded',
      },
    ],
    agencies: ['police'],
  },
  {
    id: 'sexual-harm',
    familyWide: false,
    minAge: 3,
    maxAge: 17,
    needs: [['N1', 1]],
    factors: [
      ['19C', 6],
      ['19B', 3],
      ['11A', 1],
    ],
    categories: [
      ['SAB', 9],
      ['MUL', 1],
    ],
    severity: 3,
    sources: [
      ['2A', 4],
      ['6', 3],
      ['1A', 1],
    ],
    concerns: [
      (x) =>
        `${x.c} made a disclosure to a teacher about an adult family friend touching ${x.him} inappropriately.`,
      (x) => `Sexualised behaviour by ${x.c} at school that is not typical for ${x.his} age.`,
      (x) => `Police received information that an older male has been sending sexual messages to ${x.c}.`,
    ],
    history: [() => 'No previous concerns of this kind were known to the service.'],
    outcomes: [
      (x) => `${x.c} has no contact with the person alleged to have harmed ${x.him}.`,
      (x) => `${x.c} gets therapeutic help to recover from what happened.`,
    ],
    actions: [
      {
        description: (x) => `Refer ${x.c} to the sexual abuse therapeutic service`,
        owner: 'worker',
        measure: 'Referral accepted and sessions started',
      },
      {
        description: () => 'Agree a written safety plan with no contact with the alleged perpetrator',
        owner: 'parents',
        measure: 'Plan signed and no contact confirmed at each visit',
      },
      {
        description: () => 'Keep the family informed of the police investigation',
        owner: 'agency',
        ownerText: 'Police – Child Abuse Investigation Team',
        measure: 'Update at each core group',
      },
    ],
    agencies: ['police', 'camhs'],
  },
  {
    id: 'emotional-harm',
    familyWide: true,
    minAge: 0,
    maxAge: 17,
    needs: [
      ['N1', 6],
      ['N5', 3],
    ],
    factors: [
      ['17A', 10],
      ['3B', 2],
      ['4B', 2],
    ],
    categories: [['EMO', 1]],
    severity: 0.9,
    sources: [
      ['2A', 4],
      ['1A', 1],
    ],
    concerns: [
      (x) =>
        `${x.c} is very anxious, says ${x.he} is stupid and that ${x.his} mum says nobody likes ${x.him}.`,
      (x) =>
        `Staff overheard ${x.m} shouting and swearing at ${x.c} in the playground and calling ${x.him} names.`,
      (x) => `${x.c} is caught in conflict between ${x.his} parents over contact and has begun to self-harm.`,
    ],
    history: [() => 'Parents separated acrimoniously and there have been repeated private law proceedings.'],
    outcomes: [
      (x) => `${x.c} feels loved, praised and listened to at home.`,
      (x) => `${x.c} is kept out of adult conflict.`,
    ],
    actions: [
      {
        description: () => 'Attend a parenting course on emotional warmth and communication',
        owner: 'parents',
        measure: 'Course attended; change seen by the social worker',
      },
      {
        description: (x) => `Offer ${x.c} weekly sessions with the school mentor`,
        owner: 'school',
        ownerText: 'School – Learning mentor',
        measure: 'Sessions attended and mood scale improving',
      },
      {
        description: () => 'Mediation referral to agree arrangements for the children',
        owner: 'worker',
        measure: 'Referral made and first session arranged',
      },
    ],
    agencies: [],
  },
  {
    id: 'child-mental-health',
    familyWide: false,
    minAge: 9,
    maxAge: 17,
    needs: [
      ['N4', 4],
      ['N1', 2],
      ['N9', 1],
    ],
    factors: [
      ['4A', 10],
      ['15A', 6],
      ['14A', 1],
    ],
    categories: [
      ['EMO', 6],
      ['NEG', 3],
    ],
    severity: 0.6,
    sources: [
      ['2A', 4],
      ['3E', 2],
      ['3C', 1],
    ],
    concerns: [
      (x) => `${x.c} took an overdose of paracetamol and was admitted to the children's ward.`,
      (x) =>
        `${x.c} has cuts on ${x.his} forearms and told the school nurse ${x.he} does not want to be alive.`,
      (x) => `${x.c} has not attended school for six weeks and is not leaving ${x.his} bedroom.`,
    ],
    history: [
      (x) => `${x.c} was seen by CAMHS last year for low mood and was discharged after four sessions.`,
    ],
    outcomes: [
      (x) => `${x.c} gets the right mental health support and feels less low.`,
      (x) => `${x.c} is back in education and spending time with friends.`,
    ],
    actions: [
      {
        description: (x) => `CAMHS to assess ${x.c} and agree a treatment plan`,
        owner: 'health',
        ownerText: 'CAMHS',
        measure: 'Assessment completed and plan shared',
      },
      {
        description: (x) => `Agree a safety plan with ${x.c} and ${x.his} parents`,
        owner: 'worker',
        measure: 'Plan agreed and reviewed every month',
      },
      {
        description: (x) => `Put in place a phased return to school for ${x.c}`,
        owner: 'school',
        ownerText: 'School – Head of year',
        measure: 'Attendance rising each week',
      },
    ],
    agencies: ['camhs'],
  },
  {
    id: 'exploitation',
    familyWide: false,
    minAge: 11,
    maxAge: 17,
    needs: [
      ['N1', 5],
      ['N6', 3],
    ],
    factors: [
      ['24A', 6],
      ['10A', 5],
      ['11A', 4],
      ['13A', 2],
      ['2A', 2],
    ],
    categories: [
      ['NEG', 4],
      ['SAB', 2],
      ['MUL', 1],
      ['PHY', 1],
    ],
    severity: 1.6,
    sources: [['6', 6]],
    concerns: [
      (x) =>
        `${x.c} was reported missing overnight and was found by police in another town with older youths.`,
      (x) => `${x.c} was stopped by police carrying cash and two phones. Concerns about county lines.`,
      (x) => `${x.c} has been seen getting into cars with adult males near the retail park after school.`,
    ],
    history: [
      (x) => `${x.c} has been missing from home four times in the last three months.`,
      (x) => `${x.c} was permanently excluded from secondary school last year.`,
    ],
    outcomes: [
      (x) => `${x.c} is safe from people who want to exploit ${x.him}.`,
      (x) => `${x.c} is in education or training every day.`,
      (x) => `${x.c} is not going missing.`,
    ],
    actions: [
      {
        description: (x) => `Return home interview within 72 hours of each missing episode for ${x.c}`,
        owner: 'agency',
        ownerText: 'Missing and exploitation team',
        measure: 'Interviews completed on time',
      },
      {
        description: (x) => `Refer ${x.c} to the exploitation hub and complete a risk assessment`,
        owner: 'worker',
        measure: 'Risk assessment completed and reviewed at panel',
      },
      {
        description: (x) => `${x.c} to meet the youth worker weekly`,
        owner: 'child',
        measure: 'Sessions attended',
      },
      {
        description: () => 'Disruption activity at the locations identified',
        owner: 'agency',
        ownerText: 'Police – Exploitation team',
        measure: 'Update at each review',
      },
    ],
    agencies: ['police', 'youth-justice'],
  },
  {
    id: 'behaviour',
    familyWide: false,
    minAge: 8,
    maxAge: 17,
    needs: [
      ['N6', 5],
      ['N5', 3],
      ['N4', 2],
    ],
    factors: [
      ['14A', 10],
      ['2A', 2],
      ['1A', 1],
      ['20', 2],
    ],
    categories: [
      ['EMO', 5],
      ['NEG', 5],
    ],
    severity: 0.4,
    sources: [
      ['2A', 4],
      ['5B', 3],
      ['6', 2],
    ],
    concerns: [
      (x) =>
        `${x.c} has been arrested for criminal damage and parents say they cannot manage ${x.his} behaviour.`,
      (x) => `${x.c} has been excluded three times this term for violent outbursts.`,
      (x) => `${x.m} has asked for help because ${x.c} is staying out late and being aggressive at home.`,
    ],
    history: [(x) => `${x.c}'s behaviour has been a concern since primary school.`],
    outcomes: [
      (x) => `${x.c} and ${x.his} parents get on better at home with fewer arguments.`,
      (x) => `${x.c} stays in school and out of trouble with the police.`,
    ],
    actions: [
      {
        description: () => 'Family therapy through the family support service',
        owner: 'agency',
        ownerText: 'Family therapist, Families First',
        measure: 'Six sessions attended',
      },
      {
        description: (x) => `Assessment of ${x.c}'s learning and emotional needs`,
        owner: 'school',
        ownerText: 'School – SENCo',
        measure: 'Assessment completed and support plan in place',
      },
      {
        description: () => 'Agree house rules and a contract with the young person',
        owner: 'parents',
        measure: 'Contract signed and reviewed monthly',
      },
    ],
    agencies: ['youth-justice'],
  },
  {
    id: 'disability',
    familyWide: false,
    minAge: 0,
    maxAge: 17,
    needs: [['N2', 1]],
    factors: [
      ['5A', 6],
      ['6A', 5],
      ['7A', 1],
    ],
    categories: [
      ['NEG', 7],
      ['PHY', 1],
    ],
    severity: 0.2,
    sources: [
      ['3F', 3],
      ['2B', 2],
      ['1A', 3],
    ],
    concerns: [
      (x) =>
        `${x.m} is asking for short breaks; she is exhausted caring for ${x.c}, who does not sleep at night.`,
      (x) =>
        `Paediatrician requests a needs assessment for ${x.c}, who has complex health needs and uses a wheelchair.`,
      (x) => `School reports ${x.c}'s equipment at home is no longer suitable and family are struggling.`,
    ],
    history: [(x) => `${x.c} has a diagnosis and an education, health and care plan.`],
    outcomes: [
      (x) => `${x.c} has regular short breaks and ${x.his} family get rest.`,
      (x) => `${x.c}'s home is adapted to ${x.his} needs.`,
      (x) => `${x.c} takes part in activities with other young people.`,
    ],
    actions: [
      {
        description: () => 'Present the request for overnight short breaks to the resource panel',
        owner: 'worker',
        measure: 'Panel decision received',
      },
      {
        description: () => 'Occupational therapy assessment of the home',
        owner: 'health',
        ownerText: 'Children’s occupational therapy',
        measure: 'Assessment completed and adaptations requested',
      },
      {
        description: () => 'Carer’s assessment for parents',
        owner: 'worker',
        measure: 'Assessment completed',
      },
    ],
    agencies: [],
  },
  {
    id: 'family-stress',
    familyWide: true,
    minAge: 0,
    maxAge: 17,
    needs: [
      ['N4', 4],
      ['N5', 3],
      ['N7', 1],
      ['N8', 1],
      ['N9', 1],
      ['N0', 0.3],
    ],
    factors: [
      ['20', 5],
      ['6B', 2],
      ['5B', 1],
      ['7A', 1],
      ['21', 2],
    ],
    categories: [
      ['NEG', 6],
      ['EMO', 4],
    ],
    severity: 0.2,
    sources: [
      ['4', 3],
      ['1C', 1],
      ['5C', 2],
      ['8', 3],
    ],
    concerns: [
      (x) =>
        `Family facing eviction after rent arrears; ${x.m} says she cannot cope and the children are affected.`,
      () =>
        'Family have arrived from another authority and are in temporary accommodation with no furniture.',
      (x) => `${x.m} has asked for support; ${x.f} has left and she is struggling with money and routines.`,
      () => 'Concerns from the housing officer about overcrowding and the impact on the children.',
    ],
    history: [() => 'The family has moved several times and has had support from housing and early help.'],
    outcomes: [
      () => 'The family live in settled, suitable housing.',
      (x) => `${x.c}'s routines at home are predictable and ${x.he} gets to school on time.`,
    ],
    actions: [
      {
        description: () => 'Support the housing application and attend the housing appointment',
        owner: 'worker',
        measure: 'Housing decision received',
      },
      {
        description: () => 'Referral to the welfare rights service for a benefits check',
        owner: 'worker',
        measure: 'Benefits check completed',
      },
      {
        description: () => 'Keep a daily routine chart for the children',
        owner: 'mother',
        measure: 'Chart reviewed at each visit',
      },
    ],
    agencies: [],
  },
  {
    id: 'pre-birth',
    familyWide: true,
    minAge: -1,
    maxAge: 0,
    needs: [
      ['N1', 8],
      ['N3', 1],
    ],
    factors: [
      ['16A', 4],
      ['2B', 3],
      ['4B', 3],
      ['3B', 3],
      ['5B', 1],
    ],
    categories: [
      ['NEG', 7],
      ['EMO', 2],
      ['PHY', 1],
    ],
    severity: 1.4,
    sources: [
      ['3F', 6],
      ['3D', 2],
    ],
    concerns: [
      (x) =>
        `Midwife referral: ${x.m} is 24 weeks pregnant, has disclosed cannabis use and previous children were removed from her care.`,
      (x) => `Pre-birth referral from the midwife: ${x.m} has a learning disability and no support network.`,
      (x) =>
        `${x.m} is pregnant and the father of the baby has convictions for violence against a previous partner.`,
    ],
    history: [
      (x) =>
        `${x.m}'s older children live with their paternal grandmother under a special guardianship order.`,
    ],
    outcomes: [
      () => 'The baby is born into a safe home with a parent who can meet their needs.',
      (x) => `${x.m} attends all antenatal appointments and prepares for the baby.`,
    ],
    actions: [
      {
        description: (x) => `${x.m} to attend all antenatal appointments`,
        owner: 'mother',
        measure: 'Midwife confirms attendance',
      },
      {
        description: () => 'Complete a pre-birth assessment including a parenting assessment',
        owner: 'worker',
        measure: 'Assessment completed by 32 weeks of pregnancy',
      },
      {
        description: () => 'Agree a discharge plan with the hospital before the birth',
        owner: 'health',
        ownerText: 'Specialist safeguarding midwife',
        measure: 'Discharge planning meeting held',
      },
    ],
    agencies: [],
  },
]

export const THEME_BY_ID: ReadonlyMap<ThemeId, Theme> = new Map(THEMES.map((t) => [t.id, t]))

export function theme(id: ThemeId): Theme {
  return THEME_BY_ID.get(id)!
}

/** The general mix of contact themes, before family history is taken into account. */
export const THEME_WEIGHTS: readonly (readonly [ThemeId, number])[] = [
  ['domestic-abuse', 24],
  ['neglect', 17],
  ['parental-mental-health', 11],
  ['parental-substance', 8],
  ['physical-harm', 7],
  ['sexual-harm', 2.5],
  ['emotional-harm', 7],
  ['child-mental-health', 6],
  ['exploitation', 4],
  ['behaviour', 5],
  ['disability', 5],
  ['family-stress', 8],
]

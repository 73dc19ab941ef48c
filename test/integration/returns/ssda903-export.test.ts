import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, queryRows } from '../../../src/db/client.ts'
import {
  adoptionCase,
  allocation,
  careLeaverContact,
  healthRecord,
  lacReview,
  legalStatus,
  missingEpisode,
  periodOfCare,
  person,
  placement,
  relationship,
} from '../../../src/db/schema/index.ts'
import { produceSsda903 } from '../../../src/returns/ssda903/produce.ts'
import type { Ssda903TableName, Ssda903Year } from '../../../src/returns/ssda903/tables.ts'
import { testDatabase } from '../../support/database.ts'

let database: Database
const ids: Record<'amy' | 'ben' | 'cal' | 'dan' | 'eve', number> = { amy: 0, ben: 0, cal: 0, dan: 0, eve: 0 }
let workers: { id: number; team_id: number }[] = []

beforeAll(async () => {
  database = await testDatabase()
  const db = database.db
  // Two workers in different teams, for a transfer between teams.
  workers = await queryRows<{ id: number; team_id: number }>(
    db,
    sql`select distinct on (team_id) id, team_id from worker where left_on is null order by team_id, id limit 2`,
  )
  const [w1, w2] = workers as [{ id: number; team_id: number }, { id: number; team_id: number }]

  const [amy, ben, cal, dan, eve, baby] = await db
    .insert(person)
    .values([
      // Amy, 13: accommodated under s20, then an interim care order, then a move to a children's home; reviews and
      // a night missing. She has no child of her own.
      {
        givenName: 'Amy',
        familyName: 'Ssda',
        dateOfBirth: '2012-03-10',
        sex: 'F',
        ethnicity: 'WBRI',
        upn: 'A207000016049',
        previousPermanence: 'Z1',
      },
      // Ben, a care leaver: left care at 17 in December 2024, 18 in August 2025, in touch.
      {
        givenName: 'Ben',
        familyName: 'Ssda',
        dateOfBirth: '2007-08-20',
        sex: 'M',
        ethnicity: 'BAFR',
        upn: 'B207000016050',
      },
      // Cal, 4: placed for adoption in January 2025 and adopted in October 2025.
      {
        givenName: 'Cal',
        familyName: 'Ssda',
        dateOfBirth: '2021-02-01',
        sex: 'M',
        ethnicity: 'MWBC',
        upnUnknown: 'UN1',
      },
      // Dan, 16: an unaccompanied asylum-seeking child in foster care since January 2024.
      {
        givenName: 'Dan',
        familyName: 'Ssda',
        dateOfBirth: '2009-01-10',
        sex: 'M',
        ethnicity: 'AOTH',
        upn: 'D207000016051',
        uasc: true,
      },
      // Eve, 17, in care since February 2025, in a mother and baby unit with her daughter, born in December.
      {
        givenName: 'Eve',
        familyName: 'Ssda',
        dateOfBirth: '2008-06-01',
        sex: 'F',
        ethnicity: 'WOTH',
        upn: 'E207000016052',
      },
      { givenName: 'Baby', familyName: 'Ssda', dateOfBirth: '2025-12-01', sex: 'F' },
    ])
    .returning({ id: person.id })
  ids.amy = amy!.id
  ids.ben = ben!.id
  ids.cal = cal!.id
  ids.dan = dan!.id
  ids.eve = eve!.id

  // Amy
  const [pa] = await db
    .insert(periodOfCare)
    .values({ personId: ids.amy, startDate: '2025-05-01', categoryOfNeed: 'N1', homePostcode: 'M1 1AA' })
    .returning({ id: periodOfCare.id })
  await db.insert(legalStatus).values([
    { periodOfCareId: pa!.id, personId: ids.amy, code: 'V2', startDate: '2025-05-01', endDate: '2025-07-15' },
    { periodOfCareId: pa!.id, personId: ids.amy, code: 'C1', startDate: '2025-07-15' },
  ])
  await db.insert(placement).values([
    {
      periodOfCareId: pa!.id,
      personId: ids.amy,
      placementType: 'U6',
      provider: 'PR1',
      urn: 'SC234567',
      postcode: 'M2 2BB',
      insideAuthority: true,
      startDate: '2025-05-01',
      endDate: '2025-10-01',
      reasonForChange: 'CARPL',
    },
    {
      periodOfCareId: pa!.id,
      personId: ids.amy,
      placementType: 'K2',
      provider: 'PR4',
      urn: 'SC123456',
      postcode: 'SK1 3XE',
      insideAuthority: false,
      startDate: '2025-10-01',
    },
  ])
  await db.insert(lacReview).values([
    {
      personId: ids.amy,
      periodOfCareId: pa!.id,
      heldOn: '2025-05-29',
      participation: 'PN1',
      attendees: [],
      decisions: 'x',
    },
    {
      personId: ids.amy,
      periodOfCareId: pa!.id,
      heldOn: '2025-11-20',
      participation: 'PN3',
      attendees: [],
      decisions: 'x',
    },
    // Held after the year: not in this return.
    {
      personId: ids.amy,
      periodOfCareId: pa!.id,
      heldOn: '2026-04-15',
      participation: 'PN1',
      attendees: [],
      decisions: 'x',
    },
  ])
  await db.insert(missingEpisode).values([
    // Missing from 00:30 on 4 August (London time; 23:30 on the 3rd in UTC) to that morning.
    {
      personId: ids.amy,
      kind: 'M',
      startedAt: new Date('2025-08-03T23:30:00Z'),
      endedAt: new Date('2025-08-04T09:00:00Z'),
    },
    // Before she came into care: not a looked-after child's missing episode.
    {
      personId: ids.amy,
      kind: 'M',
      startedAt: new Date('2025-03-01T20:00:00Z'),
      endedAt: new Date('2025-03-02T08:00:00Z'),
    },
  ])
  await db.insert(allocation).values([
    {
      personId: ids.amy,
      teamId: w1.team_id,
      workerId: w1.id,
      kind: 'social-worker',
      startedOn: '2025-04-20',
      endedOn: '2025-06-01',
    },
    {
      personId: ids.amy,
      teamId: w2.team_id,
      workerId: w2.id,
      kind: 'social-worker',
      startedOn: '2025-06-01',
    },
  ])

  // Ben
  const [pb] = await db
    .insert(periodOfCare)
    .values({
      personId: ids.ben,
      startDate: '2021-01-05',
      categoryOfNeed: 'N4',
      homePostcode: 'M4 4DD',
      endDate: '2024-12-01',
      reasonCeased: 'E13',
    })
    .returning({ id: periodOfCare.id })
  await db.insert(legalStatus).values({
    periodOfCareId: pb!.id,
    personId: ids.ben,
    code: 'C2',
    startDate: '2021-01-05',
    endDate: '2024-12-01',
  })
  await db.insert(placement).values({
    periodOfCareId: pb!.id,
    personId: ids.ben,
    placementType: 'U6',
    provider: 'PR1',
    urn: 'SC234567',
    postcode: 'M5 5EE',
    insideAuthority: true,
    startDate: '2021-01-05',
    endDate: '2024-12-01',
  })
  await db.insert(careLeaverContact).values([
    // Too early for the 18th birthday (more than 3 months before it).
    { personId: ids.ben, contactedOn: '2025-03-01', inTouch: 'NO' },
    { personId: ids.ben, contactedOn: '2025-08-15', inTouch: 'YES', activity: 'F2', accommodation: 'D1' },
  ])

  // Cal
  const [pc] = await db
    .insert(periodOfCare)
    .values({
      personId: ids.cal,
      startDate: '2023-06-01',
      categoryOfNeed: 'N1',
      homePostcode: 'M6 6FF',
      endDate: '2025-10-20',
      reasonCeased: 'E11',
    })
    .returning({ id: periodOfCare.id })
  await db.insert(legalStatus).values([
    { periodOfCareId: pc!.id, personId: ids.cal, code: 'C2', startDate: '2023-06-01', endDate: '2024-05-10' },
    { periodOfCareId: pc!.id, personId: ids.cal, code: 'E1', startDate: '2024-05-10', endDate: '2025-10-20' },
  ])
  await db.insert(placement).values([
    {
      periodOfCareId: pc!.id,
      personId: ids.cal,
      placementType: 'U6',
      provider: 'PR1',
      urn: 'SC234567',
      postcode: 'M7 7GG',
      insideAuthority: true,
      startDate: '2023-06-01',
      endDate: '2025-01-15',
      reasonForChange: 'APPRR',
    },
    {
      periodOfCareId: pc!.id,
      personId: ids.cal,
      placementType: 'A6',
      provider: 'PR1',
      urn: 'SC345678',
      postcode: 'LS1 1AB',
      confidential: true,
      insideAuthority: false,
      startDate: '2025-01-15',
      endDate: '2025-10-20',
    },
  ])
  await db.insert(lacReview).values({
    personId: ids.cal,
    periodOfCareId: pc!.id,
    heldOn: '2025-06-10',
    participation: 'PN7',
    attendees: [],
    decisions: 'x',
  })
  await db.insert(adoptionCase).values({
    personId: ids.cal,
    shouldBePlacedOn: '2024-03-01',
    placementOrderOn: '2024-05-10',
    matchedOn: '2024-12-10',
    placedOn: '2025-01-15',
    adoptionOrderOn: '2025-10-20',
    byFosterCarers: false,
    numberOfAdopters: 2,
    sexOfAdopters: 'MF',
    legalStatusOfAdopters: 'L11',
  })
  await db.insert(allocation).values({
    personId: ids.cal,
    teamId: w2.team_id,
    workerId: w2.id,
    kind: 'social-worker',
    startedOn: '2023-06-01',
    endedOn: '2025-10-20',
  })

  // Dan
  const [pd] = await db
    .insert(periodOfCare)
    .values({ personId: ids.dan, startDate: '2024-01-15', categoryOfNeed: 'N7' })
    .returning({ id: periodOfCare.id })
  await db
    .insert(legalStatus)
    .values({ periodOfCareId: pd!.id, personId: ids.dan, code: 'V2', startDate: '2024-01-15' })
  await db.insert(placement).values({
    periodOfCareId: pd!.id,
    personId: ids.dan,
    placementType: 'U6',
    provider: 'PR2',
    urn: 'SC456789',
    postcode: 'BD1 1AA',
    insideAuthority: false,
    startDate: '2024-01-15',
  })
  await db.insert(lacReview).values({
    personId: ids.dan,
    periodOfCareId: pd!.id,
    heldOn: '2025-07-01',
    participation: 'PN1',
    attendees: [],
    decisions: 'x',
  })
  await db.insert(healthRecord).values([
    { personId: ids.dan, kind: 'review-health-assessment', recordedOn: '2025-06-15' },
    { personId: ids.dan, kind: 'immunisations', recordedOn: '2025-06-15', upToDate: true },
    { personId: ids.dan, kind: 'dental-check', recordedOn: '2025-07-01' },
    { personId: ids.dan, kind: 'sdq', recordedOn: '2024-09-01', sdqScore: 20 },
    { personId: ids.dan, kind: 'sdq', recordedOn: '2025-09-01', sdqScore: 14 },
  ])
  await db.insert(allocation).values({
    personId: ids.dan,
    teamId: w2.team_id,
    workerId: w2.id,
    kind: 'social-worker',
    startedOn: '2024-01-15',
  })
  // Eve
  const [pe] = await db
    .insert(periodOfCare)
    .values({ personId: ids.eve, startDate: '2025-02-01', categoryOfNeed: 'N2', homePostcode: 'M8 8HH' })
    .returning({ id: periodOfCare.id })
  await db
    .insert(legalStatus)
    .values({ periodOfCareId: pe!.id, personId: ids.eve, code: 'V2', startDate: '2025-02-01' })
  await db.insert(placement).values({
    periodOfCareId: pe!.id,
    personId: ids.eve,
    placementType: 'R3',
    provider: 'PR5',
    urn: 'SC567890',
    postcode: 'M9 9JJ',
    insideAuthority: true,
    startDate: '2025-02-01',
  })
  await db.insert(healthRecord).values([
    { personId: ids.eve, kind: 'review-health-assessment', recordedOn: '2025-08-20' },
    { personId: ids.eve, kind: 'immunisations', recordedOn: '2024-11-02', upToDate: true },
    { personId: ids.eve, kind: 'dental-check', recordedOn: '2025-05-12' },
    { personId: ids.eve, kind: 'sdq', recordedOn: '2025-10-01', sdqScore: 9 },
  ])
  await db.insert(allocation).values({
    personId: ids.eve,
    teamId: w2.team_id,
    workerId: w2.id,
    kind: 'social-worker',
    startedOn: '2025-02-01',
  })
  await db.insert(relationship).values([
    // Eve's daughter, recorded from the baby's side: Eve is her parent.
    { personId: baby!.id, relatedPersonId: ids.eve, type: 'parent', parentalResponsibility: true },
    // Amy's relationship to a younger child is not motherhood.
    { personId: ids.amy, relatedPersonId: ids.cal, type: 'sibling' },
  ])
})
afterAll(() => database.close())

async function produce(year: Ssda903Year) {
  const files = new Map<Ssda903TableName, string>()
  const progress: { done: number; total: number }[] = []
  const result = await produceSsda903(database.db, {
    year,
    write: (table, chunk) => {
      files.set(table, (files.get(table) ?? '') + chunk)
    },
    onProgress: (done, total) => progress.push({ done, total }),
    batchSize: 2,
  })
  const ours = new Set(Object.values(ids).map(String))
  // Only this test's children: the seeded authority may have looked-after children of its own.
  const lines = (table: Ssda903TableName) => {
    const [head, ...rows] = (files.get(table) ?? '').split('\r\n').filter((l) => l !== '')
    return [head, ...rows.filter((l) => ours.has(l.split(',')[0]!))]
  }
  const issues = result.issues.filter((i) => i.laChildId !== null && ours.has(i.laChildId))
  return { files, lines, result, issues, progress }
}

describe('SSDA903 from the record', () => {
  it('writes each table with the DfE columns, codes and DD/MM/YYYY dates, and the DfE rules find nothing', async () => {
    const { lines, result, issues, files, progress } = await produce('2025-26')
    const { amy, ben, cal, dan, eve } = ids
    const [w1, w2] = workers as [{ id: number; team_id: number }, { id: number; team_id: number }]
    expect([...files.keys()]).toEqual([
      'Header',
      'Episodes',
      'Reviews',
      'UASC',
      'OC2',
      'OC3',
      'AD1',
      'PlacedAdoption',
      'PrevPerm',
      'Missing',
      'SWEpisodes',
    ])
    // Progress counts the children considered (a care leaver not due an OC3 row is considered but not in
    // the Header file): it climbs a batch at a time and ends at its total.
    const last = progress.at(-1)!
    expect(last.done).toBe(last.total)
    expect(last.total).toBeGreaterThanOrEqual(result.children)
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b))
    expect(progress.length).toBeGreaterThan(2)
    expect(lines('Header')).toEqual([
      'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
      `${amy},F,10/03/2012,WBRI,A207000016049,0,`,
      `${ben},M,20/08/2007,BAFR,B207000016050,,`,
      `${cal},M,01/02/2021,MWBC,UN1,,`,
      `${dan},M,10/01/2009,AOTH,D207000016051,,`,
      `${eve},F,01/06/2008,WOTH,E207000016052,1,01/12/2025`,
    ])
    expect(lines('Episodes')).toEqual([
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
      `${amy},01/05/2025,S,V2,N1,U6,PR1,15/07/2025,X1,,M1 1AA,M2 2BB,SC234567`,
      `${amy},15/07/2025,L,C1,N1,U6,PR1,01/10/2025,X1,CARPL,M1 1AA,M2 2BB,SC234567`,
      `${amy},01/10/2025,P,C1,N1,K2,PR4,,,,M1 1AA,SK1 3XE,SC123456`,
      `${cal},15/01/2025,P,E1,N1,A6,PR1,20/10/2025,E11,,M6 6FF,,SC345678`,
      `${dan},15/01/2024,S,V2,N7,U6,PR2,,,,,BD1 1AA,SC456789`,
      `${eve},01/02/2025,S,V2,N2,R3,PR5,,,,M8 8HH,M9 9JJ,SC567890`,
    ])
    expect(lines('Reviews')).toEqual([
      'CHILD,DOB,REVIEW,REVIEW_CODE',
      `${amy},10/03/2012,29/05/2025,PN1`,
      `${amy},10/03/2012,20/11/2025,PN3`,
      `${cal},01/02/2021,10/06/2025,PN7`,
      `${dan},10/01/2009,01/07/2025,PN1`,
    ])
    expect(lines('UASC')).toEqual(['CHILD,SEX,DOB,DUC', `${dan},M,10/01/2009,10/01/2027`])
    expect(lines('OC2')).toEqual([
      'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
      `${dan},10/01/2009,14,,0,,1,1,1,0,,`,
      `${eve},01/06/2008,9,,0,,1,1,1,0,,`,
    ])
    expect(lines('OC3')).toEqual(['CHILD,DOB,IN_TOUCH,ACTIV,ACCOM', `${ben},20/08/2007,YES,F2,D1`])
    expect(lines('AD1')).toEqual([
      'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR',
      `${cal},01/02/2021,01/03/2024,10/12/2024,0,2,MF,L11`,
    ])
    expect(lines('PlacedAdoption')).toEqual([
      'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED',
      `${cal},01/02/2021,01/03/2024,,`,
    ])
    expect(lines('PrevPerm')).toEqual(['CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM', `${amy},10/03/2012,Z1,,`])
    expect(lines('Missing')).toEqual([
      'CHILD,DOB,MISSING,MIS_START,MIS_END',
      `${amy},10/03/2012,M,04/08/2025,04/08/2025`,
    ])
    expect(lines('SWEpisodes')).toEqual([
      'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON',
      `${amy},10/03/2012,XX${w1.id},20/04/2025,01/06/2025,FCONTA`,
      `${amy},10/03/2012,XX${w2.id},01/06/2025,,TSPROC`,
      `${cal},01/02/2021,XX${w2.id},01/06/2023,20/10/2025,FCONTA`,
      `${dan},10/01/2009,XX${w2.id},15/01/2024,,FCONTA`,
      `${eve},01/06/2008,XX${w2.id},01/02/2025,,FCONTA`,
    ])
    expect(issues).toEqual([])
  })

  it('leaves out what is not in the year, and adds the draft DoLo file only for 2026-27', async () => {
    const earlier = await produce('2024-25')
    // Ben left care in December 2024, so he is in 2024-25's episodes; his 17th birthday was in care.
    expect(earlier.lines('OC3')).toEqual(['CHILD,DOB,IN_TOUCH,ACTIV,ACCOM'])
    expect(earlier.lines('Header').map((l) => l!.split(',')[0])).toEqual([
      'CHILD',
      String(ids.ben),
      String(ids.cal),
      String(ids.dan),
      String(ids.eve),
    ])
    expect([...earlier.files.keys()]).not.toContain('DoLo')
    const draft = await produce('2026-27')
    expect(draft.lines('DoLo')).toEqual(['CHILD,DOB,DOLO_START,DOLO_END'])
    // Amy, Dan and Eve are still in care; Cal was adopted; Ben's 19th birthday needs an OC3 row, no contact yet.
    expect(draft.lines('Header').map((l) => l!.split(',')[0])).toEqual([
      'CHILD',
      String(ids.amy),
      String(ids.ben),
      String(ids.dan),
      String(ids.eve),
    ])
    expect(draft.lines('OC3')).toEqual(['CHILD,DOB,IN_TOUCH,ACTIV,ACCOM', `${ids.ben},20/08/2007,,,`])
    expect(draft.issues.filter((i) => i.laChildId === String(ids.ben)).map((i) => i.code)).toEqual([
      '131',
      '132',
      '133',
    ])
  })

  it('points each issue at its row of the file, whichever batch the child was in', async () => {
    await database.db.execute(sql`update person set ethnicity = null where id = ${ids.eve}`)
    try {
      const { files, issues } = await produce('2025-26')
      const header = (files.get('Header') ?? '').split('\r\n')
      const line = header.findIndex((l) => l.startsWith(`${ids.eve},`))
      expect(issues.map((i) => [i.code, i.laChildId, i.table, i.row, i.fields])).toEqual([
        ['103', String(ids.eve), 'Header', line - 1, ['ETHNIC']],
      ])
    } finally {
      await database.db.execute(sql`update person set ethnicity = 'WOTH' where id = ${ids.eve}`)
    }
  })
})

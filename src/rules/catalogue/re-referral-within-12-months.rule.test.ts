import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// "A referral within 12 months of a previous referral" (rolling, referral date to referral date): a query
// for the manager until they record oversight on or after the re-referral.
const RULE = 're-referral-within-12-months'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function referredTwice(previousDate: string) {
  const child = await b.child()
  await b.referral(child, { referralDate: previousDate, closureDate: previousDate })
  const referral = await b.referral(child, { referralDate: '2026-03-02' })
  return { child, referral }
}

describe(RULE, () => {
  it('queries a referral within 12 months of the previous one, for the manager', async () => {
    const { child, referral } = await referredTwice('2025-06-01')
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-01')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toMatchObject([
      {
        severity: 'query',
        startedOn: '2026-03-02',
        subjectType: 'referral',
        subjectId: referral.id,
        what: 'Re-referral: the previous referral was on 1 June 2025. Record management oversight',
        ownerWorkerId: sw.lineManagerWorkerId,
        ownerTeamId: sw.teamId,
      },
    ])
  })

  it('counts exactly 12 months as within, 12 months and a day as not', async () => {
    const within = await referredTwice('2025-03-02')
    expect(await flagsOf(database.db, RULE, within.child.id, '2026-03-02')).toHaveLength(1)
    const beyond = await referredTwice('2025-03-01')
    expect(await flagsOf(database.db, RULE, beyond.child.id, '2026-03-02')).toEqual([])
  })

  it('is answered by management oversight since the re-referral, and shows as at a date before', async () => {
    const { child } = await referredTwice('2025-06-01')
    await b.oversight(child, { recordedOn: '2026-03-05', kind: 'contact-decision' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-06')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-04')).toHaveLength(1)
  })

  it('says nothing about a first referral', async () => {
    const child = await b.child()
    await b.referral(child, { referralDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toEqual([])
  })

  it('falls to the front door team when the child is not allocated', async () => {
    const child = await b.child({ allocatedTo: null })
    await b.referral(child, { referralDate: '2025-06-01', closureDate: '2025-07-01' })
    await b.referral(child, { referralDate: '2026-03-02' })
    const frontDoor = await b.staff('frontdoor')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toMatchObject([
      { ownerWorkerId: null, ownerTeamId: frontDoor.teamId },
    ])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// A closure proposed with no rationale, or one too short to say why, while it awaits sign-off.
const RULE = 'closure-without-rationale'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function proposed(closureRationale: string | null, closureDate: string | null = null) {
  const child = await b.child()
  const sw = await b.staff('socialworker')
  const referral = await b.referral(child, {
    referralDate: '2026-01-05',
    closureProposedOn: '2026-03-10',
    closureProposedBy: sw.userId,
    closureReason: 'RC8',
    closureRationale,
    closureDate,
  })
  return { child, referral, sw }
}

describe(RULE, () => {
  it('queries a closure proposed without a rationale, for the worker who proposed it', async () => {
    const { child, referral, sw } = await proposed(null)
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-09')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toMatchObject([
      {
        severity: 'query',
        dueOn: '2026-03-10',
        subjectType: 'referral',
        subjectId: referral.id,
        href: `/children/${child.id}/closure`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
  })

  it('queries a rationale too short to explain the closure, however it is padded', async () => {
    const { child } = await proposed('  Done.\n\n  ')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toHaveLength(1)
  })

  it('uses the same measure as the closure form: fewer than eight words does not explain a closure', async () => {
    const { child } = await proposed('Family doing well now, so we close.')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toHaveLength(1)
  })

  it('accepts a rationale that says why', async () => {
    const { child } = await proposed(
      'Mum has engaged with the parenting programme and school report good attendance since January.',
    )
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toEqual([])
  })

  it('stops once the case is closed, but shows as at a date while the proposal waited', async () => {
    const { child } = await proposed('', '2026-03-12')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toHaveLength(1)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Adoption scorecard A2: court authority to place → match decision, threshold 121 days. A placement order
// on Monday 2 March 2026 → matched by Wednesday 1 July.
const RULE = 'placement-order-no-match'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function placementOrder() {
  const child = await b.child({ dateOfBirth: '2024-02-10' })
  await b.periodOfCare(child, { startDate: '2025-06-02' })
  const adoption = await b.adoptionCase(child, {
    shouldBePlacedOn: '2026-01-20',
    placementOrderOn: '2026-03-02',
  })
  return { child, adoption }
}

describe(RULE, () => {
  it('wants a match within 121 days of the placement order', async () => {
    const { child, adoption } = await placementOrder()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-30')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-07-01',
        subjectType: 'adoption-case',
        subjectId: adoption.id,
        what: 'Match the child with adopters (121 days from the placement order)',
        href: `/children/${child.id}/adoption`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-02')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('gives it to the family finder when one is allocated', async () => {
    const { child } = await placementOrder()
    await b.allocate(child, 'teammanager', '2026-03-02', 'family-finder')
    const finder = await b.staff('teammanager')
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-02')).toMatchObject([
      { ownerWorkerId: finder.workerId, ownerTeamId: finder.teamId },
    ])
  })

  it('is satisfied by a match in time, and shows a late one as overdue as at a date before it', async () => {
    const { child, adoption } = await placementOrder()
    await b.match(adoption, '2026-06-20')
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-02')).toEqual([])
    const late = await placementOrder()
    await b.match(late.adoption, '2026-07-10')
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-13')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-02')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('needs a placement order, and stops when the plan for adoption ends', async () => {
    const child = await b.child()
    await b.adoptionCase(child, { shouldBePlacedOn: '2026-01-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-01')).toEqual([])
    const ceased = await b.child()
    await b.adoptionCase(ceased, {
      shouldBePlacedOn: '2026-01-20',
      placementOrderOn: '2026-03-02',
      decisionCeasedOn: '2026-06-15',
      decisionCeasedReason: 'RD1',
    })
    expect(await flagsOf(database.db, RULE, ceased.id, '2026-07-02')).toEqual([])
  })
})

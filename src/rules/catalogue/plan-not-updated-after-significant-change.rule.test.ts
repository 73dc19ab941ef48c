import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, noon, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// A household change, an incident, a placement move or a new household member after the plan was last
// saved, with no version saved since: a query from the day of the change.
const RULE = 'plan-not-updated-after-significant-change'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function onPlan() {
  const child = await b.child()
  const plan = await b.plan(child, { startDate: '2026-03-02' })
  return { child, plan }
}

describe(RULE, () => {
  it('queries a plan not updated after a significant event', async () => {
    const { child, plan } = await onPlan()
    await b.significantEvent(child, { occurredOn: '2026-03-10', category: 'household-change' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-09')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toMatchObject([
      {
        severity: 'query',
        startedOn: '2026-03-10',
        dueOn: '2026-03-10',
        subjectType: 'plan',
        subjectId: plan.id,
        href: `/children/${child.id}/plans/${plan.id}`,
        what: 'Update the plan: a significant change on 10 March 2026, plan last updated 2 March 2026',
      },
    ])
  })

  it('is answered by a new version of the plan, but shows as at a date before it', async () => {
    const { child, plan } = await onPlan()
    await b.significantEvent(child, { occurredOn: '2026-03-10', category: 'incident' })
    await b.planVersion(plan, '2026-03-12')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toHaveLength(1)
  })

  it('counts household changes, incidents and placements, not other events or same-day ones', async () => {
    const { child } = await onPlan()
    await b.significantEvent(child, { occurredOn: '2026-03-10', category: 'health' })
    await b.significantEvent(child, { occurredOn: '2026-03-02', category: 'incident' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
    await b.significantEvent(child, { occurredOn: '2026-03-11', category: 'placement' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([{ dueOn: '2026-03-11' }])
  })

  it('only knows of an event once it is recorded', async () => {
    const { child } = await onPlan()
    await b.significantEvent(child, { occurredOn: '2026-03-10', recordedAt: noon('2026-03-20') })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-15')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([{ dueOn: '2026-03-10' }])
  })

  it('queries someone new living in the household, whichever way the relationship is stored', async () => {
    const one = await onPlan()
    await b.relationship(one.child, { startedOn: '2026-03-10' })
    expect(await flagsOf(database.db, RULE, one.child.id, '2026-03-12')).toMatchObject([
      { dueOn: '2026-03-10' },
    ])
    const two = await onPlan()
    await b.relationship(two.child, { startedOn: '2026-03-11', type: 'partner', inverse: true })
    expect(await flagsOf(database.db, RULE, two.child.id, '2026-03-12')).toMatchObject([
      { dueOn: '2026-03-11' },
    ])
    const three = await onPlan()
    await b.relationship(three.child, { startedOn: '2026-03-10', sameHousehold: false })
    expect(await flagsOf(database.db, RULE, three.child.id, '2026-03-12')).toEqual([])
  })

  it('ignores plans that have ended', async () => {
    const { child, plan } = await onPlan()
    await b.significantEvent(child, { occurredOn: '2026-03-10' })
    await b.endPlan(plan, '2026-03-09')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-12')).toEqual([])
  })
})

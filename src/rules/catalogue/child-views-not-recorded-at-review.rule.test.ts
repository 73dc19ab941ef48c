import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// At the child's latest review or conference on the open case, their views were not sought or not recorded.
const RULE = 'child-views-not-recorded-at-review'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function onPlan(dateOfBirth = '2016-06-15') {
  const child = await b.child({ dateOfBirth })
  const referral = await b.referral(child, { referralDate: '2026-01-05' })
  const plan = await b.plan(child, { referralId: referral.id, startDate: '2026-02-02' })
  return { child, referral, plan }
}

describe(RULE, () => {
  it('queries a review at which the child’s views were not sought', async () => {
    const { child, plan } = await onPlan()
    const review = await b.planReview(plan, { heldOn: '2026-03-10', childContribution: 'not-sought' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-09')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toMatchObject([
      {
        severity: 'query',
        dueOn: '2026-03-10',
        subjectType: 'plan-review',
        subjectId: review.id,
        href: `/children/${child.id}/plans/${plan.id}`,
        what: 'Seek the child’s views: not sought at the review on 10 March 2026',
      },
    ])
  })

  it('queries a review or conference with no views recorded', async () => {
    const { child, plan } = await onPlan()
    await b.planReview(plan, { heldOn: '2026-03-10', childContribution: 'attended', childsViews: '  ' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toMatchObject([
      { what: 'Record the child’s views: none recorded at the review on 10 March 2026' },
    ])
    const other = await onPlan()
    const conference = await b.conference(other.referral, { heldOn: '2026-03-10', childsViews: null })
    expect(await flagsOf(database.db, RULE, other.child.id, '2026-03-10')).toMatchObject([
      {
        subjectType: 'cp-conference',
        subjectId: conference.id,
        href: `/children/${other.child.id}/child-protection`,
      },
    ])
  })

  it('judges by the latest review only, so shows an earlier one as it stood', async () => {
    const { child, referral, plan } = await onPlan()
    await b.planReview(plan, { heldOn: '2026-03-10', childContribution: 'not-sought' })
    await b.conference(referral, { heldOn: '2026-04-10' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-11')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toHaveLength(1)
  })

  it('says nothing when the views were heard', async () => {
    const { child, plan } = await onPlan()
    await b.planReview(plan, { heldOn: '2026-03-10' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toEqual([])
  })

  it('leaves out a conference before the child was born, and closed cases', async () => {
    const unborn = await onPlan('2026-05-01')
    await b.conference(unborn.referral, {
      heldOn: '2026-03-10',
      childContribution: 'not-sought',
      childsViews: null,
    })
    expect(await flagsOf(database.db, RULE, unborn.child.id, '2026-05-10')).toEqual([])
    const closed = await onPlan()
    await b.planReview(closed.plan, { heldOn: '2026-03-10', childContribution: 'not-sought' })
    await b.close(closed.referral, '2026-03-20')
    expect(await flagsOf(database.db, RULE, closed.child.id, '2026-03-21')).toEqual([])
  })
})

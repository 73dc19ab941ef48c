import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// An action in a current plan still open after its due date: a query from the day after it was due.
const RULE = 'plan-actions-overdue'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

describe(RULE, () => {
  it('queries an open action the day after its date, for the allocated worker to chase', async () => {
    const child = await b.child()
    const plan = await b.plan(child, {
      startDate: '2026-03-02',
      actions: [{ dueDate: '2026-03-10', description: 'Register with the GP', ownerDescription: 'Mother' }],
    })
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toMatchObject([
      {
        severity: 'query',
        dueOn: '2026-03-10',
        subjectType: 'plan-action',
        subjectId: plan.actions[0]!.id,
        what: 'Plan action past its date (Mother): Register with the GP',
        href: `/children/${child.id}/plans/${plan.id}`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
  })

  it('raises one query per plan, counting its late actions', async () => {
    const child = await b.child()
    const plan = await b.plan(child, {
      startDate: '2026-03-02',
      actions: [{ dueDate: '2026-03-12' }, { dueDate: '2026-03-10' }, { dueDate: '2026-04-30' }],
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([
      {
        dueOn: '2026-03-10',
        subjectId: plan.actions[1]!.id,
        what: '2 plan actions past their date, the first due 10 March 2026',
      },
    ])
  })

  it('gives a named worker’s action to that worker', async () => {
    const child = await b.child()
    const manager = await b.staff('teammanager')
    await b.plan(child, {
      startDate: '2026-03-02',
      actions: [{ dueDate: '2026-03-10', ownerWorkerId: manager.workerId, ownerDescription: 'Team manager' }],
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toMatchObject([
      { ownerWorkerId: manager.workerId, ownerTeamId: manager.teamId },
    ])
  })

  it('leaves actions done in time, and shows one done late as it stood before', async () => {
    const child = await b.child()
    await b.plan(child, {
      startDate: '2026-03-02',
      actions: [
        { dueDate: '2026-03-10', status: 'done', completedOn: '2026-03-09' },
        { dueDate: '2026-03-10', status: 'done', completedOn: '2026-03-15' },
        { dueDate: '2026-03-10', status: 'carried-over' },
      ],
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-16')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-12')).toHaveLength(1)
  })

  it('ignores actions of a plan that has ended', async () => {
    const child = await b.child()
    const plan = await b.plan(child, { startDate: '2026-03-02', actions: [{ dueDate: '2026-03-10' }] })
    await b.endPlan(plan, '2026-03-11')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
  })
})

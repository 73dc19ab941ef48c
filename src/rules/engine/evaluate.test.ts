import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database, Db } from '../../db/client.ts'
import { RULES } from '../catalogue/index.ts'
import { evaluateRules } from './evaluate.ts'

let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

/** An ICPC due 23 March 2026 (strategy discussion 2 March) that has not been held. */
async function icpcNotHeld() {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-03-02' })
  const discussion = await b.strategyDiscussion(referral, { heldOn: '2026-03-02' })
  const s47 = await b.section47(referral, {
    strategyDiscussionId: discussion.id,
    outcome: 'icpc',
    outcomeDate: '2026-03-13',
  })
  return { child, referral, s47 }
}

describe('evaluateRules', () => {
  // First: the test authority without its children (the seed may add demo journeys; this copy is ours).
  it('finds nothing in an authority with no children, on any date', async () => {
    await database.db.execute(sql`truncate person cascade`)
    for (const asAt of ['2013-04-15', '2020-02-29', '2026-03-02', '2035-12-31'])
      expect(await evaluateRules(database.db, { asAt })).toEqual([])
  })

  it('shows the record as it stood on a past date', async () => {
    const child = await b.child()
    const referral = await b.referral(child, { referralDate: '2026-01-05' })
    // Due 9 March (45 working days); authorised late on 1 April.
    await b.assessment(referral, { completedOn: '2026-03-30', authorisedOn: '2026-04-01' })
    await b.oversight(child, { recordedOn: '2026-01-06' })
    await b.visit(child, { visitedOn: '2026-01-12' })
    const then = await evaluateRules(database.db, { asAt: '2026-03-20', personIds: [child.id] })
    expect(then).toMatchObject([
      { ruleId: 'assessment-45-working-days', severity: 'overdue', dueOn: '2026-03-09', daysOverdue: 9 },
    ])
    expect(await evaluateRules(database.db, { asAt: '2026-04-02', personIds: [child.id] })).toEqual([])
  })

  it('shows a recorded reason for exceeding a timescale instead of dropping the flag', async () => {
    const { child, s47 } = await icpcNotHeld()
    const manager = await b.staff('teammanager')
    await b.recordedReason(child, {
      ruleId: 'icpc-15-working-days',
      subjectType: 'section47',
      subjectId: s47.id,
      reason: 'Conference moved a week so that the father, in hospital, can take part.',
      agreedBy: manager.userId,
      agreedOn: '2026-03-20',
      recordedOn: '2026-03-20',
    })
    const [flag] = await flagsOf(database.db, 'icpc-15-working-days', child.id, '2026-03-25')
    expect(flag).toMatchObject({
      severity: 'overdue',
      recordedReason: {
        reason: 'Conference moved a week so that the father, in hospital, can take part.',
        agreedOn: '2026-03-20',
        agreedBy: expect.any(String),
      },
    })
    // As at a date before the reason was recorded, the flag stood without it.
    const before = await evaluateRules(database.db, {
      asAt: '2026-03-19',
      ruleIds: ['icpc-15-working-days'],
      personIds: [child.id],
    })
    expect(before).toMatchObject([{ severity: 'due-soon', recordedReason: null }])
  })

  it('matches a recorded reason by rule and subject only', async () => {
    const { child, s47 } = await icpcNotHeld()
    await b.recordedReason(child, {
      ruleId: 'first-core-group-10-working-days',
      subjectType: 'section47',
      subjectId: s47.id,
      reason: 'Recorded against another rule.',
      recordedOn: '2026-03-20',
    })
    await b.recordedReason(child, {
      ruleId: 'icpc-15-working-days',
      subjectType: 'section47',
      subjectId: s47.id + 1000,
      reason: 'Recorded against another enquiry.',
      recordedOn: '2026-03-20',
    })
    expect(await flagsOf(database.db, 'icpc-15-working-days', child.id, '2026-03-25')).toMatchObject([
      { severity: 'overdue', recordedReason: null },
    ])
  })

  it('takes the latest reason recorded for a subject', async () => {
    const { child, s47 } = await icpcNotHeld()
    for (const [reason, recordedOn] of [
      ['Later reason.', '2026-03-24'],
      ['Earlier reason.', '2026-03-20'],
    ] as const)
      await b.recordedReason(child, {
        ruleId: 'icpc-15-working-days',
        subjectType: 'section47',
        subjectId: s47.id,
        reason,
        recordedOn,
      })
    expect(await flagsOf(database.db, 'icpc-15-working-days', child.id, '2026-03-25')).toMatchObject([
      { recordedReason: { reason: 'Later reason.' } },
    ])
  })

  it('puts the most overdue first and limits to the children asked for', async () => {
    const a = await icpcNotHeld()
    const c = await icpcNotHeld()
    await b.conference(c.referral, { heldOn: '2026-03-31', section47Id: c.s47.id })
    const flags = await evaluateRules(database.db, {
      asAt: '2026-04-15',
      personIds: [a.child.id, c.child.id],
      ruleIds: ['icpc-15-working-days', 'first-core-group-10-working-days'],
    })
    expect(flags.map((f) => [f.personId, f.ruleId])).toEqual([
      [a.child.id, 'icpc-15-working-days'],
      [c.child.id, 'first-core-group-10-working-days'],
    ])
    expect(flags[0]!.daysOverdue).toBeGreaterThan(flags[1]!.daysOverdue)
    expect(await evaluateRules(database.db, { asAt: '2026-04-15', personIds: [] })).toEqual([])
  })

  it('asks the database once per rule however many children there are', async () => {
    const count = async () => {
      let executes = 0
      const counting = new Proxy(database.db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver)
          if (property !== 'execute' || typeof value !== 'function') return value
          return (...args: unknown[]) => {
            executes++
            return value.apply(target, args)
          }
        },
      }) as Db
      await evaluateRules(counting, { asAt: '2026-04-15' })
      return executes
    }
    const before = await count()
    for (let i = 0; i < 5; i++) await icpcNotHeld()
    expect(await count()).toBe(before)
    expect(before).toBe(RULES.length)
  })
})

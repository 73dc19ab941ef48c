import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referral } from '../../../src/db/schema/index.ts'
import {
  decidedWithinOneWorkingDay,
  decisionDueOn,
  isReReferral,
  londonInstant,
  referralsOf,
  waitingTime,
} from '../../../src/services/front-door.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { addPerson } from './helpers.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('re-referral within 12 months', () => {
  it('counts a referral within 365 days of an earlier one, referral date to referral date', () => {
    // 2024 is a leap year: 10 January 2024 + 365 days is 9 January 2025.
    expect(isReReferral('2025-01-09', ['2024-01-10'])).toBe(true)
    expect(isReReferral('2025-01-10', ['2024-01-10'])).toBe(false)
    expect(isReReferral('2024-01-10', [])).toBe(false)
    expect(isReReferral('2024-01-10', ['2024-01-10'])).toBe(true)
    // A later referral does not make an earlier one a re-referral.
    expect(isReReferral('2024-01-10', ['2024-06-01'])).toBe(false)
  })

  it('computes the flag when read, true and false either side of the edge, on the page and the API', async () => {
    const db = t.database.db
    const within = await addPerson(t)
    const beyond = await addPerson(t)
    await db.insert(referral).values([
      {
        personId: within,
        referralDate: '2024-01-10',
        source: '2A',
        primaryNeed: 'N4',
        closureDate: '2024-03-01',
      },
      { personId: within, referralDate: '2025-01-09', source: '6', primaryNeed: 'N1' },
      {
        personId: beyond,
        referralDate: '2024-01-10',
        source: '2A',
        primaryNeed: 'N4',
        closureDate: '2024-03-01',
      },
      { personId: beyond, referralDate: '2025-01-10', source: '6', primaryNeed: 'N1' },
    ])
    const a = await referralsOf(db, within)
    expect(a.map((r) => [r.referralDate, r.reReferral, r.open])).toEqual([
      ['2025-01-09', true, true],
      ['2024-01-10', false, false],
    ])
    const b = await referralsOf(db, beyond)
    expect(b.map((r) => [r.referralDate, r.reReferral])).toEqual([
      ['2025-01-10', false],
      ['2024-01-10', false],
    ])
    // Another child's referral never counts.
    const other = await addPerson(t)
    await db
      .insert(referral)
      .values({ personId: other, referralDate: '2025-01-08', source: '6', primaryNeed: 'N1' })
    expect((await referralsOf(db, other))[0]!.reReferral).toBe(false)

    const fd = await t.signedIn('frontdoor')
    const api = await fd.api('GET', `/api/v1/children/${within}/referrals`)
    expect(api.statusCode).toBe(200)
    expect(api.json().map((r: { reReferral: boolean }) => r.reReferral)).toEqual([true, false])
    const page = await fd.get(`/children/${within}/contacts`)
    expect(page.body.match(/Re-referral within 12 months/g)).toHaveLength(1)
    const beyondPage = await fd.get(`/children/${beyond}/contacts`)
    expect(beyondPage.body).not.toContain('Re-referral within 12 months')
  })
})

describe('one working day', () => {
  it('reads UK wall-clock times in both GMT and BST', () => {
    expect(londonInstant('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T10:00:00.000Z')
    expect(londonInstant('2026-07-01', '10:00').toISOString()).toBe('2026-07-01T09:00:00.000Z')
    expect(londonInstant('2026-03-29', '00:30').toISOString()).toBe('2026-03-29T00:30:00.000Z')
    expect(londonInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T02:00:00.000Z')
  })

  it('is due by the end of the next working day, across weekends and bank holidays', () => {
    // Monday 16 November 2026 → Tuesday.
    expect(decisionDueOn(londonInstant('2026-11-16', '10:00'))).toBe('2026-11-17')
    // Friday → Monday; Saturday → Monday.
    expect(decisionDueOn(londonInstant('2026-11-20', '16:00'))).toBe('2026-11-23')
    expect(decisionDueOn(londonInstant('2026-11-21', '16:00'))).toBe('2026-11-23')
    // Christmas Eve 2026 (Thursday) → Christmas Day and Boxing Day substitute (Monday 28th) are holidays.
    expect(decisionDueOn(londonInstant('2026-12-24', '11:00'))).toBe('2026-12-29')
    expect(
      decidedWithinOneWorkingDay(londonInstant('2026-12-24', '11:00'), londonInstant('2026-12-29', '17:00')),
    ).toBe(true)
    expect(
      decidedWithinOneWorkingDay(londonInstant('2026-12-24', '11:00'), londonInstant('2026-12-30', '09:00')),
    ).toBe(false)
    // Outside the bank-holiday calendar the answer is unknown rather than wrong.
    expect(decisionDueOn(londonInstant('1985-05-01', '10:00'))).toBeNull()
  })

  it('shows the wait in working hours on the first day, then working days, and marks overdue', () => {
    const monday = londonInstant('2026-11-16', '10:00')
    expect(waitingTime(monday, londonInstant('2026-11-16', '13:30'))).toMatchObject({
      workingDays: 0,
      hours: 3,
      text: '3 working hours',
      overdue: false,
    })
    expect(waitingTime(monday, londonInstant('2026-11-17', '09:00'))).toMatchObject({
      workingDays: 1,
      text: '1 working day',
      dueToday: true,
      overdue: false,
    })
    expect(waitingTime(monday, londonInstant('2026-11-18', '09:00'))).toMatchObject({
      workingDays: 2,
      text: '2 working days',
      overdue: true,
    })
    // Friday 16:00 to Saturday: only Friday's eight hours are working time.
    expect(
      waitingTime(londonInstant('2026-11-20', '16:00'), londonInstant('2026-11-21', '12:00')),
    ).toMatchObject({ workingDays: 0, hours: 8, overdue: false })
    // Received on a Saturday, the clock has not started by Sunday.
    expect(
      waitingTime(londonInstant('2026-11-21', '16:00'), londonInstant('2026-11-22', '12:00')),
    ).toMatchObject({ workingDays: 0, text: 'Not yet a working day', overdue: false })
  })
})

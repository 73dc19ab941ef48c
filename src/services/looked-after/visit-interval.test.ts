import { describe, expect, it } from 'vitest'
import { nextStatutoryVisit, statutoryVisitInterval } from './visit-interval.ts'

const foster = { placementType: 'U6', startDate: '2025-03-03', longTerm: false }
const longTerm = { placementType: 'U4', startDate: '2025-03-03', longTerm: true }
const careOrder = { code: 'C2', startDate: '2025-01-10' }

describe('statutoryVisitInterval (CPPCR 2010 reg 28)', () => {
  it('standard: within a week, then 6-weekly; 3-monthly after a year only in a long-term placement', () => {
    const early = statutoryVisitInterval(longTerm, careOrder, { on: '2025-06-01' })
    expect(early).toMatchObject({
      regulation: '28(2)',
      firstVisitBy: '2025-03-10',
      interval: { days: 42 },
      intervalText: '6 weeks',
    })
    expect(statutoryVisitInterval(longTerm, careOrder, { on: '2026-03-02' }).interval).toEqual({ days: 42 })
    expect(statutoryVisitInterval(longTerm, careOrder, { on: '2026-03-03' })).toMatchObject({
      interval: { months: 3 },
      intervalText: '3 months',
    })
    expect(statutoryVisitInterval(foster, careOrder, { on: '2027-01-01' }).interval).toEqual({ days: 42 })
  })

  it('placed with parents before assessment: weekly until the first review, then 6-weekly', () => {
    const home = { placementType: 'P1', startDate: '2025-03-03', longTerm: false }
    const e1 = { code: 'E1', startDate: '2025-01-10' }
    expect(statutoryVisitInterval(home, e1, { on: '2025-03-20' })).toMatchObject({
      regulation: '28(3)',
      interval: { days: 7 },
      intervalText: '1 week',
    })
    expect(
      statutoryVisitInterval(home, e1, { on: '2025-04-20', firstReviewOn: '2025-03-28' }).interval,
    ).toEqual({ days: 42 })
  })

  it('interim care order at home, or a connected person with temporary approval: weekly, then 4-weekly', () => {
    const home = { placementType: 'P1', startDate: '2025-03-03', longTerm: false }
    const ico = { code: 'C1', startDate: '2025-03-03' }
    expect(statutoryVisitInterval(home, ico, { on: '2025-03-10' })).toMatchObject({
      regulation: '28(4)',
      interval: { days: 7 },
    })
    expect(
      statutoryVisitInterval(home, ico, { on: '2025-05-01', firstReviewOn: '2025-03-31' }).intervalText,
    ).toBe('4 weeks')
    const kinship = { placementType: 'U3', startDate: '2025-03-03', longTerm: false }
    const reg24 = statutoryVisitInterval(
      kinship,
      { code: 'V2', startDate: '2025-03-03' },
      {
        on: '2025-03-10',
        temporaryApproval: true,
      },
    )
    expect(reg24).toMatchObject({ regulation: '28(4)', interval: { days: 7 } })
    expect(reg24.description).toContain('regulation 24')
    // A review not yet held on the day asked about does not count.
    expect(
      statutoryVisitInterval(
        kinship,
        { code: 'V2', startDate: '2025-03-03' },
        {
          on: '2025-03-10',
          temporaryApproval: true,
          firstReviewOn: '2025-03-28',
        },
      ).interval,
    ).toEqual({ days: 7 })
  })

  it('care order made while living at home: within a week of the order, then 6-weekly', () => {
    const home = { placementType: 'P1', startDate: '2025-03-03', longTerm: false }
    const order = { code: 'C2', startDate: '2025-05-20' }
    expect(statutoryVisitInterval(home, order, { on: '2025-05-21' })).toMatchObject({
      regulation: '28(5)',
      clockStart: '2025-05-20',
      firstVisitBy: '2025-05-27',
      interval: { days: 42 },
    })
  })
})

describe('nextStatutoryVisit', () => {
  it('is due within a week of the placement until the first visit', () => {
    expect(nextStatutoryVisit(foster, careOrder, ['2025-02-01'], { on: '2025-03-05' })).toEqual({
      due: '2025-03-10',
      basis: 'First visit within 1 week of the placement',
      overdue: false,
    })
    expect(nextStatutoryVisit(foster, careOrder, [], { on: '2025-03-11' }).overdue).toBe(true)
  })

  it('is due the interval after the last visit, using the rule in force on that visit', () => {
    expect(nextStatutoryVisit(foster, careOrder, ['2025-03-07', '2025-04-01'], { on: '2025-04-02' })).toEqual(
      {
        due: '2025-05-13',
        basis: '6 weeks after the last visit',
        overdue: false,
      },
    )
    const later = nextStatutoryVisit(longTerm, careOrder, ['2026-03-10'], { on: '2026-05-01' })
    expect(later).toMatchObject({ due: '2026-06-10', basis: '3 months after the last visit' })
    expect(nextStatutoryVisit(longTerm, careOrder, ['2026-03-10'], { on: '2026-06-11' }).overdue).toBe(true)
  })

  it('ignores visits after the date asked about', () => {
    expect(
      nextStatutoryVisit(foster, careOrder, ['2025-03-07', '2025-05-01'], { on: '2025-04-01' }).due,
    ).toBe('2025-04-18')
  })
})

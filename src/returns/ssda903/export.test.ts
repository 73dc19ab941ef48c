import { describe, expect, it } from 'vitest'
import {
  type AllocationRow,
  continuouslyLookedAfter12Months,
  type HealthRow,
  oc2Row,
  socialWorkerEpisodes,
} from './export.ts'

const START = '2025-04-01'
const END = '2026-03-31'

const h = (kind: string, recorded_on: string, over: Partial<HealthRow> = {}): HealthRow => ({
  person_id: 1,
  kind,
  recorded_on,
  up_to_date: null,
  substance_misuse: null,
  intervention_offered: null,
  intervention_received: null,
  sdq_score: null,
  sdq_reason: null,
  ...over,
})

describe('OC2 from the health entries of the year', () => {
  it('asks a 3-year-old about health promotion checks, not SDQ or convictions', () => {
    const row = oc2Row(
      '1',
      '2022-06-01',
      [h('health-surveillance', '2025-09-01', { up_to_date: true })],
      START,
      END,
    )
    expect(row).toMatchObject({ SDQ_SCORE: null, CONVICTED: null, HEALTH_CHECK: '1', IMMUNISATIONS: '0' })
  })

  it('gives a 12-year-old their latest SDQ of the year and counts checks and assessments in the year only', () => {
    const row = oc2Row(
      '1',
      '2013-05-01',
      [
        h('sdq', '2025-05-01', { sdq_score: 18 }),
        h('sdq', '2025-11-01', { sdq_reason: 'SDQ4' }),
        h('dental-check', '2025-03-30'),
        h('initial-health-assessment', '2025-04-01'),
        h('immunisations', '2024-01-01', { up_to_date: true }),
      ],
      START,
      END,
    )
    expect(row).toMatchObject({
      SDQ_SCORE: null,
      SDQ_REASON: 'SDQ4',
      CONVICTED: '0',
      HEALTH_CHECK: null,
      TEETH_CHECK: '0',
      HEALTH_ASSESSMENT: '1',
      IMMUNISATIONS: '1',
    })
  })

  it('asks about interventions only when a substance misuse problem was identified', () => {
    const none = oc2Row(
      '1',
      '2010-01-01',
      [h('substance-misuse', '2025-06-01', { substance_misuse: false })],
      START,
      END,
    )
    expect(none).toMatchObject({
      SUBSTANCE_MISUSE: '0',
      INTERVENTION_RECEIVED: null,
      INTERVENTION_OFFERED: null,
    })
    const offered = oc2Row(
      '1',
      '2010-01-01',
      [
        h('substance-misuse', '2025-06-01', {
          substance_misuse: true,
          intervention_offered: true,
          intervention_received: false,
        }),
      ],
      START,
      END,
    )
    expect(offered).toMatchObject({
      SUBSTANCE_MISUSE: '1',
      INTERVENTION_RECEIVED: '0',
      INTERVENTION_OFFERED: '1',
    })
    const received = oc2Row(
      '1',
      '2010-01-01',
      [
        h('substance-misuse', '2025-06-01', {
          substance_misuse: true,
          intervention_offered: true,
          intervention_received: true,
        }),
      ],
      START,
      END,
    )
    expect(received).toMatchObject({ INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: null })
  })

  it('leaves out a 17-year-old’s SDQ (17 on 1 April)', () => {
    expect(
      oc2Row('1', '2008-04-01', [h('sdq', '2025-06-01', { sdq_score: 12 })], START, END).SDQ_SCORE,
    ).toBeNull()
    expect(oc2Row('1', '2008-04-02', [h('sdq', '2025-06-01', { sdq_score: 12 })], START, END).SDQ_SCORE).toBe(
      '12',
    )
  })
})

describe('looked after continuously for 12 months', () => {
  const e = (
    over: Partial<{
      DECOM: string
      DEC: string | null
      RNE: 'S' | 'P'
      REC: string | null
      LS: string | null
    }>,
  ) => ({
    DECOM: '2024-01-01',
    DEC: null,
    RNE: 'S' as const,
    REC: null,
    LS: 'C2',
    ...over,
  })
  it('counts care from before 1 April to 31 March', () => {
    expect(continuouslyLookedAfter12Months([e({})], START, END)).toBe(true)
    expect(continuouslyLookedAfter12Months([e({ DECOM: START })], START, END)).toBe(true)
  })
  it('does not count care starting after 1 April, ending before 31 March, or short breaks', () => {
    expect(continuouslyLookedAfter12Months([e({ DECOM: '2025-04-02' })], START, END)).toBe(false)
    expect(continuouslyLookedAfter12Months([e({ DEC: '2026-03-30', REC: 'E13' })], START, END)).toBe(false)
    expect(continuouslyLookedAfter12Months([e({ LS: 'V3' })], START, END)).toBe(false)
    expect(continuouslyLookedAfter12Months([], START, END)).toBe(false)
  })
})

describe('social worker episodes from the allocation history', () => {
  const a = (over: Partial<AllocationRow>): AllocationRow => ({
    person_id: 1,
    worker_id: 10,
    team_id: 1,
    started_on: '2025-01-01',
    ended_on: null,
    worker_left_on: null,
    ...over,
  })
  it('derives the reason each episode started', () => {
    const rows = socialWorkerEpisodes(
      '1',
      '2012-01-01',
      [
        a({ started_on: '2023-01-01', ended_on: '2024-02-01' }), // ended before the reporting period: left out
        a({ worker_id: 11, started_on: '2024-06-01', ended_on: '2024-09-01' }), // a gap of months: re-referral
        a({ worker_id: 12, started_on: '2024-09-01', ended_on: '2025-01-10', team_id: 2 }), // another team
        a({
          worker_id: 13,
          started_on: '2025-01-10',
          ended_on: '2025-05-01',
          team_id: 2,
          worker_left_on: '2025-05-01',
        }),
        a({ worker_id: 14, started_on: '2025-05-01', ended_on: '2025-08-01', team_id: 2 }), // the last worker left
        a({ worker_id: 15, started_on: '2025-08-01', ended_on: '2026-04-30', team_id: 2 }), // same team; open at 31 March
      ],
      '2024-04-01',
      END,
    )
    expect(rows.map((r) => [r.SW_ID, r.SW_DECOM, r.SW_DEC, r.SW_REASON])).toEqual([
      ['XX11', '2024-06-01', '2024-09-01', 'FCONTA'],
      ['XX12', '2024-09-01', '2025-01-10', 'TSPROC'],
      ['XX13', '2025-01-10', '2025-05-01', 'MANAGE'],
      ['XX14', '2025-05-01', '2025-08-01', 'LEFTRL'],
      ['XX15', '2025-08-01', null, 'MANAGE'],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import {
  deriveEpisodes,
  type EpisodeLegalStatusInput,
  type EpisodePeriodInput,
  type EpisodePlacementInput,
} from './episodes.ts'

const period = (over: Partial<EpisodePeriodInput> = {}): EpisodePeriodInput => ({
  id: 1,
  startDate: '2025-04-10',
  endDate: null,
  categoryOfNeed: 'N1',
  homePostcode: 'M1 1AA',
  reasonCeased: null,
  ...over,
})
let nextId = 100
const ls = (code: string, startDate: string, over: Partial<EpisodeLegalStatusInput> = {}) => ({
  id: nextId++,
  periodOfCareId: 1,
  code,
  startDate,
  ...over,
})
const pl = (
  placementType: string,
  startDate: string,
  over: Partial<EpisodePlacementInput> = {},
): EpisodePlacementInput => ({
  id: nextId++,
  periodOfCareId: 1,
  placementType,
  provider: 'PR1',
  urn: 'SC123456',
  postcode: 'M2 3RT',
  confidential: false,
  carerPersonId: null,
  startDate,
  reasonForChange: null,
  ...over,
})

describe('deriveEpisodes', () => {
  it('gives one open episode, started to be looked after, for a new period of care', () => {
    const s20 = ls('V2', '2025-04-10')
    const foster = pl('U6', '2025-04-10')
    const [only, ...rest] = deriveEpisodes([period()], [s20], [foster])
    expect(rest).toEqual([])
    expect(only).toEqual({
      periodOfCareId: 1,
      legalStatusId: s20.id,
      placementId: foster.id,
      DECOM: '2025-04-10',
      RNE: 'S',
      LS: 'V2',
      CIN: 'N1',
      PLACE: 'U6',
      PLACE_PROVIDER: 'PR1',
      DEC: null,
      REC: null,
      REASON_PLACE_CHANGE: null,
      HOME_POST: 'M1 1AA',
      PL_POST: 'M2 3RT',
      URN: 'SC123456',
    })
  })

  it('derives s20 → interim care order → placement move → both at once → care ends', () => {
    const first = pl('U6', '2025-04-10', { reasonForChange: 'CREQB' })
    const second = pl('K2', '2025-09-01', { provider: 'PR4', urn: 'SC654321', reasonForChange: 'CARPL' })
    const third = pl('U4', '2026-01-15', { postcode: 'M4 5TT' })
    const episodes = deriveEpisodes(
      [period({ endDate: '2026-03-01', reasonCeased: 'E4A' })],
      [ls('V2', '2025-04-10'), ls('C1', '2025-06-02'), ls('C2', '2026-01-15')],
      [first, second, third],
    )
    expect(episodes.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC, e.REASON_PLACE_CHANGE])).toEqual(
      [
        ['2025-04-10', 'S', 'V2', 'U6', '2025-06-02', 'X1', null],
        ['2025-06-02', 'L', 'C1', 'U6', '2025-09-01', 'X1', 'CREQB'],
        ['2025-09-01', 'P', 'C1', 'K2', '2026-01-15', 'X1', 'CARPL'],
        ['2026-01-15', 'B', 'C2', 'U4', '2026-03-01', 'E4A', null],
      ],
    )
    expect(episodes[2]).toMatchObject({ PLACE_PROVIDER: 'PR4', URN: 'SC654321' })
    expect(episodes[3]).toMatchObject({ PL_POST: 'M4 5TT', HOME_POST: 'M1 1AA', CIN: 'N1' })
  })

  it('leaves the reason for a placement change off an episode ended only by a legal status change', () => {
    const episodes = deriveEpisodes(
      [period()],
      [ls('V2', '2025-04-10'), ls('C1', '2025-05-01')],
      [pl('U6', '2025-04-10', { reasonForChange: 'CARPL' })],
    )
    expect(episodes.map((e) => [e.RNE, e.REC, e.REASON_PLACE_CHANGE])).toEqual([
      ['S', 'X1', null],
      ['L', null, null],
    ])
  })

  it('uses T and U when the child stays with the same carer', () => {
    const carer = 555
    // The foster carer moves house (reason PLACE), then the same carer adopts (A5 with a placement order).
    const episodes = deriveEpisodes(
      [period()],
      [ls('C2', '2025-04-10'), ls('E1', '2026-02-01')],
      [
        pl('U4', '2025-04-10', { carerPersonId: carer, reasonForChange: 'PLACE' }),
        pl('U4', '2025-08-01', { carerPersonId: carer, reasonForChange: 'CARPL', postcode: 'M5 5AB' }),
        pl('A5', '2026-02-01', { carerPersonId: carer }),
      ],
    )
    expect(episodes.map((e) => e.RNE)).toEqual(['S', 'T', 'U'])
  })

  it('counts the same named carer as the same carer, and a different one as a change of carer', () => {
    const episodes = deriveEpisodes(
      [period()],
      [ls('V2', '2025-04-10')],
      [
        pl('U3', '2025-04-10', { carerPersonId: 7, reasonForChange: 'CARPL' }),
        pl('U1', '2025-06-01', { carerPersonId: 7, reasonForChange: 'CARPL' }),
        pl('U6', '2025-07-01', { carerPersonId: 8 }),
      ],
    )
    expect(episodes.map((e) => e.RNE)).toEqual(['S', 'T', 'P'])
  })

  it('suppresses the postcode of a confidential placement, and location for short breaks', () => {
    const [confidential] = deriveEpisodes(
      [period()],
      [ls('C2', '2025-04-10')],
      [pl('U6', '2025-04-10', { confidential: true })],
    )
    expect(confidential).toMatchObject({ PL_POST: null, URN: 'SC123456' })
    const [shortBreak] = deriveEpisodes([period()], [ls('V3', '2025-04-10')], [pl('U6', '2025-04-10')])
    expect(shortBreak).toMatchObject({ PL_POST: null, URN: null })
  })

  it('returns no provider for a temporary placement and no change reason around it', () => {
    const episodes = deriveEpisodes(
      [period()],
      [ls('C2', '2025-04-10')],
      [
        pl('U6', '2025-04-10', { reasonForChange: 'OTHER' }),
        pl('T2', '2025-08-01', { urn: null, reasonForChange: 'OTHER' }),
        pl('U6', '2025-08-10', { reasonForChange: null }),
      ],
    )
    expect(episodes.map((e) => [e.PLACE, e.PLACE_PROVIDER, e.REASON_PLACE_CHANGE])).toEqual([
      ['U6', 'PR1', null],
      ['T2', null, null],
      ['U6', 'PR1', null],
    ])
  })

  it('starts every period of care with S, and keeps periods apart', () => {
    const episodes = deriveEpisodes(
      [
        period({ id: 2, startDate: '2025-10-01' }),
        period({
          id: 1,
          startDate: '2024-01-05',
          endDate: '2024-06-30',
          reasonCeased: 'E4A',
          homePostcode: null,
        }),
      ],
      [ls('V2', '2024-01-05'), ls('C2', '2025-10-01', { periodOfCareId: 2 })],
      [pl('U6', '2024-01-05'), pl('K2', '2025-10-01', { periodOfCareId: 2 })],
    )
    expect(
      episodes.map((e) => [e.periodOfCareId, e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC, e.HOME_POST]),
    ).toEqual([
      [1, '2024-01-05', 'S', 'V2', 'U6', '2024-06-30', 'E4A', null],
      [2, '2025-10-01', 'S', 'C2', 'K2', null, null, 'M1 1AA'],
    ])
  })

  it('ignores rows outside their period, and a change on the day care ended', () => {
    const episodes = deriveEpisodes(
      [period({ endDate: '2025-06-30', reasonCeased: 'E13' })],
      [ls('V2', '2025-04-10'), ls('C1', '2025-06-30'), ls('C2', '2025-08-01')],
      [pl('U6', '2025-04-10'), pl('U3', '2025-01-01')],
    )
    expect(episodes.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC])).toEqual([
      ['2025-04-10', 'S', 'V2', 'U6', '2025-06-30', 'E13'],
    ])
  })

  it('shows an incomplete record as missing codes rather than inventing them', () => {
    const [episode] = deriveEpisodes([period()], [ls('V2', '2025-04-10')], [])
    expect(episode).toMatchObject({ RNE: 'S', LS: 'V2', PLACE: null, placementId: null, PL_POST: null })
  })

  it('gives nothing for a child never looked after', () => {
    expect(deriveEpisodes([], [], [])).toEqual([])
  })
})

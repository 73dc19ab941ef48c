import { describe, expect, it } from 'vitest'
import { cinCodes, ssda903Codes } from '../../domain/codes/codes.ts'
import { NEEDED } from './list-04-assessments.ts'
import { CATEGORY } from './list-07-child-protection.ts'
import { PERMANENCE, PLACE_SUCCESSORS } from './list-08-children-in-care.ts'
import { IN_TOUCH } from './list-09-care-leavers.ts'
import { ANNEX_A } from './lists.ts'
import { codeMap, codeOf, listSpec } from './spec.ts'

// Every DfE code Hearth lets staff record has Annex A words, so no cell is left with a bare code.

const allowed = (sheet: string, column: string) =>
  listSpec(sheet).columns.find((c) => c.column === column)!.allowed_values!

describe('Annex A code mapping', () => {
  it('reads the code at the start of an allowed value', () => {
    expect(codeOf('e) 2A: Schools')).toBe('2A')
    expect(codeOf('p1) 5D: LA services')).toBe('5D')
    expect(codeOf('zz) T4: Temporary placement - seven days or less')).toBe('T4')
    expect(codeOf('N1 - Abuse or neglect')).toBe('N1')
    expect(codeOf('a) WBRI')).toBe('WBRI')
    expect(codeOf('B: Parents/relatives')).toBe('B')
    expect(codeOf('a) Male')).toBeNull()
    expect(codeOf('f) Rhom')).toBeNull()
  })

  it('has words for every CIN census code Hearth records', () => {
    const cases = [
      ['List 1', 'Contact Source', 'ReferralSource'],
      ['List 3', 'Referral Source', 'ReferralSource'],
      ['List 1', 'Ethnicity', 'Ethnicity'],
      ['List 6', 'Primary Need Code', 'PrimaryNeedCode'],
      ['List 6', 'Reason for Closure', 'ReasonForClosure'],
    ] as const
    for (const [sheet, column, list] of cases) {
      const map = codeMap(sheet, column)
      for (const { code } of cinCodes(list)) expect(map.get(code), `${sheet} ${column} ${code}`).toBeDefined()
    }
    for (const { code } of cinCodes('CategoryOfAbuse'))
      expect(allowed('List 7', 'Initial Category of Abuse')).toContain(CATEGORY[code])
  })

  it('has words for every SSDA903 code Hearth records', () => {
    const cases = [
      ["Child's Legal Status", 'LS'],
      ['Placement Provider', 'PLACE_PROVIDER'],
      ['Reason Ceased to be Looked After', 'REC'],
    ] as const
    for (const [column, list] of cases) {
      const map = codeMap('List 8', column)
      for (const { code } of ssda903Codes(list)) expect(map.get(code), `${column} ${code}`).toBeDefined()
    }
    const place = codeMap('List 8', 'Placement Type')
    for (const { code } of ssda903Codes('PLACE'))
      expect(place.get(PLACE_SUCCESSORS[code] ?? code), `Placement Type ${code}`).toBeDefined()
    const needs = codeMap('List 8', "Child's Category of Need")
    for (const { code } of ssda903Codes('CIN'))
      expect(needs.get(code), `Category of need ${code}`).toBeDefined()
    const activity = codeMap('List 9', 'Activity Status')
    for (const { code } of ssda903Codes('ACTIV').filter((c) => c.code !== '0'))
      expect(activity.get(code), `Activity ${code}`).toBeDefined()
    const accommodation = codeMap('List 9', 'Type of Accommodation')
    for (const { code } of ssda903Codes('ACCOM').filter((c) => c.code !== '0'))
      expect(accommodation.get(code.slice(0, 1)), `Accommodation ${code}`).toBeDefined()
    for (const { code } of ssda903Codes('IN_TOUCH'))
      expect(allowed('List 9', 'LA in Touch')).toContain(IN_TOUCH[code])
    const reversed = codeMap('List 10', 'Reason Why Child No Longer Placed for Adoption')
    for (const { code } of ssda903Codes('REASON_PLACED_CEASED')) expect(reversed.get(code)).toBeDefined()
  })

  it("uses only Annex A's words for Hearth's own lists", () => {
    for (const value of Object.values(PERMANENCE))
      expect(allowed('List 8', 'What is the permanence plan for this child?')).toContain(value)
    for (const value of Object.values(NEEDED))
      expect(
        allowed('List 4', "Was the child assessed as requiring LA children's social care support?"),
      ).toContain(value)
  })

  it('writes the eleven lists in order, each with the columns of the specification', () => {
    expect(ANNEX_A.map((l) => l.sheet)).toEqual([
      'List 1',
      'List 2',
      'List 3',
      'List 4',
      'List 5',
      'List 6',
      'List 7',
      'List 8',
      'List 9',
      'List 10',
      'List 11',
    ])
    for (const list of ANNEX_A) {
      expect(list.columns).toEqual(listSpec(list.sheet).columns)
      for (const column of list.notHeld) expect(list.columns.map((c) => c.column)).toContain(column)
    }
  })
})

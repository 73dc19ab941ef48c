import { describe, expect, it } from 'vitest'
import { rule391 } from './rule-391.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 391: care leaver aged 17 to 21', () => {
  it('flags a 16-year-old and a 22-year-old', () => {
    expect(
      where(
        run(
          rule391,
          tables({
            OC3: [
              { DOB: '2009-04-01', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' },
              { CHILD: '2', DOB: '2003-04-01', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' },
            ],
          }),
        ),
      ),
    ).toEqual(['OC3:0:DOB+IN_TOUCH+ACTIV+ACCOM', 'OC3:1:DOB+IN_TOUCH+ACTIV+ACCOM'])
  })
  it('accepts 17 on 31 March and 21 for part of the year', () => {
    expect(
      run(
        rule391,
        tables({
          OC3: [
            { DOB: '2009-03-31', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' },
            { CHILD: '2', DOB: '2003-04-02', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})

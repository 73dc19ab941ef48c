import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// An authorised assessment on an open case that says nothing about the child's identity and culture.
const RULE = 'assessment-identity-not-considered'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function assessed(identityAndCulture: string | null, authorisedOn: string | null = '2026-03-20') {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-02-02' })
  const assessment = await b.assessment(referral, {
    identityAndCulture,
    completedOn: authorisedOn,
    authorisedOn,
  })
  return { child, referral, assessment }
}

describe(RULE, () => {
  it('queries an authorised assessment with nothing on identity, from its authorisation', async () => {
    const { child, assessment } = await assessed(null)
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-19')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([
      {
        severity: 'query',
        dueOn: '2026-03-20',
        subjectType: 'assessment',
        subjectId: assessment.id,
        href: `/children/${child.id}/assessments`,
        ownerWorkerId: sw.workerId,
      },
    ])
  })

  it('treats blank text as nothing', async () => {
    const { child } = await assessed(' \n\t ')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toHaveLength(1)
  })

  it('says nothing when identity is considered, or the assessment is not yet authorised', async () => {
    const considered = await assessed('White British; speaks Polish at home with her grandmother.')
    expect(await flagsOf(database.db, RULE, considered.child.id, '2026-03-20')).toEqual([])
    const draft = await assessed('', null)
    expect(await flagsOf(database.db, RULE, draft.child.id, '2026-03-20')).toEqual([])
  })

  it('ignores closed cases', async () => {
    const { child, referral } = await assessed('')
    await b.close(referral, '2026-03-25')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-26')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toHaveLength(1)
  })
})

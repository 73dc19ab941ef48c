import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legalStatus, periodOfCare, person, placement } from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
let childId = 0

beforeAll(async () => {
  t = await buildTestApp()
  const db = t.database.db
  const [child] = await db
    .insert(person)
    .values({
      givenName: 'Ria',
      familyName: 'Page',
      dateOfBirth: '2014-09-09',
      sex: 'F',
      ethnicity: 'WBRI',
      upn: 'R207000016049',
    })
    .returning({ id: person.id })
  childId = child!.id
  const [p] = await db
    .insert(periodOfCare)
    .values({ personId: childId, startDate: '2025-06-02', categoryOfNeed: 'N1', homePostcode: 'M1 1AA' })
    .returning({ id: periodOfCare.id })
  await db
    .insert(legalStatus)
    .values({ periodOfCareId: p!.id, personId: childId, code: 'V2', startDate: '2025-06-02' })
  await db.insert(placement).values({
    periodOfCareId: p!.id,
    personId: childId,
    placementType: 'U6',
    provider: 'PR1',
    postcode: 'M2 2BB',
    insideAuthority: true,
    startDate: '2025-06-02',
  })
})
afterAll(() => t.close())

async function finished(client: Awaited<ReturnType<TestApp['signedIn']>>, url: string) {
  let page = await client.get(url)
  for (let i = 0; i < 100 && page.body.includes('Building the return'); i++) {
    await new Promise((r) => setTimeout(r, 100))
    page = await client.get(url)
  }
  return page
}

describe('the SSDA903 on the returns page and API', () => {
  it('offers the return, builds it as a job and downloads each table as its own CSV, logging each export', async () => {
    const analyst = await t.signedIn('analyst')
    const form = await analyst.get('/returns')
    expect(form.body).toContain('value="ssda903"')
    expect(form.body).toContain('Children looked after: SSDA903 (CSV files)')
    expect(form.body).toContain('Collection year (CIN census and SSDA903)')
    const started = await analyst.post('/returns', { type: 'ssda903', year: '2025-26' })
    expect(started.statusCode).toBe(303)
    const jobUrl = started.headers.location!
    const page = await finished(analyst, jobUrl)
    expect(page.body).toContain('Return ready')
    expect(page.body).toContain('Children looked after: SSDA903 (CSV files) 2025-26')
    for (const table of ['Header', 'Episodes', 'Reviews', 'OC2', 'OC3', 'AD1', 'Missing', 'SWEpisodes'])
      expect(page.body).toContain(`href="${jobUrl}/download/${table}"`)
    expect(page.body).not.toContain('/download/DoLo')

    const episodes = await analyst.get(`${jobUrl}/download/Episodes`)
    expect(episodes.statusCode).toBe(200)
    expect(episodes.headers['content-type']).toContain('text/csv')
    expect(episodes.headers['content-disposition']).toMatch(/ssda903-2025-26-\d+-Episodes\.csv/)
    const lines = episodes.body.split('\r\n')
    expect(lines[0]).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    )
    expect(lines).toContain(`${childId},02/06/2025,S,V2,N1,U6,PR1,,,,M1 1AA,M2 2BB,`)
    expect((await analyst.get(`${jobUrl}/download/Nonsense`)).statusCode).toBe(404)

    const admin = await t.signedIn('admin')
    const log = await admin.api('GET', '/api/v1/access-log?action=export&username=analyst')
    // Starting the return, then the Episodes file.
    expect(log.json().total).toBe(2)
    // Nobody else sees the job or its files.
    expect((await admin.get(`${jobUrl}/download/Episodes`)).statusCode).toBe(404)
  })

  it('asks for a year it supports, pointing the error at the SSDA903 year', async () => {
    const analyst = await t.signedIn('analyst')
    const response = await analyst.post('/returns', { type: 'ssda903', year: '2019-20' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Choose a collection year Hearth supports: 2025-26 or 2024-25')
    expect(response.body).toContain('href="#ssda903-year"')
  })

  it('produces it through the API, with an address for every file', async () => {
    const analyst = await t.signedIn('analyst')
    const response = await analyst.api('POST', '/api/v1/returns', {
      type: 'ssda903',
      year: '2025-26',
      wait: true,
    })
    expect(response.statusCode).toBe(201)
    const job = response.json()
    expect(job).toMatchObject({ type: 'ssda903', year: '2025-26', state: 'finished' })
    expect(job.children).toBeGreaterThanOrEqual(1)
    expect(job.files.map((f: { table: string }) => f.table)).toEqual([
      'Header',
      'Episodes',
      'Reviews',
      'UASC',
      'OC2',
      'OC3',
      'AD1',
      'PlacedAdoption',
      'PrevPerm',
      'Missing',
      'SWEpisodes',
    ])
    const header = job.files[0]
    expect(header).toMatchObject({ table: 'Header', rows: job.children })
    const file = await analyst.api('GET', header.href)
    expect(file.statusCode).toBe(200)
    expect(file.body).toContain(`${childId},F,09/09/2014,WBRI,R207000016049,0,`)
    // The child started care in the year with no previous permanence recorded: rule 630 says so.
    expect(job.summary).toContainEqual(expect.objectContaining({ code: '630', type: 'error' }))
    expect((await analyst.api('GET', `/api/v1/returns/${job.id}/files/DoLo`)).statusCode).toBe(404)
  })
})

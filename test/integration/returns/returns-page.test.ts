import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('producing a return', () => {
  it('builds the CIN census as a job, shows progress then the validation summary, and logs the export', async () => {
    const analyst = await t.signedIn('analyst')
    const form = await analyst.get('/returns')
    expect(form.statusCode).toBe(200)
    const started = await analyst.post('/returns', { type: 'cin-census', year: '2025-26' })
    expect(started.statusCode).toBe(303)
    const jobUrl = started.headers.location!
    let page = await analyst.get(jobUrl)
    for (let i = 0; i < 50 && page.body.includes('Building the return'); i++) {
      await new Promise((r) => setTimeout(r, 100))
      page = await analyst.get(jobUrl)
    }
    expect(page.body).toContain('Return ready')
    const download = await analyst.get(`${jobUrl}/download`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toContain('cin-census-2025-26-')
    expect(download.body).toContain('<ReferenceDate>2026-03-31</ReferenceDate>')
    const log = await (await t.signedIn('admin')).api(
      'GET',
      '/api/v1/access-log?action=export&username=analyst',
    )
    expect(log.json().total).toBe(2)
    // Another analyst cannot see this user's job.
    expect((await (await t.signedIn('admin')).get(jobUrl)).statusCode).toBe(404)
  })

  it('refuses a year Hearth does not support, and an unknown return, saying which it supports', async () => {
    const analyst = await t.signedIn('analyst')
    const response = await analyst.post('/returns', { type: 'cin-census', year: '2019-20' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Choose a collection year Hearth supports: 2025-26 or 2024-25')
    const api = await analyst.api('POST', '/api/v1/returns', { type: 'annex-z', year: '2025-26' })
    expect(api.statusCode).toBe(400)
    expect(api.json().errors[0].pointer).toBe('/type')
  })

  it('produces the return through the API too', async () => {
    const analyst = await t.signedIn('analyst')
    const response = await analyst.api('POST', '/api/v1/returns', {
      type: 'cin-census',
      year: '2024-25',
      wait: true,
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ state: 'finished', year: '2024-25' })
    const file = await analyst.api('GET', response.json().file)
    expect(file.body).toContain('<Year>2025</Year>')
  })
})

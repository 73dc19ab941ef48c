import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('the practice API in the OpenAPI document', () => {
  it('lists every practice endpoint with its tag', async () => {
    const response = await t.client().get('/api/openapi.json', { accept: 'application/json' })
    expect(response.statusCode).toBe(200)
    const paths = Object.keys(response.json().paths)
    for (const path of [
      '/api/v1/children/{personId}/visits',
      '/api/v1/children/{personId}/visits/{visitId}',
      '/api/v1/children/{personId}/notes',
      '/api/v1/children/{personId}/documents',
      '/api/v1/children/{personId}/documents/{documentId}',
      '/api/v1/children/{personId}/chronology',
      '/api/v1/children/{personId}/significant-events',
      '/api/v1/children/{personId}/oversight',
      '/api/v1/children/{personId}/oversight/actions/{actionId}/complete',
      '/api/v1/children/{personId}/allocations',
      '/api/v1/children/{personId}/closure',
      '/api/v1/children/{personId}/closure/proposal',
      '/api/v1/children/{personId}/closure/sign-off',
      '/api/v1/children/{personId}/closure/decline',
      '/api/v1/children/{personId}/closure/actions/{actionId}',
      '/api/v1/teams/{teamId}/caseloads',
    ])
      expect(paths, path).toContain(path)
    const upload = response.json().paths['/api/v1/children/{personId}/documents'].post
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data'])
  })
})

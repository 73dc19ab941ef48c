import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLog, caseNote, document } from '../../../src/db/schema/index.ts'
import { detectDocumentType } from '../../../src/services/case-notes.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childOfSocialWorker, dateParts, demoWorker, postMultipart, userWith } from './support.ts'

let t: TestApp
let childId: number
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childOfSocialWorker(t, { givenName: 'Leo', familyName: 'Marsh' })
})
afterAll(() => t.close())

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

const documentCount = async () =>
  (await t.database.db.select({ id: document.id }).from(document).where(eq(document.personId, childId)))
    .length

describe('case notes', () => {
  it('adds typed notes; a significant one is marked, and the list filters by kind and significance', async () => {
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${childId}/notes/new`)).statusCode).toBe(200)
    const phone = await sw.post(`/children/${childId}/notes/new`, {
      type: 'phone-call',
      ...dateParts('occurredOn', '2026-11-03'),
      subject: 'Call from school about bruising',
      body: 'The DSL rang: Leo arrived with a bruise on his arm.\nHe said he fell off his bike.',
      significant: 'yes',
    })
    expect(phone.statusCode).toBe(303)
    const email = await sw.post(`/children/${childId}/notes/new`, {
      type: 'email',
      ...dateParts('occurredOn', '2026-11-04'),
      subject: 'Meeting invitation sent',
      body: 'Invited mother to the review.',
    })
    expect(email.statusCode).toBe(303)
    const rows = await t.database.db.select().from(caseNote).where(eq(caseNote.personId, childId))
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.type === 'phone-call')?.significant).toBe(true)

    const note = await sw.get(phone.headers.location!)
    expect(note.body).toContain('He said he fell off his bike.')
    expect(note.body).toContain('Significant')
    const significant = await sw.get(`/children/${childId}/notes?significant=yes`)
    expect(significant.body).toContain('Call from school about bruising')
    expect(significant.body).not.toContain('Meeting invitation sent')
    const emails = await sw.get(`/children/${childId}/notes?type=email`)
    expect(emails.body).toContain('Meeting invitation sent')
    expect(emails.body).not.toContain('Call from school about bruising')
  })

  it('refuses a note without a kind, subject or text, or dated in the future', async () => {
    const sw = await t.signedIn('socialworker')
    const response = await sw.post(`/children/${childId}/notes/new`, {
      type: 'gossip',
      ...dateParts('occurredOn', '2099-01-01'),
      subject: '',
      body: '  ',
    })
    expect(response.statusCode).toBe(400)
    for (const message of [
      'Choose what kind of note this is',
      'The date it happened must be today or in the past',
      'Enter a subject',
      'Write the note',
    ])
      expect(response.body).toContain(message)
    expect((await t.database.db.select().from(caseNote).where(eq(caseNote.personId, childId))).length).toBe(2)
    const api = await t.signedIn('socialworker')
    const viaApi = await api.api('POST', `/api/v1/children/${childId}/notes`, {
      type: 'email',
      occurredOn: '2099-01-01',
      subject: 'x',
      body: 'y',
    })
    expect(viaApi.statusCode).toBe(400)
    expect(viaApi.json().errors[0].pointer).toBe('/occurredOn')
  })
})

describe('documents', () => {
  it('attaches a PDF and an image, and logs each download as an export', async () => {
    const sw = await t.signedIn('socialworker')
    await sw.get(`/children/${childId}/documents/new`)
    const saved = await postMultipart(
      sw,
      `/children/${childId}/documents/new`,
      { title: 'School attendance letter' },
      { field: 'file', filename: 'attendance letter.pdf', content: PDF, type: 'application/pdf' },
    )
    expect(saved.statusCode).toBe(303)
    // The browser's claimed type is ignored: the content decides.
    const image = await postMultipart(
      sw,
      `/children/${childId}/documents/new`,
      { title: "Leo's drawing" },
      { field: 'file', filename: 'drawing.PNG', content: PNG, type: 'application/octet-stream' },
    )
    expect(image.statusCode).toBe(303)
    const rows = await t.database.db.select().from(document).where(eq(document.personId, childId))
    expect(rows.map((r) => [r.title, r.mediaType, r.size])).toEqual(
      expect.arrayContaining([
        ['School attendance letter', 'application/pdf', PDF.length],
        ["Leo's drawing", 'image/png', PNG.length],
      ]),
    )
    const pdf = rows.find((r) => r.mediaType === 'application/pdf')!

    const list = await sw.get(`/children/${childId}/notes`)
    expect(list.body).toContain('School attendance letter')
    const download = await sw.get(`/children/${childId}/documents/${pdf.id}`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toContain('attachment; filename="attendance letter.pdf"')
    expect(download.rawPayload.equals(PDF)).toBe(true)
    const exports = await t.database.db
      .select()
      .from(accessLog)
      .where(
        and(
          eq(accessLog.action, 'export'),
          eq(accessLog.subjectType, 'document'),
          eq(accessLog.subjectId, String(pdf.id)),
        ),
      )
    expect(exports).toHaveLength(1)
    expect(exports[0]).toMatchObject({ personId: childId, username: 'socialworker' })
  })

  it('refuses a file that is too large, of the wrong type, missing or without a title; nothing is kept', async () => {
    const sw = await t.signedIn('socialworker')
    await sw.get(`/children/${childId}/documents/new`)
    const before = await documentCount()
    const tooLarge = await postMultipart(
      sw,
      `/children/${childId}/documents/new`,
      { title: 'Court bundle' },
      {
        field: 'file',
        filename: 'bundle.pdf',
        content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]),
      },
    )
    expect(tooLarge.statusCode).toBe(400)
    expect(tooLarge.body).toContain('The selected file must be smaller than 10 MB')

    const exe = await postMultipart(
      sw,
      `/children/${childId}/documents/new`,
      { title: 'Report' },
      { field: 'file', filename: 'report.exe', content: Buffer.from('MZ\x90\x00'), type: 'application/pdf' },
    )
    expect(exe.statusCode).toBe(400)
    expect(exe.body).toContain('The selected file must be a PDF, Word document, image or text file')
    // A program renamed to look like a PDF is still refused.
    const disguised = await postMultipart(
      sw,
      `/children/${childId}/documents/new`,
      { title: 'Report' },
      { field: 'file', filename: 'report.pdf', content: Buffer.from('MZ\x90\x00 not a pdf') },
    )
    expect(disguised.statusCode).toBe(400)

    const nothing = await postMultipart(sw, `/children/${childId}/documents/new`, { title: '' }, null)
    expect(nothing.statusCode).toBe(400)
    expect(nothing.body).toContain('Enter a title for the document')
    expect(nothing.body).toContain('Select a file')

    // Far beyond the limit the request itself is refused before it is read.
    const huge = await postMultipart(
      sw,
      `/children/${childId}/documents/new`,
      { title: 'Huge' },
      { field: 'file', filename: 'huge.txt', content: Buffer.alloc(13 * 1024 * 1024, 0x61) },
    )
    expect(huge.statusCode).toBe(413)
    expect(await documentCount()).toBe(before)
  })

  it('refuses an upload without the CSRF token', async () => {
    const sw = await t.signedIn('socialworker')
    const before = await documentCount()
    const form = new FormData()
    form.append('title', 'Forged')
    form.append('file', new Blob([new Uint8Array(PDF)]), 'forged.pdf')
    const encoded = new Request('http://hearth.test/', { method: 'POST', body: form })
    const response = await t.app.inject({
      method: 'POST',
      url: `/children/${childId}/documents/new`,
      headers: {
        'content-type': encoded.headers.get('content-type')!,
        accept: 'text/html',
        cookie: sw.cookieHeader,
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    })
    expect(response.statusCode).toBe(403)
    expect(await documentCount()).toBe(before)
  })

  it('uploads, lists and downloads through the API', async () => {
    const sw = await t.signedIn('socialworker')
    const text = Buffer.from('Notes from the core group, typed up by the school.\n')
    const created = await postMultipart(
      sw,
      `/api/v1/children/${childId}/documents`,
      { title: 'Core group notes' },
      { field: 'file', filename: 'core-group.txt', content: text, type: 'text/plain' },
      { api: true },
    )
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    const list = await sw.api('GET', `/api/v1/children/${childId}/documents`)
    expect(list.json().find((d: { id: number }) => d.id === id)).toMatchObject({
      title: 'Core group notes',
      mediaType: 'text/plain',
    })
    const download = await sw.api('GET', `/api/v1/children/${childId}/documents/${id}`)
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(download.body).toBe(text.toString())
    const wrong = await postMultipart(
      sw,
      `/api/v1/children/${childId}/documents`,
      { title: 'Binary' },
      { field: 'file', filename: 'data.txt', content: Buffer.from([0, 1, 2, 3]) },
      { api: true },
    )
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().errors[0]).toMatchObject({ pointer: '/file' })
  })

  it('recognises files by content', () => {
    expect(detectDocumentType('a.pdf', PDF)).toBe('application/pdf')
    expect(detectDocumentType('a.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'application/msword',
    )
    expect(detectDocumentType('a.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(detectDocumentType('a.txt', Buffer.from('Hello – café'))).toBe('text/plain')
    expect(detectDocumentType('a.html', Buffer.from('<script>alert(1)</script>'))).toBeNull()
    expect(detectDocumentType('a.png', PDF)).toBeNull()
  })

  it("keeps documents from a user outside the child's team", async () => {
    const sw = await demoWorker(t, 'socialworker')
    const outsider = await userWith(t, 'social-worker', { notTeamId: sw.teamId })
    const client = await t.signedIn(outsider.username)
    const [doc] = await t.database.db.select().from(document).where(eq(document.personId, childId)).limit(1)
    expect((await client.get(`/children/${childId}/documents/${doc!.id}`)).statusCode).toBe(404)
    expect((await client.get(`/children/${childId}/notes`)).statusCode).toBe(404)
    // Another child's document cannot be reached through this child's address.
    const otherChild = await childOfSocialWorker(t, { givenName: 'Mia', familyName: 'Marsh' })
    const mine = await t.signedIn('socialworker')
    expect((await mine.get(`/children/${otherChild}/documents/${doc!.id}`)).statusCode).toBe(404)
  })
})

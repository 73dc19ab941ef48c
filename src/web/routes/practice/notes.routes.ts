import type { FastifyInstance } from 'fastify'
import { can } from '../../../auth/roles.ts'
import {
  ALLOWED_DOCUMENT_EXTENSIONS,
  addCaseNote,
  CASE_NOTE_TYPE_LABELS,
  type CaseNoteInput,
  downloadDocument,
  getCaseNote,
  listCaseNotes,
  listDocuments,
  uploadDocument,
} from '../../../services/case-notes.ts'
import { booleanField, dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, radioItems, restoredDraft, selectItems } from './helpers.ts'
import { acceptMultipart, uploadedFile } from './multipart.ts'

function noteFromForm(body: unknown): CaseNoteInput {
  return {
    type: textField(body, 'type'),
    occurredOn: dateField(body, 'occurredOn'),
    subject: textField(body, 'subject'),
    body: textField(body, 'body'),
    significant: booleanField(body, 'significant'),
  }
}

const noteFormView = (values: Partial<CaseNoteInput>) => ({
  title: 'Add a case note',
  values,
  typeItems: radioItems(CASE_NOTE_TYPE_LABELS, values.type),
})

/** Accept attribute for the file input: the extensions the record takes. */
const ACCEPT = ALLOWED_DOCUMENT_EXTENSIONS.join(',')

export async function notesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  acceptMultipart(app)

  app.get(
    '/children/:personId/notes',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const q = request.query as Record<string, unknown>
      const type = textField(q, 'type')
      const significantOnly = booleanField(q, 'significant')
      const [context, notes, documents] = await Promise.all([
        recordContext(request, 'notes'),
        listCaseNotes(db, personId, { type, significantOnly }),
        listDocuments(db, personId),
      ])
      return reply.view('pages/practice/notes.njk', {
        title: 'Notes and documents',
        ...context,
        notes,
        documents,
        filter: { type, significantOnly },
        filterTypeItems: selectItems(CASE_NOTE_TYPE_LABELS, type, 'All kinds'),
        canAdd: can(request.user!.roles, 'child:update'),
      })
    },
  )

  app.get(
    '/children/:personId/notes/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const draft = await restoredDraft(db, request)
      return reply.view('pages/practice/note-new.njk', {
        ...(await recordContext(request, 'notes')),
        ...noteFormView(draft ? noteFromForm(draft) : {}),
      })
    },
  )

  app.post(
    '/children/:personId/notes/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = noteFromForm(request.body)
      return saveForm(request, reply, {
        section: 'notes',
        template: 'pages/practice/note-new.njk',
        view: noteFormView(values),
        save: async () => {
          const id = await addCaseNote(db, request.actor(), personId, values)
          return `/children/${personId}/notes/${id}`
        },
      })
    },
  )

  app.get(
    '/children/:personId/notes/:noteId',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const note = await getCaseNote(db, personIdOf(request), idParam(request, 'noteId'))
      return reply.view('pages/practice/note.njk', {
        title: note.subject,
        ...(await recordContext(request, 'notes')),
        note,
      })
    },
  )

  app.get(
    '/children/:personId/documents/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) =>
      reply.view('pages/practice/document-new.njk', {
        title: 'Attach a document',
        ...(await recordContext(request, 'notes')),
        values: {},
        accept: ACCEPT,
      }),
  )

  app.post(
    '/children/:personId/documents/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const title = textField(request.body, 'title')
      const file = uploadedFile(request.body, 'file')
      return saveForm(request, reply, {
        section: 'notes',
        template: 'pages/practice/document-new.njk',
        view: { title: 'Attach a document', values: { title }, accept: ACCEPT },
        save: async () => {
          await uploadDocument(db, request.actor(), personId, {
            title,
            file: file ? { filename: file.filename, content: file.content } : null,
          })
          return `/children/${personId}/notes#documents`
        },
      })
    },
  )

  // A download is an export of part of the child's record: the service writes it to the access log.
  app.get(
    '/children/:personId/documents/:documentId',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const found = await downloadDocument(
        db,
        request.actor(),
        personIdOf(request),
        idParam(request, 'documentId'),
      )
      return sendDocument(reply, found)
    },
  )
}

/** Sends a stored document as an attachment, never rendered in the page's origin as active content. */
export function sendDocument(
  reply: import('fastify').FastifyReply,
  found: { filename: string; mediaType: string; content: Uint8Array },
) {
  const ascii = found.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return reply
    .header('content-type', found.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : found.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.filename)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(Buffer.from(found.content))
}

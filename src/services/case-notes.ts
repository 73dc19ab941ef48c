import { and, desc, eq, type SQL } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { CASE_NOTE_TYPES, caseNote, document, userAccount } from '../db/schema/index.ts'
import { checkDate, today } from './dates.ts'
import { Checker, NotFoundError } from './errors.ts'

// Case notes (what happened, typed, dated, with a significance flag that puts the note in the chronology)
// and documents attached to the child's record. Both are written once: a correction is a new note.

export type CaseNoteType = (typeof CASE_NOTE_TYPES)[number]
export { CASE_NOTE_TYPES }

export const CASE_NOTE_TYPE_LABELS: Record<CaseNoteType, string> = {
  visit: 'Visit',
  'phone-call': 'Phone call',
  meeting: 'Meeting',
  email: 'Email',
  letter: 'Letter',
  'management-direction': 'Management direction',
  supervision: 'Supervision',
  other: 'Other',
}

export interface CaseNoteInput {
  type: string
  occurredOn: string
  subject: string
  body: string
  significant?: boolean
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

export function checkCaseNoteInput(input: CaseNoteInput, now = today()) {
  const c = new Checker()
  c.check(
    (CASE_NOTE_TYPES as readonly string[]).includes(input.type),
    'type',
    'Choose what kind of note this is',
  )
  const occurredOn = checkDate(c, 'occurredOn', 'the date it happened', input.occurredOn, {
    required: true,
    now,
  })
  const subject = clean(input.subject)
  c.check(subject !== null, 'subject', 'Enter a subject')
  c.check(subject === null || subject.length <= 200, 'subject', 'Subject must be 200 characters or fewer')
  const body = clean(input.body)
  c.check(body !== null, 'body', 'Write the note')
  c.throwIfAny()
  return {
    type: input.type as CaseNoteType,
    occurredOn: occurredOn!,
    subject: subject!,
    body: body!,
    significant: input.significant ?? false,
  }
}

export async function addCaseNote(db: Db, actor: Actor, personId: number, raw: CaseNoteInput) {
  const input = checkCaseNoteInput(raw)
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(caseNote)
      .values({ ...input, personId, recordedBy: actor.user.id })
      .returning({ id: caseNote.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'case_note',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, input),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'case_note', subjectId: id, personId })
    return id
  })
}

const noteColumns = {
  id: caseNote.id,
  type: caseNote.type,
  occurredOn: caseNote.occurredOn,
  subject: caseNote.subject,
  body: caseNote.body,
  significant: caseNote.significant,
  recordedAt: caseNote.recordedAt,
  recordedBy: userAccount.displayName,
}

const withLabel = <T extends { type: CaseNoteType }>(row: T) => ({
  ...row,
  typeLabel: CASE_NOTE_TYPE_LABELS[row.type] ?? row.type,
})

/** The child's case notes, newest first; optionally one type, or only significant notes. */
export async function listCaseNotes(
  db: DbOrTx,
  personId: number,
  filter: { type?: string | undefined; significantOnly?: boolean | undefined } = {},
) {
  const conditions: SQL[] = [eq(caseNote.personId, personId)]
  if (filter.type && (CASE_NOTE_TYPES as readonly string[]).includes(filter.type))
    conditions.push(eq(caseNote.type, filter.type as CaseNoteType))
  if (filter.significantOnly) conditions.push(eq(caseNote.significant, true))
  const rows = await db
    .select(noteColumns)
    .from(caseNote)
    .leftJoin(userAccount, eq(userAccount.id, caseNote.recordedBy))
    .where(and(...conditions))
    .orderBy(desc(caseNote.occurredOn), desc(caseNote.id))
  return rows.map(withLabel)
}

export async function getCaseNote(db: DbOrTx, personId: number, noteId: number) {
  const [row] = await db
    .select(noteColumns)
    .from(caseNote)
    .leftJoin(userAccount, eq(userAccount.id, caseNote.recordedBy))
    .where(and(eq(caseNote.personId, personId), eq(caseNote.id, noteId)))
  if (!row) throw new NotFoundError(`No case note ${noteId} for person ${personId}`)
  return withLabel(row)
}

// --- Documents ---

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

/**
 * The kinds of file the record accepts, recognised by their content (never by the name or the type the
 * browser claims): PDF, Word, images and plain text. Anything else could carry active content.
 */
const DOCUMENT_KINDS = [
  { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  { mediaType: 'application/msword', extensions: ['doc'], label: 'Word' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word',
  },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG image' },
  { mediaType: 'image/png', extensions: ['png'], label: 'PNG image' },
  { mediaType: 'image/gif', extensions: ['gif'], label: 'GIF image' },
  { mediaType: 'image/webp', extensions: ['webp'], label: 'WebP image' },
  { mediaType: 'text/plain', extensions: ['txt'], label: 'Text' },
] as const

export const ALLOWED_DOCUMENT_EXTENSIONS = DOCUMENT_KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`))

const startsWith = (content: Buffer, bytes: number[], offset = 0) =>
  content.length >= offset + bytes.length && bytes.every((b, i) => content[offset + i] === b)

/** The media type the content really is, if it is one the record accepts; null otherwise. */
export function detectDocumentType(filename: string, content: Buffer): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? ''
  const kind = DOCUMENT_KINDS.find((k) => (k.extensions as readonly string[]).includes(extension))
  if (!kind) return null
  const zip = startsWith(content, [0x50, 0x4b, 0x03, 0x04])
  const ok: Record<string, () => boolean> = {
    'application/pdf': () => startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d]),
    'application/msword': () => startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': () =>
      zip && content.includes('word/'),
    'image/jpeg': () => startsWith(content, [0xff, 0xd8, 0xff]),
    'image/png': () => startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    'image/gif': () => startsWith(content, [0x47, 0x49, 0x46, 0x38]),
    'image/webp': () =>
      startsWith(content, [0x52, 0x49, 0x46, 0x46]) && startsWith(content, [0x57, 0x45, 0x42, 0x50], 8),
    'text/plain': () => isPlainText(content),
  }
  return ok[kind.mediaType]?.() ? kind.mediaType : null
}

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content)
    return true
  } catch {
    return false
  }
}

export interface DocumentInput {
  title: string
  /** Null when no file was chosen. */
  file: { filename: string; content: Buffer } | null
}

/** A file name safe to store and to send back: no folders, no control characters, not too long. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim()
  return cleaned.length > 150 ? cleaned.slice(cleaned.length - 150) : cleaned || 'document'
}

export function checkDocumentInput(input: DocumentInput) {
  const c = new Checker()
  const title = clean(input.title)
  c.check(title !== null, 'title', 'Enter a title for the document, like "Letter from school, 3 May"')
  c.check(title === null || title.length <= 200, 'title', 'Title must be 200 characters or fewer')
  let mediaType: string | null = null
  if (!input.file || input.file.content.length === 0) {
    c.add('file', input.file ? 'The selected file is empty' : 'Select a file')
  } else if (input.file.content.length > MAX_DOCUMENT_BYTES) {
    c.add('file', 'The selected file must be smaller than 10 MB')
  } else {
    mediaType = detectDocumentType(input.file.filename, input.file.content)
    c.check(mediaType !== null, 'file', 'The selected file must be a PDF, Word document, image or text file')
  }
  c.throwIfAny()
  return {
    title: title!,
    filename: safeFilename(input.file!.filename),
    mediaType: mediaType!,
    content: input.file!.content,
  }
}

/** Attaches a document to the child's record. */
export async function uploadDocument(db: Db, actor: Actor, personId: number, raw: DocumentInput) {
  const input = checkDocumentInput(raw)
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(document)
      .values({ ...input, personId, size: input.content.length, uploadedBy: actor.user.id })
      .returning({ id: document.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'document',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, {
        title: input.title,
        filename: input.filename,
        mediaType: input.mediaType,
        size: input.content.length,
      }),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'document',
      subjectId: id,
      personId,
      detail: { mediaType: input.mediaType, size: input.content.length },
    })
    return id
  })
}

const documentColumns = {
  id: document.id,
  title: document.title,
  filename: document.filename,
  mediaType: document.mediaType,
  size: document.size,
  uploadedAt: document.uploadedAt,
  uploadedBy: userAccount.displayName,
}

/** The documents on the child's record (without their content), newest first. */
export async function listDocuments(db: DbOrTx, personId: number) {
  const rows = await db
    .select(documentColumns)
    .from(document)
    .leftJoin(userAccount, eq(userAccount.id, document.uploadedBy))
    .where(eq(document.personId, personId))
    .orderBy(desc(document.uploadedAt), desc(document.id))
  return rows.map((r) => ({ ...r, kindLabel: documentKindLabel(r.mediaType) }))
}

export function documentKindLabel(mediaType: string): string {
  return DOCUMENT_KINDS.find((k) => k.mediaType === mediaType)?.label ?? mediaType
}

/** A document's content, for download: written to the access log as an export of the child's record. */
export async function downloadDocument(db: Db, actor: Actor, personId: number, documentId: number) {
  const [found] = await db
    .select({
      id: document.id,
      filename: document.filename,
      mediaType: document.mediaType,
      content: document.content,
    })
    .from(document)
    .where(and(eq(document.personId, personId), eq(document.id, documentId)))
  if (!found) throw new NotFoundError(`No document ${documentId} for person ${personId}`)
  await logAccess(db, actor, {
    action: 'export',
    subjectType: 'document',
    subjectId: documentId,
    personId,
    detail: { filename: found.filename },
  })
  return found
}

import type { FastifyInstance, FastifyRequest } from 'fastify'
import { MAX_DOCUMENT_BYTES } from '../../../services/case-notes.ts'

// File uploads without a dependency: Node's own FormData parser (undici) reads the multipart body. It is
// parsed before validation, so the CSRF token in the form's `_csrf` field is checked like any other form.
// Files are kept out of the enumerable body, so a form kept as a draft after a timeout holds only text.

/** Room above the 10 MB file limit for the form's other fields, so a slightly larger file gets a clear message. */
export const MULTIPART_BODY_LIMIT = MAX_DOCUMENT_BYTES + 2 * 1024 * 1024

export interface UploadedFile {
  field: string
  filename: string
  /** What the browser said it is: never trusted; the content decides (see detectDocumentType). */
  claimedType: string
  content: Buffer
}

const FILES = Symbol('uploadedFiles')

/** Registers the multipart parser for the routes of the plugin that calls it (encapsulated). */
export function acceptMultipart(app: FastifyInstance): void {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT },
    async (request: FastifyRequest, body: Buffer) => {
      let form: FormData
      try {
        form = await new Response(body, {
          headers: { 'content-type': String(request.headers['content-type']) },
        }).formData()
      } catch {
        const error = new Error('The form could not be read') as Error & { statusCode: number }
        error.statusCode = 400
        throw error
      }
      const fields: Record<string, string | string[]> = {}
      const files: UploadedFile[] = []
      for (const [name, value] of form) {
        if (typeof value === 'string') {
          const existing = fields[name]
          fields[name] =
            existing === undefined
              ? value
              : Array.isArray(existing)
                ? [...existing, value]
                : [existing, value]
        } else if (value.name !== '' || value.size > 0) {
          files.push({
            field: name,
            filename: value.name,
            claimedType: value.type,
            content: Buffer.from(await value.arrayBuffer()),
          })
        }
      }
      Object.defineProperty(fields, FILES, { value: files, enumerable: false })
      return fields
    },
  )
}

/** The file sent in a field of a multipart form, if any. */
export function uploadedFile(body: unknown, field: string): UploadedFile | null {
  const files = (body as { [FILES]?: UploadedFile[] } | null)?.[FILES] ?? []
  return files.find((f) => f.field === field) ?? null
}

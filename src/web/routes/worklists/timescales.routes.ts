import type { FastifyInstance } from 'fastify'
import { ConflictError, ValidationError } from '../../../services/errors.ts'
import {
  AREA_LABELS,
  changeSetting,
  describeRules,
  listSettings,
  settingHistory,
  unitWords,
} from '../../../services/settings.ts'
import { forgetOverdueCounts } from '../../../services/worklists.ts'
import { errorSummary, type FieldErrors, textField } from '../../forms.ts'

export async function timescalesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get('/timescales', { config: { permission: 'home:view' } }, async (request, reply) => {
    const rules = describeRules(await listSettings(db))
    const areas = [...new Set(rules.map((r) => r.area))].map((area) => ({
      area,
      label: AREA_LABELS[area],
      rules: rules.filter((r) => r.area === area),
    }))
    return reply.view('pages/worklists/timescales.njk', {
      title: 'Timescales',
      areas,
      canManageSettings: request.user!.roles.includes('administrator'),
    })
  })

  const settingsPage = async (extra: Record<string, unknown> = {}) => {
    const [settings, history] = await Promise.all([listSettings(db), settingHistory(db)])
    return {
      title: 'Local timescale settings',
      settings: settings.map((s) => ({ ...s, unitWords: unitWords(s.unit) })),
      history,
      values: {} as Record<string, { value: string; reason: string }>,
      ...extra,
    }
  }

  app.get(
    '/admin/timescale-settings',
    { config: { permission: 'settings:manage' } },
    async (request, reply) => {
      const settings = await settingsPage()
      const changed = textField(request.query, 'changed')
      return reply.view('pages/worklists/settings.njk', {
        ...settings,
        changed: settings.settings.find((s) => s.key === changed) ?? null,
      })
    },
  )

  app.post(
    '/admin/timescale-settings/:key',
    { config: { permission: 'settings:manage' } },
    async (request, reply) => {
      const key = (request.params as { key: string }).key
      const typed = { value: textField(request.body, 'value'), reason: textField(request.body, 'reason') }
      const version = Number(textField(request.body, 'version'))
      try {
        await changeSetting(db, request.actor(), key, {
          value: typed.value,
          reason: typed.reason,
          version: Number.isInteger(version) && version >= 0 ? version : -1,
        })
        forgetOverdueCounts(db)
        return reply.redirect(`/admin/timescale-settings?changed=${encodeURIComponent(key)}`, 303)
      } catch (error) {
        if (error instanceof ValidationError) {
          // Each setting has its own form: the fields are named after the setting.
          const errors: FieldErrors = Object.fromEntries(
            Object.entries(error.fields).map(([field, message]) => [`${key}-${field}`, message]),
          )
          reply.code(400)
          return reply.view(
            'pages/worklists/settings.njk',
            await settingsPage({ errors, errorList: errorSummary(errors), values: { [key]: typed } }),
          )
        }
        if (error instanceof ConflictError) {
          reply.code(409)
          return reply.view(
            'pages/worklists/settings.njk',
            await settingsPage({
              conflict: { key, message: error.message, changes: error.changes },
              values: { [key]: typed },
            }),
          )
        }
        throw error
      }
    },
  )
}

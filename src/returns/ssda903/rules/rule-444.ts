import { at, defineRule, present } from './helpers.ts'

// Compares children, so it runs once over the whole return. UN codes are not UPNs and may repeat.
export const rule444 = defineRule({ code: '444', table: 'Header', scope: 'return' }, (t, _ctx, report) => {
  const seen = new Map<string, number[]>()
  t.Header.forEach((h, i) => {
    if (!present(h.UPN) || /^UN\d$/.test(h.UPN)) return
    const rows = seen.get(h.UPN)
    if (rows) rows.push(i)
    else seen.set(h.UPN, [i])
  })
  for (const rows of seen.values()) if (rows.length > 1) for (const i of rows) report(at('Header', i, 'UPN'))
})

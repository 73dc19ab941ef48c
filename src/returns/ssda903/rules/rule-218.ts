import { blank, defineRule, NOT_OFSTED_REGISTERED, present, rowRule, SHORT_BREAKS } from './helpers.ts'

// Placements not registered with Ofsted (Z1 to 2024-25, Z11-Z14 from 2025-26).
const NOT_REGISTERED: ReadonlySet<string> = new Set([...NOT_OFSTED_REGISTERED, 'Z11', 'Z12', 'Z13', 'Z14'])

// Every other placement open in the year needs its URN. The validator also exempts placements outside England
// by PL_LA, which the DfE derives from the postcode and is not in the files: Hearth asks for XXXXXXX there. Short
// breaks are exempt too, as rule 214 asks that they return no URN.
export const rule218 = defineRule(
  { code: '218', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['URN'],
    (r, ctx) =>
      blank(r.URN) &&
      present(r.PLACE) &&
      !NOT_REGISTERED.has(r.PLACE) &&
      !SHORT_BREAKS.has(r.LS ?? '') &&
      (r.DEC === null || r.DEC >= ctx.collectionStart),
  ),
)

// Unique Pupil Number checks shared by the CIN census and SSDA903 rules (DfE UPN guide 1.2).

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** The check letter for a UPN whose characters 2-13 are digits, or null when it cannot be computed. */
export function upnCheckLetter(upn: string): string | null {
  if (upn.length !== 13 || !/^\d{12}$/.test(upn.slice(1))) return null
  let sum = 0
  for (let i = 1; i < 13; i++) sum += Number(upn[i]) * (i + 1)
  return CHECK_LETTERS[sum % 23] ?? null
}

/** Character 13: a digit or a letter other than I, O and S. */
export function isValidUpnLastCharacter(ch: string): boolean {
  return /^[0-9A-HJ-NP-RT-Z]$/.test(ch)
}

function range(from: number, to: number): string[] {
  const out: string[] = []
  for (let n = from; n <= to; n++) out.push(String(n).padStart(3, '0'))
  return out
}

// Post-April-1998 LA codes and pseudo-LA codes accepted as UPN characters 2-4 by rule 1530.
const LA_CODES_2022_23: readonly string[] = [
  ...range(1, 5),
  ...range(201, 213),
  ...range(301, 320),
  ...range(330, 336),
  ...range(340, 344),
  ...range(350, 359),
  ...range(370, 373),
  ...range(380, 384),
  ...range(390, 394),
  '420',
  ...range(660, 681),
  ...range(701, 708),
  ...range(800, 803),
  ...range(805, 808),
  ...range(810, 813),
  '815',
  '816',
  ...range(820, 823),
  '825',
  '826',
  '830',
  '831',
  ...range(835, 839),
  '840',
  '841',
  '845',
  '846',
  ...range(850, 852),
  ...range(855, 857),
  '860',
  '861',
  ...range(865, 896),
  '908',
  '909',
  '916',
  '919',
  '921',
  '925',
  '926',
  '928',
  '929',
  '931',
  '933',
  ...range(935, 938),
  '940',
  '941',
]

/** 2023-24 added 942 and 943 (the Cumberland and Westmorland and Furness reorganisation). */
export const UPN_LA_CODES_FROM_2023_24: ReadonlySet<string> = new Set([...LA_CODES_2022_23, '942', '943'])
export const UPN_LA_CODES_2022_23: ReadonlySet<string> = new Set(LA_CODES_2022_23)

// UK postcode format (BS 7666). Checks shape only; whether a postcode exists needs the PAF or ONSPD.
// Positional letter rules as published with BS 7666 / the Cabinet Office data standard:
//   1st letter never Q, V, X; 2nd letter never I, J, Z;
//   3rd-position letter (A9A) only A B C D E F G H J K P S T U W;
//   4th-position letter (AA9A) only A B E H M N P R V W X Y;
//   inward letters never C I K M O V.

const OUTWARD =
  '(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])'
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}'
const CANONICAL = new RegExp(`^(?:${OUTWARD} ${INWARD}|GIR 0AA)$`)

/**
 * Canonical form (upper case, one space before the 3-character inward code) if `s` is a valid postcode
 * in any case and spacing, otherwise null.
 */
export function normalisePostcode(s: string): string | null {
  const compact = s.replace(/\s+/g, '').toUpperCase()
  if (compact.length < 5 || compact.length > 7) return null
  const candidate = `${compact.slice(0, -3)} ${compact.slice(-3)}`
  return CANONICAL.test(candidate) ? candidate : null
}

export interface PostcodeOptions {
  /** Require the canonical form exactly (upper case, single space), e.g. for stored values. */
  strict?: boolean
}

export function isValidPostcode(s: string, options: PostcodeOptions = {}): boolean {
  return options.strict ? CANONICAL.test(s) : normalisePostcode(s) !== null
}

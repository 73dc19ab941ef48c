// Rebuilds src/domain/calendar/bank-holidays.json (England and Wales, 2012-2035).
//
//   node scripts/refresh-bank-holidays.ts                 fetch gov.uk, fall back to the rules
//   node scripts/refresh-bank-holidays.ts --offline       rules only
//   node scripts/refresh-bank-holidays.ts --feed FILE     merge a saved copy of bank-holidays.json
//   ... --out FILE                                         write somewhere else (e.g. to diff)
//
// Years the gov.uk feed covers in full are taken from the feed (it is the canonical list and includes
// proclaimed one-off days); other years are computed from the rules in bank-holiday-rules.ts.
// Hearth never fetches this at run time: the app imports the committed JSON.

import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type BankHoliday, computeBankHolidays, DIVISION } from '../src/domain/calendar/bank-holiday-rules.ts'
import { isIsoDate } from '../src/domain/calendar/iso-date.ts'

const FEED_URL = 'https://www.gov.uk/bank-holidays.json'
const FIRST_YEAR = 2012
const LAST_YEAR = 2035
const FETCH_TIMEOUT_MS = 5000
const DEFAULT_OUTPUT = join(import.meta.dirname, '..', 'src', 'domain', 'calendar', 'bank-holidays.json')
const RULES_SOURCE =
  'computed from the Banking and Financial Dealings Act 1971 rules with weekend substitute days and the proclaimed one-off changes (src/domain/calendar/bank-holiday-rules.ts)'

interface FeedEvent {
  date: string
  title: string
}

function parseFeed(json: unknown): FeedEvent[] {
  const division = (json as Record<string, { division?: unknown; events?: unknown }> | null)?.[DIVISION]
  if (!division || division.division !== DIVISION || !Array.isArray(division.events)) {
    throw new Error(`feed has no ${DIVISION} division`)
  }
  return division.events.map((e: unknown) => {
    const { date, title, notes } = (e ?? {}) as Record<string, unknown>
    if (!isIsoDate(date) || typeof title !== 'string') throw new Error(`bad feed event ${JSON.stringify(e)}`)
    // The feed marks substitutes in `notes` ("Substitute day"); keep that visible in the title.
    const substitute = typeof notes === 'string' && /substitute/i.test(notes) && !/substitute/i.test(title)
    return { date, title: substitute ? `${title.trim()} (substitute day)` : title.trim() }
  })
}

async function loadFeed(args: string[]): Promise<{ events: FeedEvent[]; from: string } | null> {
  if (args.includes('--offline')) return null
  const fileIndex = args.indexOf('--feed')
  try {
    if (fileIndex >= 0) {
      const file = args[fileIndex + 1]
      if (!file) throw new Error('--feed needs a file path')
      return { events: parseFeed(JSON.parse(await readFile(file, 'utf8'))), from: `${FEED_URL} (saved copy)` }
    }
    const response = await fetch(FEED_URL, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return { events: parseFeed(await response.json()), from: FEED_URL }
  } catch (error) {
    console.warn(`gov.uk feed unavailable (${(error as Error).message}); computing every year from the rules`)
    return null
  }
}

function yearRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const outIndex = args.indexOf('--out')
  const output = outIndex >= 0 ? args[outIndex + 1] : DEFAULT_OUTPUT
  if (!output) throw new Error('--out needs a file path')
  const feed = await loadFeed(args)
  const feedYears: number[] = []
  const dates: BankHoliday[] = []
  for (const year of yearRange(FIRST_YEAR, LAST_YEAR)) {
    const computed = computeBankHolidays(year)
    const fromFeed = feed?.events.filter((e) => e.date.startsWith(`${year}-`)) ?? []
    // A year with fewer than the regular 8 events is a partial year at the edge of the feed.
    if (fromFeed.length < 8) {
      dates.push(...computed)
      continue
    }
    feedYears.push(year)
    dates.push(...fromFeed.map(({ date, title }) => ({ date, title })))
    const feedDates = new Set(fromFeed.map((e) => e.date))
    const computedDates = new Set(computed.map((e) => e.date))
    const missing = computed.filter((e) => !feedDates.has(e.date)).map((e) => e.date)
    const extra = fromFeed.filter((e) => !computedDates.has(e.date)).map((e) => `${e.date} ${e.title}`)
    if (missing.length || extra.length) {
      // Usually a newly proclaimed day: record it in ONE_OFF_CHANGES so later years stay right.
      console.warn(`${year}: feed differs from rules; not in feed: [${missing}], only in feed: [${extra}]`)
    }
  }
  dates.sort((a, b) => a.date.localeCompare(b.date))

  const first = feedYears[0]
  const last = feedYears.at(-1)
  const source =
    feed && first !== undefined && last !== undefined
      ? `${feed.from} (${DIVISION}) for ${first}-${last}; other years ${RULES_SOURCE}`
      : `${RULES_SOURCE}; ${FEED_URL} was not reachable when generated`
  const file = { division: DIVISION, source, generated: new Date().toISOString().slice(0, 10), dates }
  await writeFile(output, `${JSON.stringify(file, null, 2)}\n`)
  console.log(
    `wrote ${dates.length} bank holidays for ${FIRST_YEAR}-${LAST_YEAR} to ${output} (${feedYears.length} years from the feed)`,
  )
}

await main()

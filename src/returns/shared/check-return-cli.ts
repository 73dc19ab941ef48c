import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { checkCinCensus, compareRuleCodes, rulesFor } from '../cin-census/check.ts'
import { CinCensusReadError, readCinCensusXml } from '../cin-census/read-xml.ts'
import type { Issue } from '../cin-census/types.ts'
import {
  COLLECTION_YEARS,
  type CollectionYear,
  CURRENT_COLLECTION_YEAR,
  isCollectionYear,
} from './collection-year.ts'

// The `check-return` command: checks a return file against the DfE validation rules.
// Exit codes: 0 no errors (queries allowed), 1 errors found, 2 bad usage or an unreadable file.

export const USAGE = `Usage: check-return <return-type> <file> [--year YYYY-YY] [--json]

Return types:
  cin-census   Children in need census XML

Options:
  --year YYYY-YY  Collection year whose rules to apply (${COLLECTION_YEARS.join(', ')}; default ${CURRENT_COLLECTION_YEAR})
  --json          Print the summary and issues as JSON
  --help          Show this help`

const RETURN_TYPES = ['cin-census'] as const

export interface CliIo {
  out(text: string): void
  err(text: string): void
  readFile(path: string): Uint8Array
}

const nodeIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path),
}

interface Args {
  returnType: string
  file: string
  year: string
  json: boolean
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const positional: string[] = []
  let year = CURRENT_COLLECTION_YEAR as string
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') return 'help'
    if (arg === '--json') json = true
    else if (arg === '--year') {
      const value = argv[++i]
      if (value === undefined) throw new UsageError('--year needs a value, e.g. --year 2025-26')
      year = value
    } else if (arg.startsWith('--year=')) year = arg.slice('--year='.length)
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}`)
    else positional.push(arg)
  }
  if (positional.length === 0) throw new UsageError('Give the return type and the file to check.')
  if (positional.length === 1) throw new UsageError('Give the file to check.')
  if (positional.length > 2) throw new UsageError(`Unexpected argument ${positional[2]}`)
  return { returnType: positional[0] as string, file: positional[1] as string, year, json }
}

interface RuleSummary {
  code: string
  type: 'error' | 'query'
  message: string
  count: number
}

function summarise(issues: readonly Issue[]): RuleSummary[] {
  const byCode = new Map<string, RuleSummary>()
  for (const issue of issues) {
    const entry = byCode.get(issue.code)
    if (entry) entry.count++
    else byCode.set(issue.code, { code: issue.code, type: issue.type, message: issue.message, count: 1 })
  }
  return [...byCode.values()].sort((a, b) => compareRuleCodes(a.code, b.code))
}

function describeIssue(issue: Issue): string {
  const child =
    issue.laChildId ??
    (issue.table === null ? '(whole return)' : issue.table === 'Header' ? '(header)' : '(no LA child ID)')
  const places = issue.locations.map((l) => {
    const ids = Object.entries(l.ids)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
    return `${l.table}[${l.row}] ${l.fields.join('+')}${ids ? ` (${ids})` : ''}`
  })
  const where =
    places.length === 0
      ? ''
      : `  ${places[0]}${places.length > 1 ? `; also ${places.slice(1).join('; ')}` : ''}`
  return `${child}  ${issue.code} ${issue.type}${where}`
}

function checkCinCensusFile(args: Args & { year: CollectionYear }, io: CliIo): number {
  const tables = readCinCensusXml(io.readFile(args.file))
  const issues = checkCinCensus(tables, { collectionYear: args.year })
  const summary = summarise(issues)
  const errors = issues.filter((i) => i.type === 'error').length
  const queries = issues.length - errors
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          returnType: args.returnType,
          file: args.file,
          collectionYear: args.year,
          children: tables.ChildIdentifiers.length,
          rulesChecked: rulesFor(args.year).length,
          errors,
          queries,
          summary,
          issues,
        },
        null,
        2,
      ),
    )
  } else {
    io.out(
      `CIN census ${basename(args.file)}: ${args.year} rules, ${tables.ChildIdentifiers.length} children`,
    )
    io.out(`${errors} error${errors === 1 ? '' : 's'}, ${queries} quer${queries === 1 ? 'y' : 'ies'}`)
    if (summary.length > 0) {
      io.out('\nBy rule:')
      for (const s of summary)
        io.out(`  ${s.code.padEnd(6)} ${s.type.padEnd(5)} ${String(s.count).padStart(6)}  ${s.message}`)
      io.out('\nIssues (by child, then rule):')
      for (const issue of issues) io.out(`  ${describeIssue(issue)}`)
    }
  }
  return errors > 0 ? 1 : 0
}

/** Runs the command with the given arguments (without `node script`); returns the exit code. */
export function runCheckReturn(argv: readonly string[], io: CliIo = nodeIo): number {
  let args: Args | 'help'
  try {
    args = parseArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.err(`${e.message}\n\n${USAGE}`)
    return 2
  }
  if (args === 'help') {
    io.out(USAGE)
    return 0
  }
  if (!(RETURN_TYPES as readonly string[]).includes(args.returnType)) {
    io.err(`Unknown return type "${args.returnType}". Supported return types: ${RETURN_TYPES.join(', ')}.`)
    return 2
  }
  const year = args.year
  if (!isCollectionYear(year)) {
    io.err(
      `Unsupported collection year "${year}" for ${args.returnType}. Supported years: ${COLLECTION_YEARS.join(', ')}.`,
    )
    return 2
  }
  try {
    return checkCinCensusFile({ ...args, year }, io)
  } catch (e) {
    if (e instanceof CinCensusReadError) {
      io.err(`Cannot read ${args.file}: ${e.message}`)
      return 2
    }
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR') {
      io.err(`File not found: ${args.file}`)
      return 2
    }
    throw e
  }
}

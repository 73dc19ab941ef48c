import { type SQL, sql } from 'drizzle-orm'
import { type DbOrTx, queryRows } from '../../db/client.ts'
import type { IsoDate } from '../../domain/calendar/iso-date.ts'
import type { AnnexAPeriod } from './period.ts'
import { type AnnexAColumn, codeMap } from './spec.ts'

// What every list shares: the child's identity columns, disability, the allocated team and worker, the
// Annex A spellings of yes and no, and reading a list page by page so memory stays flat however large
// the authority.

/** A cell as a list produces it: text, a whole number, an ISO date (in date columns) or blank. */
export type Cell = string | number | null

export type AnnexARow<N extends readonly string[]> = Record<N[number], Cell>

export interface AnnexAList {
  sheet: string
  title: string
  columns: readonly AnnexAColumn[]
  /**
   * Columns Hearth holds no data for (see README.md): always blank, so a blank there is not reported as
   * a gap in the record.
   */
  notHeld: readonly string[]
  /** Category columns whose allowed values are codes besides a free answer (LA of Placement: an authority). */
  openCategories?: readonly string[]
  /** `sealed`: the children whose records are sealed, from `sealedPeople`. */
  rows(db: DbOrTx, period: AnnexAPeriod, sealed: SQL): AsyncIterable<Record<string, Cell>>
}

export const YES = 'a) Yes'
export const NO = 'b) No'
export const UNKNOWN = 'c) Unknown'

export const yesNo = (value: boolean | null | undefined): string | null =>
  value === true ? YES : value === false ? NO : null

const GENDER: Record<string, string> = { M: 'a) Male', F: 'b) Female' }
const ETHNICITY = codeMap('List 1', 'Ethnicity')

/** The child's own columns, common to lists 1–10. */
export interface PersonFields {
  child_id: number
  sex: string | null
  ethnicity: string | null
  dob: string | null
  age: number | null
}

/**
 * Sex M/F as Annex A's gender; U (not known or indeterminate) or nothing recorded is "Not stated/recorded".
 * Ethnicity by its DfE code; none recorded is NOBT, "information not yet obtained".
 */
export function personCells(p: PersonFields) {
  return {
    'Child Unique ID': String(p.child_id),
    Gender: GENDER[p.sex ?? ''] ?? 'c) Not stated/recorded',
    Ethnicity: p.ethnicity ? (ETHNICITY.get(p.ethnicity) ?? p.ethnicity) : 's) NOBT',
    'Date of Birth': p.dob,
    'Age of Child (Years)': p.age,
  }
}

/** Selects PersonFields from `person p`, the age in whole years on the inspection date. */
export function personSql(end: IsoDate): SQL {
  return sql`p.id as child_id, p.sex, p.ethnicity, p.date_of_birth::text as dob,
    case when p.date_of_birth <= ${end}::date then date_part('year', age(${end}::date, p.date_of_birth))::int end as age`
}

/**
 * Disability from the child's DfE disability codes: any code but NONE is yes, only NONE is no, and none
 * recorded is unknown.
 */
export const disabilitySql = sql`(select case when count(*) = 0 then null else bool_or(d.code <> 'NONE') end
  from person_disability d where d.person_id = p.id) as disabled`

export const disabilityCell = (disabled: boolean | null) => yesNo(disabled) ?? UNKNOWN

/** Records whose access is sealed (adoption) stay out of every list but list 10. */
export const notSealed = sql`p.access_restriction <> 'sealed'`

/**
 * The children whose records are sealed, as an int[] parameter: read once per workbook so that each list
 * can leave them out without reading every person (few records are sealed; `person` is large).
 */
export async function sealedPeople(db: DbOrTx): Promise<SQL> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from person where access_restriction = 'sealed'`,
  )
  return idArray(rows.map((r) => r.id))
}

/** `column` (a child's id) is not one of the sealed records. */
export const notSealedIn = (column: SQL, sealed: SQL): SQL => sql`not (${column} = any(${sealed}))`

export interface AllocationFields {
  team: string | null
  worker: string | null
}

/**
 * Joins `alias.team` and `alias.worker`: the child's allocation of `kind` on the inspection date, or, when
 * none is open then, the last one before it (the team and worker who held the case when it closed).
 * `people` are the batch's children (`Batch.people`): their allocations are chosen in one pass and joined
 * by child. A lateral lookup per row cost 15–80 µs a row (the planner, expecting one row where a batch
 * has thousands, rebuilt a hash of every worker for each), most of a list's query time.
 */
export function allocationJoin(kind: string, end: IsoDate, alias: string, people: SQL): SQL {
  const a = sql.raw(alias)
  // The allocation is chosen first, from allocations alone; only the chosen one is joined to its team and
  // worker (joining every candidate and sorting the wider rows cost a third more).
  return sql`left join (
    select a.person_id, t.name as team,
      nullif(trim(coalesce(w.given_name, '') || ' ' || coalesce(w.family_name, '')), '') as worker
    from (
      select distinct on (a.person_id) a.person_id, a.team_id, a.worker_id from allocation a
      where a.person_id = any(${people}) and a.kind = ${kind} and a.started_on <= ${end}::date
      order by a.person_id, (a.ended_on is null or a.ended_on >= ${end}::date) desc, a.ended_on desc nulls first,
        a.started_on desc, a.id desc
    ) a join team t on t.id = a.team_id left join worker w on w.id = a.worker_id
  ) ${a} on ${a}.person_id = p.id`
}

/** A date only when it falls on or before the inspection date: later entries are not yet history. */
export const upTo = (date: string | null, end: IsoDate): string | null => (date && date <= end ? date : null)

export const BATCH_SIZE = 5_000
/** Batches being read from the database while the rows before them are written. */
const READ_AHEAD = 2

/** An SQL int[] of ids, one parameter however many ids. */
export const idArray = (ids: readonly number[]): SQL => sql`${`{${ids.join(',')}}`}::int[]`

/** The ids of one batch of a list's rows and of the children they are about, as SQL int[] parameters. */
export interface Batch {
  ids: SQL
  people: SQL
}

/**
 * Reads a list in two steps, as the CIN census export does: first the ids of its rows and their children,
 * in the list's order (one query that applies the list's scope), then the rows themselves a batch at a
 * time, each batch one set-based query (`where x.id = any(ids) and p.id = any(people)`, so every table is
 * reached by its index) in the same order. Only the ids of a list and a few batches of rows are in memory.
 */
export async function* batched<T>(db: DbOrTx, keys: SQL, batch: (b: Batch) => SQL): AsyncGenerator<T> {
  const all = await queryRows<{ id: number; person_id: number }>(db, keys)
  yield* readingAhead(all, (slice) =>
    queryRows<T>(
      db,
      batch({
        ids: idArray(slice.map((r) => r.id)),
        people: idArray([...new Set(slice.map((r) => r.person_id))]),
      }),
    ),
  )
}

/**
 * For a list whose scope query can carry all of its own columns (List 1: a contact's date and source): the
 * list's rows in order, each with its child's row from `people` (one query a batch, for the batch's
 * children), so nothing is read twice. `people(ids)` selects rows with `child_id` for children `ids`.
 */
export async function* withPeople<K extends { person_id: number }, P extends { child_id: number }>(
  db: DbOrTx,
  keys: SQL,
  people: (ids: SQL) => SQL,
): AsyncGenerator<[K, P]> {
  const all = await queryRows<K>(db, keys)
  yield* readingAhead(all, async (slice) => {
    const found = await queryRows<P>(db, people(idArray([...new Set(slice.map((r) => r.person_id))])))
    const byId = new Map(found.map((p) => [p.child_id, p]))
    return slice.flatMap((key): [K, P][] => {
      const person = byId.get(key.person_id)
      return person ? [[key, person]] : []
    })
  })
}

/**
 * Yields the rows of `all` a batch at a time as `load` makes them. The next batches are read while this one
 * is written: the database works on two at once (a core each on a quiet machine) while Node writes, so at
 * most three batches are in memory.
 */
async function* readingAhead<K, T>(all: readonly K[], load: (slice: readonly K[]) => Promise<T[]>) {
  const pending: Promise<T[]>[] = []
  let next = 0
  const readAhead = () => {
    for (; pending.length < READ_AHEAD && next < all.length; next += BATCH_SIZE) {
      const rows = load(all.slice(next, next + BATCH_SIZE))
      // A failed read-ahead surfaces when it is awaited, not as an unhandled rejection meanwhile.
      rows.catch(() => {})
      pending.push(rows)
    }
  }
  readAhead()
  for (let rows = pending.shift(); rows; rows = pending.shift()) {
    const batch = await rows
    readAhead()
    yield* batch
  }
}

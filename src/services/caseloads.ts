import { and, asc, eq, isNull } from 'drizzle-orm'
import type { CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import type { DbOrTx } from '../db/client.ts'
import { allocation, person } from '../db/schema/index.ts'

/** The children currently allocated to the user as their worker (any allocation kind). */
export async function myCaseload(db: DbOrTx, user: CurrentUser) {
  if (user.workerId === null) return []
  return db
    .selectDistinct({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      kind: allocation.kind,
      since: allocation.startedOn,
    })
    .from(allocation)
    .innerJoin(person, eq(person.id, allocation.personId))
    .where(
      and(eq(allocation.workerId, user.workerId), isNull(allocation.endedOn), visiblePersonCondition(user)),
    )
    .orderBy(asc(person.familyName), asc(person.givenName))
}

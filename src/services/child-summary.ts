import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import {
  allocation,
  plan,
  planAction,
  professionalContact,
  referral,
  team,
  visit,
  worker,
} from '../db/schema/index.ts'
import { openCareProceedingsSummary } from './looked-after/care-proceedings.ts'

const PLAN_LABELS: Record<string, string> = {
  'early-help': 'Early help plan',
  'child-in-need': 'Child in need plan',
  'child-protection': 'Child protection plan',
  care: 'Care plan',
  pathway: 'Pathway plan',
}

/**
 * The child's page in one read: current plan and its next review, the last visit and when the child was
 * last seen alone, open actions, the team around the child, and care proceedings while they are open (with
 * the 26-week date). Everything is derived from the record.
 */
export async function childSummary(db: DbOrTx, personId: number) {
  const [currentPlans, lastVisit, lastSeenAlone, openActions, team_, professionals, openReferral, cp] =
    await Promise.all([
      db
        .select({
          id: plan.id,
          kind: plan.kind,
          startDate: plan.startDate,
          nextReviewDue: plan.nextReviewDue,
          version: plan.version,
        })
        .from(plan)
        .where(and(eq(plan.personId, personId), isNull(plan.endDate)))
        .orderBy(desc(plan.startDate)),
      db
        .select({
          visitedOn: visit.visitedOn,
          childSeen: visit.childSeen,
          childSeenAlone: visit.childSeenAlone,
        })
        .from(visit)
        .where(eq(visit.personId, personId))
        .orderBy(desc(visit.visitedOn))
        .limit(1),
      db
        .select({ visitedOn: visit.visitedOn })
        .from(visit)
        .where(and(eq(visit.personId, personId), eq(visit.childSeenAlone, true)))
        .orderBy(desc(visit.visitedOn))
        .limit(1),
      db
        .select({
          id: planAction.id,
          description: planAction.description,
          owner: planAction.ownerDescription,
          dueDate: planAction.dueDate,
          overdue: sql<boolean>`${planAction.dueDate} < current_date`,
        })
        .from(planAction)
        .innerJoin(plan, eq(plan.id, planAction.planId))
        .where(and(eq(plan.personId, personId), isNull(plan.endDate), eq(planAction.status, 'open')))
        .orderBy(asc(planAction.dueDate)),
      db
        .select({
          kind: allocation.kind,
          since: allocation.startedOn,
          teamName: team.name,
          workerName: sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`,
          employmentType: worker.employmentType,
        })
        .from(allocation)
        .innerJoin(team, eq(team.id, allocation.teamId))
        .leftJoin(worker, eq(worker.id, allocation.workerId))
        .where(and(eq(allocation.personId, personId), isNull(allocation.endedOn)))
        .orderBy(asc(allocation.kind)),
      db
        .select({
          agency: professionalContact.agency,
          organisation: professionalContact.organisation,
          name: professionalContact.name,
          engagement: professionalContact.engagement,
        })
        .from(professionalContact)
        .where(and(eq(professionalContact.personId, personId), isNull(professionalContact.endedOn)))
        .orderBy(asc(professionalContact.agency)),
      db
        .select({
          id: referral.id,
          referralDate: referral.referralDate,
          primaryNeed: referral.primaryNeed,
          closureProposedOn: referral.closureProposedOn,
        })
        .from(referral)
        .where(and(eq(referral.personId, personId), isNull(referral.closureDate)))
        .orderBy(desc(referral.referralDate))
        .limit(1),
      openCareProceedingsSummary(db, personId),
    ])
  return {
    currentPlans: currentPlans.map((p) => ({ ...p, label: PLAN_LABELS[p.kind] ?? p.kind })),
    lastVisit: lastVisit[0] ?? null,
    lastSeenAlone: lastSeenAlone[0]?.visitedOn ?? null,
    openActions,
    team: team_,
    professionals,
    openReferral: openReferral[0] ?? null,
    careProceedings: cp,
  }
}

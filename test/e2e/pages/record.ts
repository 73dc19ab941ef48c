// Steps on a child's record that more than one browser test takes, written once: opening a section of the
// record found through "Find a child", and recording a visit.
import type { Page } from 'playwright-core'
import { choose, fill, fillDate, findChild, openSection, type PageCheck, press } from './forms.ts'

/** Finds the child through "Find a child" (by name or Hearth ID) and opens a section of their record. */
export async function openRecord(
  page: Page,
  search: string,
  personId: number,
  section: string,
): Promise<void> {
  await findChild(page, search, personId)
  await openSection(page, section)
}

export interface VisitDetails {
  date: string
  wishesAndFeelings: string
  /** Left unanswered when not given. */
  directWorkTool?: string
  sawAndHeard: string
  analysis: string
}

/**
 * From the child's Visits section: records a child protection visit where the child was seen, alone, and
 * their bedroom seen. The filled form is checked with `check` as 'record a visit'; it ends on the saved visit.
 */
export async function recordVisit(page: Page, visit: VisitDetails, check: PageCheck): Promise<void> {
  await press(page, 'Record a visit')
  await fillDate(page, 'Date of the visit', visit.date)
  await choose(page, 'Kind of visit', 'Child protection visit')
  await choose(page, 'Was the child seen?', 'Yes')
  await choose(page, 'Was the child seen alone?', 'Yes')
  await choose(page, "Was the child's bedroom seen?", 'Yes')
  await fill(page, "The child's wishes and feelings", visit.wishesAndFeelings)
  if (visit.directWorkTool) await choose(page, 'Direct-work tool used (optional)', visit.directWorkTool)
  await fill(page, 'What you saw and heard', visit.sawAndHeard)
  await fill(page, 'Your analysis', visit.analysis)
  await check(page, 'record a visit')
  await press(page, 'Save visit')
}

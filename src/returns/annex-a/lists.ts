import type { AnnexAList } from './common.ts'
import { list1 } from './list-01-contacts.ts'
import { list2 } from './list-02-early-help.ts'
import { list3 } from './list-03-referrals.ts'
import { list4 } from './list-04-assessments.ts'
import { list5 } from './list-05-section-47.ts'
import { list6 } from './list-06-children-in-need.ts'
import { list7 } from './list-07-child-protection.ts'
import { list8 } from './list-08-children-in-care.ts'
import { list9 } from './list-09-care-leavers.ts'
import { list10 } from './list-10-adoption.ts'
import { list11 } from './list-11-adopters.ts'

/** The eleven lists, in workbook order. */
export const ANNEX_A: readonly AnnexAList[] = [
  list1,
  list2,
  list3,
  list4,
  list5,
  list6,
  list7,
  list8,
  list9,
  list10,
  list11,
]

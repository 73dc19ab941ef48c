import { yearsFrom } from '../../shared/collection-year.ts'
import { defineRule, rowRule } from './helpers.ts'

// (The validator compares the whole list of factors with '19A', so it never fires.)
export const rule8950Q = defineRule(
  {
    code: '8950Q',
    type: 'query',
    table: 'Assessments',
    affectedFields: ['AssessmentFactors'],
    message:
      "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    years: yearsFrom('2024-25'),
  },
  rowRule('Assessments', ['AssessmentFactors'], (r) =>
    (r.AssessmentFactors ?? []).some((c) => c.toUpperCase() === '19A'),
  ),
)

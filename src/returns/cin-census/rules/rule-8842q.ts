import { defineRule, rowRule } from './helpers.ts'

// An empty or unreadable <CPPreviewDate>.
export const rule8842Q = defineRule(
  {
    code: '8842Q',
    type: 'query',
    table: 'Reviews',
    affectedFields: ['CPPreviewDate'],
    message: 'Please check and either amend or provide a reason: Review Record has a missing date',
  },
  rowRule('Reviews', ['CPPreviewDate'], (r) => r.CPPreviewDate === null),
)

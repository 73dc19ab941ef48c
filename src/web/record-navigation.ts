// The sections of a child's record, in the order practice happens. Each area's routes live in
// web/routes/<area>/ and its pages under views/pages/<area>/.
export const RECORD_SECTIONS = [
  { key: 'summary', text: 'Summary', path: '' },
  { key: 'details', text: 'Personal details', path: '/details' },
  { key: 'family', text: 'Family and network', path: '/family' },
  { key: 'front-door', text: 'Contacts and referrals', path: '/contacts' },
  { key: 'assessments', text: 'Assessments', path: '/assessments' },
  { key: 'child-protection', text: 'Child protection', path: '/child-protection' },
  { key: 'plans', text: 'Plans', path: '/plans' },
  { key: 'looked-after', text: 'Child in care', path: '/looked-after' },
  { key: 'care-proceedings', text: 'Care proceedings', path: '/care-proceedings' },
  { key: 'lac-reviews', text: 'Reviews and IRO', path: '/looked-after/reviews' },
  { key: 'health-education', text: 'Health and education', path: '/health-education' },
  { key: 'missing', text: 'Missing episodes', path: '/missing' },
  { key: 'permanence', text: 'Permanence', path: '/permanence' },
  { key: 'adoption', text: 'Adoption', path: '/adoption' },
  { key: 'care-leaver', text: 'Leaving care', path: '/care-leaver' },
  { key: 'visits', text: 'Visits', path: '/visits' },
  { key: 'notes', text: 'Notes and documents', path: '/notes' },
  { key: 'chronology', text: 'Chronology', path: '/chronology' },
  { key: 'oversight', text: 'Management oversight', path: '/oversight' },
  { key: 'allocation', text: 'Allocation and closure', path: '/allocation' },
] as const

export type RecordSection = (typeof RECORD_SECTIONS)[number]['key']

export function recordNavigation(personId: number, current: RecordSection) {
  return RECORD_SECTIONS.map((s) => ({
    text: s.text,
    href: `/children/${personId}${s.path}`,
    current: s.key === current,
  }))
}

import type { Role } from '../src/auth/roles.ts'
import type { TeamKind } from '../src/db/schema/index.ts'

/** Shared password of the demonstration accounts. Demo data only: never use Hearth like this for real. */
export const DEMO_PASSWORD = 'hearth-demo'

export interface DemoUser {
  username: string
  role: Role
  label: string
  /** The kind of team whose first matching worker signs in as this user; none for the administrator. */
  teamKind: TeamKind | null
  /** Which worker in that team: its manager, or a case-holding practitioner. */
  position: 'manager' | 'practitioner' | 'head-of-service' | 'director' | null
}

// One sign-in per role, listed in the README and printed at start.
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'frontdoor',
    role: 'front-door-worker',
    label: 'Front door (MASH) worker',
    teamKind: 'front-door',
    position: 'practitioner',
  },
  {
    username: 'socialworker',
    role: 'social-worker',
    label: 'Social worker, Support and Protect',
    teamKind: 'support-and-protect',
    position: 'practitioner',
  },
  {
    username: 'teammanager',
    role: 'team-manager',
    label: 'Team manager, Support and Protect',
    teamKind: 'support-and-protect',
    position: 'manager',
  },
  {
    username: 'servicemanager',
    role: 'service-manager',
    label: 'Head of service, Safeguarding',
    teamKind: 'support-and-protect',
    position: 'head-of-service',
  },
  {
    username: 'adoption',
    role: 'team-manager',
    label: 'Team manager, Permanence and Adoption (sees sealed adoption records)',
    teamKind: 'permanence-and-adoption',
    position: 'manager',
  },
  {
    username: 'iro',
    role: 'cp-chair-iro',
    label: 'Child protection chair and IRO',
    teamKind: 'independent-reviewing',
    position: 'practitioner',
  },
  {
    username: 'auditor',
    role: 'auditor',
    label: 'Auditor, Quality Assurance',
    teamKind: 'quality-assurance',
    position: 'practitioner',
  },
  {
    username: 'analyst',
    role: 'performance-analyst',
    label: 'Performance analyst',
    teamKind: 'performance',
    position: 'practitioner',
  },
  {
    username: 'leader',
    role: 'senior-leader',
    label: "Director of children's services",
    teamKind: 'leadership',
    position: 'director',
  },
  { username: 'admin', role: 'administrator', label: 'Hearth administrator', teamKind: null, position: null },
]

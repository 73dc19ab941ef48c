// Roles and what each may do: a resource × action matrix, checked where routes are registered
// (plugins/authorisation.ts), so a handler cannot forget it. Record-level access (which children a user
// may see) is separate: see record-access.ts.

export const ROLES = [
  'front-door-worker',
  'social-worker',
  'team-manager',
  'service-manager',
  'cp-chair-iro',
  'auditor',
  'performance-analyst',
  'senior-leader',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  'front-door-worker': 'Front door (MASH) worker',
  'social-worker': 'Social worker',
  'team-manager': 'Practice or team manager',
  'service-manager': 'Service manager',
  'cp-chair-iro': 'Child protection chair or IRO',
  auditor: 'Auditor',
  'performance-analyst': 'Performance analyst',
  'senior-leader': 'Senior leader',
  administrator: 'Administrator',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

const EVERYONE = ROLES
const PRACTITIONERS = [
  'front-door-worker',
  'social-worker',
  'team-manager',
  'service-manager',
  'cp-chair-iro',
] as const
const MANAGERS = ['team-manager', 'service-manager', 'senior-leader'] as const

/**
 * The matrix. Each key is `resource:action`; the value lists the roles allowed. Adding a route means
 * naming one of these (or adding one here), never writing a role check inside a handler.
 */
export const PERMISSIONS = {
  'home:view': EVERYONE,
  'organisation:view': EVERYONE,
  'child:search': [...PRACTITIONERS, 'auditor', 'senior-leader', 'performance-analyst'],
  'child:view': [...PRACTITIONERS, 'auditor', 'senior-leader', 'performance-analyst'],
  'child:create': ['front-door-worker', 'social-worker', 'team-manager'],
  'child:update': ['front-door-worker', 'social-worker', 'team-manager', 'service-manager', 'cp-chair-iro'],
  'child:authorise': MANAGERS,
  'child:export': ['social-worker', 'team-manager', 'service-manager', 'auditor'],
  'caseload:view': [...MANAGERS, 'administrator'],
  'allocation:manage': ['team-manager', 'service-manager'],
  'worklist:view': PRACTITIONERS,
  /** The front door's list of contacts awaiting a decision. */
  /** Open IRO escalations across the authority: managers must see and answer them. */
  'escalations:view': ['team-manager', 'service-manager', 'cp-chair-iro', 'senior-leader'],
  'front-door:view': ['front-door-worker', 'team-manager', 'service-manager'],
  'team:view': MANAGERS,
  'service:view': ['service-manager', 'senior-leader', 'performance-analyst'],
  'returns:produce': ['performance-analyst', 'administrator'],
  'audit:conduct': ['auditor', 'team-manager', 'service-manager'],
  'access-log:view': ['administrator', 'auditor'],
  'users:manage': ['administrator'],
  'settings:manage': ['administrator'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission]
  return roles.some((role) => allowed.includes(role))
}

/**
 * Roles whose work spans the whole authority, so they may see any child's record that is not restricted
 * or sealed: the front door must see previous contacts for any child; auditors, analysts and senior
 * leaders look across the service. Everyone else sees children by relationship.
 */
export const AUTHORITY_WIDE_ROLES: readonly Role[] = [
  'front-door-worker',
  'auditor',
  'performance-analyst',
  'senior-leader',
]

import type { CurrentUser } from '../auth/current-user.ts'
import { can, type Permission } from '../auth/roles.ts'

interface NavItem {
  text: string
  href: string
  permission: Permission
  /** Other address prefixes that belong to this item (for showing it as the current one). */
  also?: string[]
}

// The service navigation, in the order people use it. An item shows only to roles that may open it.
const ITEMS: NavItem[] = [
  { text: 'Home', href: '/', permission: 'home:view' },
  { text: 'My work', href: '/my-work', permission: 'worklist:view' },
  { text: 'Find a child', href: '/children', permission: 'child:search' },
  { text: 'My team', href: '/my-team', permission: 'team:view', also: ['/teams'] },
  { text: 'My service', href: '/my-service', permission: 'service:view' },
  { text: 'Front door', href: '/front-door', permission: 'front-door:view' },
  { text: 'IRO escalations', href: '/looked-after/escalations', permission: 'escalations:view' },
  { text: 'Adoption', href: '/adoption/timeliness', permission: 'team:view' },
  { text: 'Organisation', href: '/organisation', permission: 'organisation:view' },
  { text: 'Returns', href: '/returns', permission: 'returns:produce' },
  { text: 'Timescales', href: '/timescales', permission: 'home:view', also: ['/admin/timescale-settings'] },
  { text: 'Access log', href: '/admin/access-log', permission: 'access-log:view' },
  { text: 'Users', href: '/admin/users', permission: 'users:manage' },
]

export interface NavigationCounts {
  /** The user's own overdue items, shown as "My work (3)"; null or undefined when not known. */
  overdue?: number | null
}

export function navigationFor(user: CurrentUser | null, currentPath: string, counts: NavigationCounts = {}) {
  if (!user) return []
  return ITEMS.filter((item) => can(user.roles, item.permission)).map((item) => {
    const overdue = item.href === '/my-work' && counts.overdue ? counts.overdue : null
    return {
      text: item.text,
      // The number is read out with what it counts; sighted users see "My work (3)".
      ...(overdue
        ? {
            html: `${item.text} <span aria-hidden="true">(${overdue})</span><span class="govuk-visually-hidden">, ${overdue} overdue</span>`,
          }
        : {}),
      href: item.href,
      active:
        item.href === '/'
          ? currentPath === '/'
          : [item.href, ...(item.also ?? [])].some((prefix) => currentPath.startsWith(prefix)),
    }
  })
}

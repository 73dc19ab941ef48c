import type { CurrentUser } from '../auth/current-user.ts'
import { can, type Permission } from '../auth/roles.ts'

interface NavItem {
  text: string
  href: string
  permission: Permission
}

// The service navigation, in the order people use it. An item shows only to roles that may open it.
const ITEMS: NavItem[] = [
  { text: 'Home', href: '/', permission: 'home:view' },
  { text: 'Find a child', href: '/children', permission: 'child:search' },
  { text: 'My team', href: '/teams', permission: 'team:view' },
  { text: 'Front door', href: '/front-door', permission: 'front-door:view' },
  { text: 'IRO escalations', href: '/looked-after/escalations', permission: 'escalations:view' },
  { text: 'Organisation', href: '/organisation', permission: 'organisation:view' },
  { text: 'Returns', href: '/returns', permission: 'returns:produce' },
  { text: 'Access log', href: '/admin/access-log', permission: 'access-log:view' },
  { text: 'Users', href: '/admin/users', permission: 'users:manage' },
]

export function navigationFor(user: CurrentUser | null, currentPath: string) {
  if (!user) return []
  return ITEMS.filter((item) => can(user.roles, item.permission)).map((item) => ({
    text: item.text,
    href: item.href,
    active: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
  }))
}

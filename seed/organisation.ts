import type { Role } from '../src/auth/roles.ts'
import type { EmploymentType, TeamKind } from '../src/db/schema/index.ts'
import type { Random } from './lib/random.ts'

export type SeedSize = 'demo' | 'mid' | 'large'

/** Makes up a member of staff's name (see lib/names.ts). */
export type StaffNamer = (random: Random) => { givenName: string; familyName: string }

export interface WorkerRow {
  id: number
  teamId: number
  givenName: string
  familyName: string
  jobTitle: string
  employmentType: EmploymentType
  fte: number
  lineManagerId: number | null
  caseHolding: boolean
  asye: boolean
  startedOn: string
  roles: Role[]
}

export interface OrganisationPlan {
  localAuthority: { id: number; name: string; dfeCode: string; onsCode: string }
  services: { id: number; localAuthorityId: number; name: string }[]
  teams: { id: number; serviceId: number; name: string; kind: TeamKind }[]
  workers: WorkerRow[]
}

interface TeamTemplate {
  kind: TeamKind
  name: string
  /** Teams of this kind per area. */
  count: number
  practitioners: number
  practitionerTitle: string
  managerTitle: string
  caseHolding: boolean
  roles: Role[]
  managerRoles: Role[]
}

interface ServiceTemplate {
  name: string
  headTitle: string
  teams: TeamTemplate[]
}

// Sized from ../shared/domain/figures.md: a borough like Trafford has ~90 case-holding social worker FTE
// (1 area below); a county like Kent about six times that (6 areas). Teams of 6–8 under a manager.
const SERVICES: ServiceTemplate[] = [
  {
    name: 'Front Door and Early Help',
    headTitle: 'Head of Service, Front Door and Early Help',
    teams: [
      {
        kind: 'front-door',
        name: 'Front Door (MASH)',
        count: 1,
        practitioners: 7,
        practitionerTitle: 'Social worker',
        managerTitle: 'Team manager',
        caseHolding: true,
        roles: ['front-door-worker'],
        managerRoles: ['team-manager', 'front-door-worker'],
      },
      {
        kind: 'early-help',
        name: 'Families First',
        count: 2,
        practitioners: 7,
        practitionerTitle: 'Family support worker',
        managerTitle: 'Team manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
    ],
  },
  {
    name: 'Safeguarding',
    headTitle: 'Head of Service, Safeguarding',
    teams: [
      {
        kind: 'assessment',
        name: 'Assessment',
        count: 2,
        practitioners: 8,
        practitionerTitle: 'Social worker',
        managerTitle: 'Practice manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
      {
        kind: 'support-and-protect',
        name: 'Support and Protect',
        count: 4,
        practitioners: 8,
        practitionerTitle: 'Social worker',
        managerTitle: 'Practice manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
      {
        kind: 'disabled-children',
        name: 'Children with Additional Needs',
        count: 1,
        practitioners: 6,
        practitionerTitle: 'Social worker',
        managerTitle: 'Team manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
    ],
  },
  {
    name: 'Children in Care and Permanence',
    headTitle: 'Head of Service, Children in Care',
    teams: [
      {
        kind: 'children-in-care',
        name: 'Children in Care',
        count: 3,
        practitioners: 8,
        practitionerTitle: 'Social worker',
        managerTitle: 'Team manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
      {
        kind: 'permanence-and-adoption',
        name: 'Permanence and Adoption',
        count: 1,
        practitioners: 7,
        practitionerTitle: 'Social worker',
        managerTitle: 'Team manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
      {
        kind: 'care-leavers',
        name: 'Care Leavers',
        count: 2,
        practitioners: 7,
        practitionerTitle: 'Personal adviser',
        managerTitle: 'Team manager',
        caseHolding: true,
        roles: ['social-worker'],
        managerRoles: ['team-manager'],
      },
    ],
  },
  {
    name: 'Quality, Performance and Reviewing',
    headTitle: 'Head of Service, Quality and Reviewing',
    teams: [
      {
        kind: 'independent-reviewing',
        name: 'Independent Reviewing and CP Chairs',
        count: 1,
        practitioners: 8,
        practitionerTitle: 'Independent reviewing officer',
        managerTitle: 'IRO service manager',
        caseHolding: false,
        roles: ['cp-chair-iro'],
        managerRoles: ['cp-chair-iro', 'team-manager'],
      },
      {
        kind: 'quality-assurance',
        name: 'Quality Assurance',
        count: 1,
        practitioners: 3,
        practitionerTitle: 'Quality assurance officer',
        managerTitle: 'Quality assurance manager',
        caseHolding: false,
        roles: ['auditor'],
        managerRoles: ['auditor'],
      },
      {
        kind: 'performance',
        name: 'Performance and Intelligence',
        count: 1,
        practitioners: 3,
        practitionerTitle: 'Performance analyst',
        managerTitle: 'Performance manager',
        caseHolding: false,
        roles: ['performance-analyst'],
        managerRoles: ['performance-analyst'],
      },
    ],
  },
]

const AREAS: Record<SeedSize, string[]> = {
  demo: [''],
  mid: [''],
  large: ['North', 'South', 'East', 'West', 'Central', 'Coastal'],
}

// Authority-wide teams are not repeated per area.
const ONCE_PER_AUTHORITY = new Set<TeamKind>(['quality-assurance', 'performance'])

/** The authority's services, teams and staff for a size, deterministic for a seed. */
export function planOrganisation(size: SeedSize, random: Random, staffName: StaffNamer): OrganisationPlan {
  const la =
    size === 'large'
      ? { id: 1, name: 'Hearthshire County Council', dfeCode: '886', onsCode: 'E10000016' }
      : { id: 1, name: 'Hearthborough Council', dfeCode: '358', onsCode: 'E08000009' }
  const services: OrganisationPlan['services'] = []
  const teams: OrganisationPlan['teams'] = []
  const workers: WorkerRow[] = []
  let nextWorkerId = 1
  const start = (r: Random) => r.dateBetween('2008-01-01', '2025-09-30')

  const addWorker = (
    r: Random,
    partial: Omit<WorkerRow, 'id' | 'givenName' | 'familyName' | 'startedOn'>,
  ): WorkerRow => {
    const row: WorkerRow = {
      id: nextWorkerId++,
      ...staffName(r),
      startedOn:
        partial.employmentType === 'permanent' ? start(r) : r.dateBetween('2024-06-01', '2026-09-30'),
      ...partial,
    }
    workers.push(row)
    return row
  }

  const leadershipService = { id: 1, localAuthorityId: la.id, name: "Director's Office" }
  services.push(leadershipService)
  const leadershipTeam = {
    id: 1,
    serviceId: leadershipService.id,
    name: 'Leadership',
    kind: 'leadership' as const,
  }
  teams.push(leadershipTeam)
  const director = addWorker(random.fork('director'), {
    teamId: leadershipTeam.id,
    jobTitle: "Director of Children's Services",
    employmentType: 'permanent',
    fte: 1,
    lineManagerId: null,
    caseHolding: false,
    asye: false,
    roles: ['senior-leader'],
  })

  for (const template of SERVICES) {
    const serviceRow = { id: services.length + 1, localAuthorityId: la.id, name: template.name }
    services.push(serviceRow)
    const r = random.fork(`service:${template.name}`)
    const head = addWorker(r, {
      teamId: 0,
      jobTitle: template.headTitle,
      employmentType: 'permanent',
      fte: 1,
      lineManagerId: director.id,
      caseHolding: false,
      asye: false,
      roles: ['service-manager'],
    })
    for (const teamTemplate of template.teams) {
      const areas = ONCE_PER_AUTHORITY.has(teamTemplate.kind) ? [''] : AREAS[size]
      for (const area of areas) {
        for (let n = 1; n <= teamTemplate.count; n++) {
          const suffix = [area, teamTemplate.count > 1 ? String(n) : ''].filter(Boolean).join(' ')
          const teamRow = {
            id: teams.length + 1,
            serviceId: serviceRow.id,
            name: suffix ? `${teamTemplate.name} ${suffix}` : teamTemplate.name,
            kind: teamTemplate.kind,
          }
          teams.push(teamRow)
          if (head.teamId === 0) head.teamId = teamRow.id
          const tr = random.fork(`team:${teamRow.name}`)
          const manager = addWorker(tr, {
            teamId: teamRow.id,
            jobTitle: teamTemplate.managerTitle,
            employmentType: tr.chance(0.1) ? 'agency' : 'permanent',
            fte: 1,
            lineManagerId: head.id,
            caseHolding: false,
            asye: false,
            roles: teamTemplate.managerRoles,
          })
          const practitioners = teamTemplate.practitioners + tr.int(-1, 1)
          for (let i = 0; i < practitioners; i++) {
            // National picture: ~18% agency, a few students, ~10% newly qualified, some part-time.
            const employmentType = tr.weighted<EmploymentType>([
              ['permanent', 0.78],
              ['agency', 0.18],
              ['student', teamTemplate.caseHolding ? 0.04 : 0],
            ])
            addWorker(tr, {
              teamId: teamRow.id,
              jobTitle:
                employmentType === 'student' ? 'Student social worker' : teamTemplate.practitionerTitle,
              employmentType,
              fte: employmentType === 'permanent' && tr.chance(0.15) ? tr.pick([0.6, 0.8, 0.9]) : 1,
              lineManagerId: manager.id,
              caseHolding: teamTemplate.caseHolding,
              asye: employmentType === 'permanent' && teamTemplate.caseHolding && tr.chance(0.1),
              roles: teamTemplate.roles,
            })
          }
        }
      }
    }
  }
  return { localAuthority: la, services, teams, workers }
}

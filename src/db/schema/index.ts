// The one schema of Hearth. Each area keeps its tables in its own file; migrations are generated from these
// (npm run db:generate) and applied at start.
export * from './audit.ts'
export * from './auth.ts'
export * from './care-proceedings.ts'
export * from './case-record.ts'
export * from './looked-after.ts'
export * from './organisation.ts'
export * from './people.ts'
export * from './person-details.ts'
export * from './plans.ts'
export * from './practice.ts'
export * from './rules.ts'

// Placeholder replaced by the database set-up (see test/support/database.ts).
export default function setup(): void {}

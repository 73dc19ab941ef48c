// Checks a statutory return file against the DfE validation rules, e.g.
//   node scripts/check-return.ts cin-census census.xml --year 2025-26 [--json]
// Exit code 0: no errors (queries allowed); 1: errors found; 2: bad usage or unreadable file.
import { runCheckReturn } from '../src/returns/shared/check-return-cli.ts'

process.exitCode = runCheckReturn(process.argv.slice(2))

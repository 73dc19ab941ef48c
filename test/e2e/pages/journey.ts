// What the long journeys (child-journey, looked-after) share: their steps build on one child, so after a
// step fails the rest are skipped, except the closing accessibility check, which still reports its pages.
import { beforeEach } from 'vitest'

/** Registers the hook: once a step has failed, every later step but an accessibility check is skipped. */
export function stopAfterFirstFailure(): void {
  let failed: string | null = null
  beforeEach(({ skip, task, onTestFailed }) => {
    if (failed && !task.name.includes('accessibility')) skip(`an earlier step failed: ${failed}`)
    onTestFailed(() => {
      failed ??= task.name
    })
  })
}

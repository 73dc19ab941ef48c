// A journey of weeks, walked in a minute: moves "now" for Hearth (which runs in the test's own process, see
// support/server.ts) and for the browser, so each step happens on its own day. Hearth's dates, the database's
// now() (PGlite reads the process clock) and the timestamps in the audit trails and plan versions all follow,
// and a page refuses a future date exactly as it would on that day.
import type { BrowserContext } from 'playwright-core'

const RealDate = globalThis.Date

export class SimulatedClock {
  #offset = 0

  /** Replaces the process's Date with one that runs `offset` ahead of (or behind) the real clock. */
  install(): void {
    const offset = () => this.#offset
    function SimulatedDate(this: unknown, ...args: unknown[]) {
      if (!new.target) return new RealDate(RealDate.now() + offset()).toString()
      return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offset()] : args, new.target)
    }
    // Same prototype: every Date, made before or after, is an instance of both.
    Object.setPrototypeOf(SimulatedDate, RealDate)
    Object.assign(SimulatedDate, { prototype: RealDate.prototype, now: () => RealDate.now() + offset() })
    globalThis.Date = SimulatedDate as unknown as DateConstructor
  }

  uninstall(): void {
    globalThis.Date = RealDate
    this.#offset = 0
  }

  /** Starts the simulated time at `instant`: before anything (Hearth, its database) has read the clock. */
  startAt(instant: string): void {
    this.#offset = RealDate.parse(instant) - RealDate.now()
  }

  /**
   * From now on the clock reads `instant` (an ISO date-time) and runs on from there. It never goes back:
   * PGlite's timers are armed on the process clock, and a clock moved back leaves them spinning.
   */
  advanceTo(instant: string): void {
    this.#offset = Math.max(RealDate.parse(instant), this.now()) - RealDate.now()
  }

  /** Back to the real time, which is always ahead of the simulated one. */
  reset(): void {
    this.#offset = Math.max(0, this.#offset)
  }

  get simulated(): boolean {
    return this.#offset !== 0
  }

  now(): number {
    return RealDate.now() + this.#offset
  }

  /**
   * The browser must agree with Hearth, or the session-timeout script would see the session as long gone.
   * Its Date is fixed at the simulated instant (its timers keep running). Playwright stamps its clock calls
   * with the process clock and replays them in each new page against the real one, so it is given the real
   * time for the call (nothing else runs meanwhile). Call it at the start of every step.
   */
  async syncBrowser(context: BrowserContext): Promise<void> {
    // Also when back to the real time: a context kept from an earlier step still has that step's time.
    const offset = this.#offset
    this.#offset = 0
    try {
      await context.clock.setFixedTime(RealDate.now() + offset)
    } finally {
      this.#offset = offset
    }
  }
}

// What every benchmark hands back: figures with their targets, and free-form details for the JSON file.

export interface Target {
  op: '>=' | '<='
  value: number
}

export interface Figure {
  name: string
  value: number
  unit: string
  target?: Target
  pass?: boolean
  note?: string
}

export interface BenchResult {
  name: string
  seconds: number
  figures: Figure[]
  details: Record<string, unknown>
  /** Set when the benchmark could not finish: what went wrong. */
  error?: string
}

export function figure(name: string, value: number, unit: string, target?: Target, note?: string): Figure {
  const result: Figure = { name, value, unit }
  if (target) {
    result.target = target
    result.pass = target.op === '>=' ? value >= target.value : value <= target.value
  }
  if (note) result.note = note
  return result
}

export const atLeast = (value: number): Target => ({ op: '>=', value })
export const atMost = (value: number): Target => ({ op: '<=', value })

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const round = (value: number, digits = 0): number => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** Prints a progress line to stderr, so stdout keeps only the results table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

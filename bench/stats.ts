/** Small statistics helpers for the benchmark. */

/** Nearest-rank percentile of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export const median = (values: readonly number[]): number => percentile(values, 50)

export const round = (n: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export interface LatencySummary {
  count: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  meanMs: number
}

export function summarize(values: readonly number[]): LatencySummary {
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN
  return {
    count: values.length,
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    p99Ms: round(percentile(values, 99)),
    maxMs: round(percentile(values, 100)),
    meanMs: round(mean),
  }
}

/** Per field, the median of several rounds' summaries; count is the total. */
export function medianOfRounds(rounds: readonly LatencySummary[]): LatencySummary {
  const pick = (k: keyof LatencySummary) => round(median(rounds.map((r) => r[k])))
  return {
    count: rounds.reduce((n, r) => n + r.count, 0),
    p50Ms: pick('p50Ms'),
    p95Ms: pick('p95Ms'),
    p99Ms: pick('p99Ms'),
    maxMs: pick('maxMs'),
    meanMs: pick('meanMs'),
  }
}

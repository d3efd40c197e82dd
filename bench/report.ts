/** Compares our server's figures with the reference's and prints them as a table. */
import { round } from './stats.ts'

interface Measured {
  result: unknown
  serverCpuMs: number
}
type Results = Record<string, Record<string, Measured>>

export interface Comparison {
  figure: string
  ours: number
  reference: number
  /** ours / reference. */
  ratio: number
  lowerIsBetter: boolean
  better: 'ours' | 'reference' | 'tie'
}

/** Figures compared: scenario, path inside its measurement, and whether lower is better. */
const FIGURES: [string, string, boolean][] = [
  ['fanout', 'result.latency.p50Ms', true],
  ['fanout', 'result.latency.p95Ms', true],
  ['fanout', 'result.latency.p99Ms', true],
  ['fanout', 'serverCpuMs', true],
  ['burst', 'result.deliveriesPerSec', false],
  ['burst', 'result.convergenceMs', true],
  ['burst', 'result.latency.p99Ms', true],
  ['burst', 'serverCpuMs', true],
  ['coldload', 'result.contentMs', true],
  ['coldload', 'result.completeMs', true],
  ['coldload', 'result.transferredBytes', true],
  ['coldload', 'result.storedBytes', true],
  ['coldload', 'result.loadCpuMs', true],
]

/** Shown for context, not compared. */
const INFO: [string, string][] = [
  ['fanout', 'result.p99ByRound'],
  ['fanout', 'result.pooledLatency.p99Ms'],
  ['fanout', 'result.ackLatency.p99Ms'],
  ['burst', 'result.sendMs'],
  ['coldload', 'result.docBytes'],
  // Includes 5 server starts: ours runs through tsx, which transpiles at each start.
  ['coldload', 'serverCpuMs'],
  // The reference answers sync step 1 before the board is loaded: 'synced' with an empty doc.
  ['coldload', 'result.syncedMs'],
]

/** Correctness checks shown beside the figures: [scenario, path, value that is good]. */
const CHECKS: [string, string, unknown][] = [
  ['fanout', 'result.lost', 0],
  ['burst', 'result.converged', true],
  ['coldload', 'result.incompleteAtSynced', 0],
]

function get(obj: unknown, path: string): unknown {
  let v = obj
  for (const key of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[key]
  return v
}

const label = (scenario: string, path: string) => `${scenario}.${path.replace(/^result\./, '')}`

export function compare(results: Results): Comparison[] {
  const out: Comparison[] = []
  for (const [scenario, path, lowerIsBetter] of FIGURES) {
    const ours = get(results.ours?.[scenario], path)
    const reference = get(results.reference?.[scenario], path)
    if (typeof ours !== 'number' || typeof reference !== 'number') continue
    const ratio = reference === 0 ? (ours === 0 ? 1 : Infinity) : ours / reference
    const better =
      ours === reference ? 'tie' : ours < reference === lowerIsBetter ? 'ours' : 'reference'
    out.push({
      figure: label(scenario, path),
      ours,
      reference,
      ratio: round(ratio, 3),
      lowerIsBetter,
      better,
    })
  }
  return out
}

export function printTable(results: Results, comparison: Comparison[]): void {
  const rows: string[][] = [['figure', 'ours', 'reference', 'ours/ref', 'better']]
  for (const c of comparison) {
    const dir = c.lowerIsBetter ? '(lower)' : '(higher)'
    rows.push([`${c.figure} ${dir}`, fmt(c.ours), fmt(c.reference), fmt(c.ratio), c.better])
  }
  // Single-server runs still show their figures.
  if (comparison.length === 0) {
    for (const [scenario, path] of FIGURES) {
      const vals = ['ours', 'reference'].map((t) => get(results[t]?.[scenario], path))
      if (vals.some((v) => v !== undefined)) {
        rows.push([label(scenario, path), ...vals.map((v) => fmt(v)), '', ''])
      }
    }
  }
  for (const [scenario, path] of INFO) {
    const vals = ['ours', 'reference'].map((t) => get(results[t]?.[scenario], path))
    if (vals.some((v) => v !== undefined)) {
      rows.push([`info ${label(scenario, path)}`, ...vals.map((v) => fmt(v)), '', ''])
    }
  }
  for (const [scenario, path, good] of CHECKS) {
    const vals = ['ours', 'reference'].map((t) => get(results[t]?.[scenario], path))
    const ok = vals.every((v) => v === undefined || v === good)
    rows.push([`check ${label(scenario, path)}`, ...vals.map((v) => fmt(v)), '', ok ? 'ok' : '!!'])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')
  process.stdout.write(
    [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join(
      '\n',
    ) + '\n\n',
  )
}

function fmt(v: unknown): string {
  if (v === undefined) return '-'
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2)
  if (Array.isArray(v)) return v.map(fmt).join(' ')
  return String(v)
}

/** Compares our server's figures with the reference's and Hocuspocus' and prints them as a table. */
import { round } from './stats.ts'

interface Measured {
  result: unknown
  serverCpuMs: number
}
type Results = Record<string, Record<string, Measured>>

export interface Comparison {
  figure: string
  ours: number
  reference?: number
  hocuspocus?: number
  /** ours / reference. */
  ratio?: number
  /** ours / hocuspocus. */
  ratioHocuspocus?: number
  lowerIsBetter: boolean
  /** Ours against each other server measured: better only when ahead of all of them. */
  better: 'ours' | 'other' | 'tie'
  /** The best server on this figure. */
  best: string
}

const OTHERS = ['reference', 'hocuspocus'] as const
const SERVERS = ['ours', ...OTHERS] as const

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
  ['coldload', 'result.overheadBytes', true],
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
  ['coldload', 'result.transferredBytes'],
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

const ratio = (a: number, b: number) => round(b === 0 ? (a === 0 ? 1 : Infinity) : a / b, 3)

export function compare(results: Results): Comparison[] {
  const out: Comparison[] = []
  for (const [scenario, path, lowerIsBetter] of FIGURES) {
    const ours = get(results.ours?.[scenario], path)
    if (typeof ours !== 'number') continue
    const others = OTHERS.flatMap((name) => {
      const v = get(results[name]?.[scenario], path)
      return typeof v === 'number' ? [[name, v] as const] : []
    })
    if (others.length === 0) continue
    const ahead = (a: number, b: number) => (lowerIsBetter ? a < b : a > b)
    const c: Comparison = {
      figure: label(scenario, path),
      ours,
      lowerIsBetter,
      better: 'ours',
      best: 'ours',
    }
    let bestValue = ours
    for (const [name, v] of others) {
      c[name] = v
      if (name === 'reference') c.ratio = ratio(ours, v)
      else c.ratioHocuspocus = ratio(ours, v)
      if (!ahead(ours, v)) c.better = ours === v && c.better !== 'other' ? 'tie' : 'other'
      if (ahead(v, bestValue)) [bestValue, c.best] = [v, name]
    }
    out.push(c)
  }
  return out
}

export function printTable(results: Results, comparison: Comparison[]): void {
  const rows: string[][] = [['figure', ...SERVERS, 'ours/ref', 'ours/hp', 'best']]
  for (const c of comparison) {
    const dir = c.lowerIsBetter ? '(lower)' : '(higher)'
    rows.push([
      `${c.figure} ${dir}`,
      ...SERVERS.map((s) => fmt(c[s])),
      fmt(c.ratio),
      fmt(c.ratioHocuspocus),
      c.best,
    ])
  }
  // Single-server runs still show their figures.
  if (comparison.length === 0) {
    for (const [scenario, path] of FIGURES) {
      const vals = SERVERS.map((t) => get(results[t]?.[scenario], path))
      if (vals.some((v) => v !== undefined)) {
        rows.push([label(scenario, path), ...vals.map((v) => fmt(v)), '', '', ''])
      }
    }
  }
  for (const [scenario, path] of INFO) {
    const vals = SERVERS.map((t) => get(results[t]?.[scenario], path))
    if (vals.some((v) => v !== undefined)) {
      rows.push([`info ${label(scenario, path)}`, ...vals.map((v) => fmt(v)), '', '', ''])
    }
  }
  for (const [scenario, path, good] of CHECKS) {
    const vals = SERVERS.map((t) => get(results[t]?.[scenario], path))
    const ok = vals.every((v) => v === undefined || v === good)
    rows.push([
      `check ${label(scenario, path)}`,
      ...vals.map((v) => fmt(v)),
      '',
      '',
      ok ? 'ok' : '!!',
    ])
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

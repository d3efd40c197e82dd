/**
 * `tsx bench/summary.ts`: the figures of the last `npm run bench` (bench/results/latest.json,
 * capacity.json, canvas.json) as Markdown tables, for the README's performance section.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, 'results')
const read = (name: string): Record<string, unknown> | null => {
  const file = join(dir, name)
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : null
}
const get = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], obj)
const num = (v: unknown, digits = 1) =>
  typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: digits }) : '-'
const out: string[] = []

const latest = read('latest.json')
if (latest) {
  const r = latest.results as Record<string, unknown>
  const rows: [string, string, string, boolean][] = [
    ['fan-out p50 (50 receivers, 1 writer)', 'fanout', 'result.latency.p50Ms', true],
    ['fan-out p95', 'fanout', 'result.latency.p95Ms', true],
    ['fan-out p99', 'fanout', 'result.latency.p99Ms', true],
    ['burst: edits delivered per second at receivers', 'burst', 'result.deliveriesPerSec', false],
    ['burst: time to convergence', 'burst', 'result.convergenceMs', true],
    [
      'cold load of 5,000 post-its: content complete at a new client',
      'coldload',
      'result.completeMs',
      true,
    ],
    ['cold load: server CPU to serve it', 'coldload', 'result.loadCpuMs', true],
    ['cold load: bytes on disk', 'coldload', 'result.storedBytes', true],
  ]
  const servers = ['ours', 'reference', 'hocuspocus']
  out.push(
    '| figure | ours | y-websocket-server | Hocuspocus | best |',
    '| --- | --- | --- | --- | --- |',
  )
  for (const [label, scenario, path, lower] of rows) {
    const vals = servers.map((s) => get(r[s], `${scenario}.${path}`))
    const nums = vals.filter((v): v is number => typeof v === 'number')
    const best = lower ? Math.min(...nums) : Math.max(...nums)
    const bestName = servers[vals.indexOf(best)] ?? '-'
    const unit = path.endsWith('Ms') ? ' ms' : ''
    out.push(`| ${label} | ${vals.map((v) => num(v) + unit).join(' | ')} | ${bestName} |`)
  }
  const m = latest.machine as { loadavgBefore: number[]; loadavgAfter: number[] }
  out.push(
    '',
    `(${String(latest.date).slice(0, 16)} UTC, load average ${m.loadavgBefore.join(' ')} before, ` +
      `${m.loadavgAfter.join(' ')} after; p99 by round: ` +
      servers.map((s) => `${s} ${String(get(r[s], 'fanout.result.p99ByRound'))}`).join(', ') +
      ')',
    '',
  )
}

const capacity = read('capacity.json')
if (capacity) {
  out.push(
    '| editors | viewers | slow | edit p50 / p95 / p99 | dropped | server CPU | server RSS | clients CPU |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  )
  const steps = [...(capacity.steps as unknown[]), capacity.throttled].filter(Boolean)
  for (const s of steps) {
    const pct = (v: unknown) => `${Math.round((v as number) * 100)} %`
    out.push(
      `| ${num(get(s, 'editors'))} | ${num(get(s, 'viewers'))} | ${num(get(s, 'throttled'))} ` +
        `(${num(get(s, 'throttledClosed'))} closed) | ${num(get(s, 'latency.p50Ms'))} / ` +
        `${num(get(s, 'latency.p95Ms'))} / ${num(get(s, 'latency.p99Ms'))} ms | ` +
        `${num(get(s, 'dropped'))} | ${pct(get(s, 'serverCpuShare'))} | ` +
        `${num(get(s, 'serverRssMbPeak'))} MB (${num(get(s, 'rssKbPerSocket'))} kB/socket) | ` +
        `${pct(get(s, 'clientCpuShare'))} |`,
    )
  }
  const m = capacity.machine as { loadavgBefore: number[]; loadavgAfter: number[] }
  out.push(
    '',
    `Knee: ${JSON.stringify(capacity.knee)}; built board: ${JSON.stringify(capacity.builtBoard)}; ` +
      `load average ${m.loadavgBefore.join(' ')} before, ${m.loadavgAfter.join(' ')} after.`,
    '',
  )
}

const canvas = read('canvas.json')
if (canvas) {
  out.push(
    `Canvas: first full draw ${num(canvas.firstFullDrawMs)} ms (load ${JSON.stringify(canvas.load)}); ` +
      `pan at 100 % p95 ${num(get(canvas, 'panAt100.p95Ms'))} ms, zoomed to fit ` +
      `${num(get(canvas, 'panZoomedToFit.p95Ms'))} ms, drag ${num(get(canvas, 'dragNoteAt100.p95Ms'))} ms; ` +
      `load average ${JSON.stringify(get(canvas, 'machine.loadavg'))}.`,
  )
}
process.stdout.write(out.join('\n') + '\n')

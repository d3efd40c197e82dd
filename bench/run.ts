/**
 * `npm run bench`: runs every scenario against our server, the reference @y/websocket-server and
 * Hocuspocus (each in its own child process), prints a summary table and JSON with all results
 * and ours' ratios to the others, and writes the JSON to bench/results/latest.json.
 * Progress goes to stderr; stdout holds the table and the JSON only.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { compare, printTable, type Comparison } from './report.ts'
import { runBurst, type BurstConfig } from './scenarios/burst.ts'
import { runColdLoad, type ColdLoadConfig } from './scenarios/coldload.ts'
import { combineFanout, runFanout, type FanoutConfig } from './scenarios/fanout.ts'
import { killAllChildren, REPO_ROOT, Target, TARGET_NAMES, type TargetName } from './servers.ts'
import { round } from './stats.ts'

const TIME_LIMIT_MS = 420_000
const env = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}

const config = {
  fanout: {
    receivers: env('BENCH_FANOUT_RECEIVERS', 50),
    edits: env('BENCH_FANOUT_EDITS', 500),
    intervalMs: env('BENCH_FANOUT_INTERVAL_MS', 10),
    warmupEdits: env('BENCH_FANOUT_WARMUP', 20),
    receiverDocs: process.env.BENCH_RECEIVER_DOCS === '1',
  } satisfies FanoutConfig,
  burst: {
    writers: env('BENCH_BURST_WRITERS', 10),
    editsPerWriter: env('BENCH_BURST_EDITS', 300),
    observers: env('BENCH_BURST_OBSERVERS', 5),
    notes: 10,
  } satisfies BurstConfig,
  coldload: {
    items: env('BENCH_COLD_ITEMS', 5000),
    runs: env('BENCH_COLD_RUNS', 5),
    batch: 250,
  } satisfies ColdLoadConfig,
}

interface Scenario {
  /** Rounds alternate between the servers, so a passing load spike hits both alike. */
  rounds: number
  run(t: Target): Promise<unknown>
  combine(runs: unknown[]): unknown
}
const single = (runs: unknown[]) => runs[0]

const SCENARIOS = {
  fanout: {
    rounds: env('BENCH_FANOUT_ROUNDS', 3),
    run: (t) => runFanout(t, config.fanout),
    combine: (runs) =>
      combineFanout(config.fanout, runs as Awaited<ReturnType<typeof runFanout>>[]),
  },
  burst: { rounds: 1, run: (t) => runBurst(t, config.burst), combine: single },
  coldload: { rounds: 1, run: (t) => runColdLoad(t, config.coldload), combine: single },
} satisfies Record<string, Scenario>
type ScenarioName = keyof typeof SCENARIOS

const pick = <T extends string>(value: string | undefined, all: readonly T[]): T[] =>
  value ? (value.split(',').filter((v) => (all as readonly string[]).includes(v)) as T[]) : [...all]

const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`)

/** CPU and wall times are per round (means when a scenario runs several rounds). */
interface Measured {
  result: unknown
  serverCpuMs: number
  clientCpuMs: number
  wallMs: number
  /** 1-minute load average at the end: other work on the machine skews the figures. */
  loadavg1: number
}

async function main(): Promise<void> {
  const outDir = join(REPO_ROOT, 'bench', 'results')
  mkdirSync(outDir, { recursive: true })
  const targets = pick<TargetName>(process.env.BENCH_TARGETS, TARGET_NAMES)
  const scenarios = pick<ScenarioName>(
    process.env.BENCH_SCENARIOS,
    Object.keys(SCENARIOS) as ScenarioName[],
  )
  const profile = process.env.BENCH_PROFILE === '1'
  const results: Record<string, Record<string, Measured>> = {}
  const loadBefore = loadavg()
  const clientStart = process.cpuUsage()
  const benchStart = performance.now()

  for (const scenario of scenarios) {
    const { rounds, run, combine } = SCENARIOS[scenario]
    const acc = new Map<
      TargetName,
      { runs: unknown[]; server: number; client: number; wall: number }
    >()
    for (let r = 0; r < rounds; r++) {
      // Alternate which server goes first, so neither always runs on a cooler machine.
      const order = (scenarios.indexOf(scenario) + r) % 2 === 0 ? targets : [...targets].reverse()
      for (const name of order) {
        const target = new Target(name, { outDir, profile })
        say(`${scenario} on ${name} (round ${r + 1}/${rounds})…`)
        try {
          await target.start()
          const cpu0 = process.cpuUsage()
          const server0 = target.cpuMs()
          const t0 = performance.now()
          const result = await run(target)
          const cpu = process.cpuUsage(cpu0)
          const a = acc.get(name) ?? { runs: [], server: 0, client: 0, wall: 0 }
          a.runs.push(result)
          a.server += target.cpuMs() - server0
          a.client += (cpu.user + cpu.system) / 1000
          a.wall += performance.now() - t0
          acc.set(name, a)
        } finally {
          await target.dispose()
        }
      }
    }
    for (const [name, a] of acc) {
      ;(results[name] ??= {})[scenario] = {
        result: combine(a.runs),
        serverCpuMs: round(a.server / rounds, 0),
        clientCpuMs: round(a.client / rounds, 0),
        wallMs: round(a.wall / rounds, 0),
        loadavg1: round(loadavg()[0]!),
      }
    }
  }

  const clientCpu = process.cpuUsage(clientStart)
  const wallMs = performance.now() - benchStart
  const comparison: Comparison[] = compare(results)
  const fanoutP99 = comparison.find((c) => c.figure === 'fanout.latency.p99Ms')
  const report = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      loadavgBefore: loadBefore.map((n) => round(n)),
      loadavgAfter: loadavg().map((n) => round(n)),
    },
    client: {
      // The bench's own process: all clients share the cores with the server under test.
      cpuMs: round((clientCpu.user + clientCpu.system) / 1000, 0),
      wallMs: round(wallMs, 0),
      cpuShareOfOneCore: round((clientCpu.user + clientCpu.system) / 1000 / wallMs, 3),
    },
    config,
    results,
    comparison,
    goals: {
      oursBetterOnEveryFigure:
        comparison.length > 0 && comparison.every((c) => c.better === 'ours'),
      fanoutP99Halved: fanoutP99?.ratio !== undefined ? fanoutP99.ratio <= 0.5 : null,
    },
  }
  printTable(results, comparison)
  const json = JSON.stringify(report, null, 2)
  writeFileSync(join(outDir, 'latest.json'), json + '\n')
  process.stdout.write(json + '\n')
  say(`done in ${round(wallMs / 1000, 1)} s; written to bench/results/latest.json`)
}

const watchdog = setTimeout(() => {
  say(`time limit of ${TIME_LIMIT_MS / 1000} s reached; stopping`)
  killAllChildren()
  process.exit(2)
}, TIME_LIMIT_MS)
watchdog.unref()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren()
    process.exit(130)
  })
}
process.on('exit', killAllChildren)

main().then(
  () => {
    killAllChildren()
    process.exit(0)
  },
  (err: unknown) => {
    say(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    killAllChildren()
    process.exit(1)
  },
)

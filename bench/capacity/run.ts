/**
 * `tsx bench/capacity/run.ts` (part of `npm run bench`): how many people one board holds on our
 * server. Rooms of editors (an edit every 2 s, cursor moves at 10/s) and viewers (3 to 10, as in
 * a plenary) are spread over several load processes; a probe in this process edits a post-it
 * every 100 ms and measures, at a probe participant and a probe viewer, how long each edit takes
 * end to end. The server's CPU and RSS are sampled from /proc, and the load processes' CPU is
 * reported beside them. The room grows until an edit's p95 reaches 50 ms or a socket is dropped,
 * then the boundary is narrowed: the knee is the largest room that passed.
 * All on 127.0.0.1; every loop is bounded (sizes, steps, a watchdog).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { BenchClient, EditLog, sleep } from '../clients.ts'
import { killAllChildren, REPO_ROOT, Target, type Board } from '../servers.ts'
import { round, summarize, type LatencySummary } from '../stats.ts'
import type { WorkerReport, WorkerTask } from './worker.ts'

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}
/** BENCH_CAPACITY_QUICK=1: short steps and small rooms, for development. */
const QUICK = process.env.BENCH_CAPACITY_QUICK === '1'
const config = {
  workers: env('BENCH_CAPACITY_WORKERS', 3),
  /** Measured time per room size, after the room is open and warmed up. */
  stepMs: env('BENCH_CAPACITY_STEP_MS', QUICK ? 3_000 : 8_000),
  warmupMs: env('BENCH_CAPACITY_WARMUP_MS', QUICK ? 1_000 : 2_000),
  firstEditors: env('BENCH_CAPACITY_FIRST_EDITORS', QUICK ? 10 : 50),
  maxEditors: env('BENCH_CAPACITY_MAX_EDITORS', QUICK ? 40 : 600),
  viewersPerEditor: env('BENCH_CAPACITY_VIEWERS_PER_EDITOR', 10 / 3),
  /** Narrowing steps between the last size that passed and the first that failed. */
  bisectSteps: Number(process.env.BENCH_CAPACITY_BISECT ?? (QUICK ? 1 : 2)) || 0,
  editEveryMs: 2_000,
  cursorHz: 10,
  /** The last room: the knee (300 editors at most) with 10 % more clients on 64 kbit/s links. */
  throttledShare: 0.1,
  throttleBytesPerSec: 8_000,
  probeEveryMs: 100,
  p95LimitMs: 50,
}
const TIME_LIMIT_MS = env('BENCH_CAPACITY_TIME_LIMIT_MS', QUICK ? 120_000 : 420_000)
const CLK_TCK = 100
const say = (msg: string) => process.stderr.write(`[capacity] ${msg}\n`)

interface StepResult {
  editors: number
  viewers: number
  sockets: number
  passed: boolean
  latency: LatencySummary
  /** Probe edits a probe receiver never saw. */
  lost: number
  dropped: number
  closeCodes: number[]
  /** Clients on slow links in this room, and how many of them the server closed. */
  throttled: number
  throttledClosed: number
  throttledCloseCodes: number[]
  /** Server: share of one core over the measured time, peak and mean RSS. */
  serverCpuShare: number
  serverRssMbPeak: number
  serverRssMbMean: number
  /** RSS with the room open minus RSS before it opened, per socket. */
  rssKbPerSocket: number
  /** The load processes together: share of one core. */
  clientCpuShare: number
  framesPerSecToClients: number
  awarenessFramesPerSecToClients: number
  editsPerSec: number
  cursorMovesPerSec: number
  loadavg1: number
}

function procStat(pid: number): { cpuMs: number; rssBytes: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK
    const rssPages = Number(fields[21])
    return { cpuMs, rssBytes: rssPages * 4096 }
  } catch {
    return { cpuMs: 0, rssBytes: 0 }
  }
}

class Worker {
  readonly child: ChildProcess
  private waiting = new Map<string, (msg: never) => void>()
  constructor() {
    this.child = fork(join(import.meta.dirname, 'worker.ts'), [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    this.child.on('message', (msg: { type: string; message?: string }) => {
      if (msg.type === 'error') say(`worker failed: ${msg.message}`)
      this.waiting.get(msg.type)?.(msg as never)
    })
  }
  private next<T>(type: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker: no '${type}' in time`)), timeoutMs)
      const onExit = () => reject(new Error('worker exited'))
      this.child.once('exit', onExit)
      this.waiting.set(type, (msg) => {
        clearTimeout(timer)
        this.child.off('exit', onExit)
        this.waiting.delete(type)
        resolve(msg as T)
      })
    })
  }
  start(task: WorkerTask): Promise<void> {
    const ready = this.next<void>('ready', 120_000)
    this.child.send({ type: 'task', task })
    return ready
  }
  async stop(): Promise<WorkerReport> {
    const report = this.next<{ report: WorkerReport }>('report', 30_000)
    this.child.send({ type: 'stop' })
    return (await report).report
  }
  cpuMs(): number {
    return this.child.pid ? procStat(this.child.pid).cpuMs : 0
  }
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
  }
}

/** The probe: one participant edits; a participant and a viewer measure each edit's latency. */
async function openProbe(board: Board) {
  const doc = new Y.Doc()
  const log = new EditLog()
  const latencies: number[] = []
  let dropped = 0
  let stopping = false
  const onClose = () => {
    if (!stopping) dropped++
  }
  const writer = await BenchClient.open(board.url(), { doc, applyIncoming: false, onClose })
  await writer.whenSynced(30_000)
  addItems(doc, [{ id: 'probe', kind: 'note', ...recordTypes.note.defaults() }], LOCAL_ORIGIN)
  const receivers = await Promise.all(
    (['participant', 'viewer'] as const).map(async (role) => {
      const cursor = log.cursor()
      const c = await BenchClient.open(board.url({ role }), {
        onUpdate: (u, now) => cursor.onUpdate(u, now, latencies),
        onClose,
      })
      await c.whenSynced(30_000)
      return { c, cursor }
    }),
  )
  let seq = 0
  let timer: NodeJS.Timeout | null = null
  return {
    start() {
      latencies.length = 0
      const first = log.count
      const startAt = performance.now()
      const step = () => {
        log.record(doc)
        updateItem(doc, 'probe', { x: ++seq, text: `probe ${seq}` }, LOCAL_ORIGIN)
        const due = startAt + (log.count - first) * config.probeEveryMs
        timer = setTimeout(step, Math.max(0, due - performance.now()))
      }
      step()
    },
    /** Stops editing, waits briefly for the last edits, and returns the step's figures. */
    async stop(sent0: number) {
      if (timer) clearTimeout(timer)
      const sent = log.count - sent0
      const expected = sent * receivers.length
      const end = performance.now() + 3_000
      while (latencies.length < expected && performance.now() < end) await sleep(20)
      return { latency: summarize(latencies), lost: expected - latencies.length, dropped }
    },
    get count() {
      return log.count
    },
    async close() {
      stopping = true
      await Promise.all([writer.close(), ...receivers.map((r) => r.c.close())])
    },
  }
}

async function measureRoom(target: Target, editors: number, throttled = 0): Promise<StepResult> {
  const viewers = Math.round(editors * config.viewersPerEditor)
  const slow = throttled > 0 ? ` + ${throttled} on slow links` : ''
  say(`room of ${editors} editors + ${viewers} viewers${slow}…`)
  const board = await target.newBoard()
  const rssBefore = procStat(target.pid).rssBytes
  const workers = Array.from({ length: config.workers }, () => new Worker())
  let probe: Awaited<ReturnType<typeof openProbe>> | null = null
  try {
    const share = (n: number, i: number) =>
      Math.floor(n / config.workers) + (i < n % config.workers ? 1 : 0)
    await Promise.all(
      workers.map((w, i) =>
        w.start({
          index: i,
          editorUrl: board.url(),
          viewerUrl: board.url({ role: 'viewer' }),
          editors: share(editors, i),
          viewers: share(viewers, i),
          editEveryMs: config.editEveryMs,
          cursorHz: config.cursorHz,
          throttled: share(throttled, i),
          throttleBytesPerSec: config.throttleBytesPerSec,
        }),
      ),
    )
    // Joined last, so the server relays to the probe after everyone else: the worst case.
    probe = await openProbe(board)
    await sleep(config.warmupMs)
    const server0 = procStat(target.pid)
    const clients0 = workers.map((w) => w.cpuMs())
    const t0 = performance.now()
    const sent0 = probe.count
    probe.start()
    const rss: number[] = []
    while (performance.now() - t0 < config.stepMs) {
      await sleep(250)
      rss.push(procStat(target.pid).rssBytes)
    }
    const probed = await probe.stop(sent0)
    const wall = performance.now() - t0
    const server1 = procStat(target.pid)
    const clientCpu = workers.reduce((n, w, i) => n + w.cpuMs() - clients0[i]!, 0)
    const reports = await Promise.all(workers.map((w) => w.stop()))
    const sum = (f: (r: WorkerReport) => number) => reports.reduce((n, r) => n + f(r), 0)
    const dropped = sum((r) => r.dropped) + probed.dropped
    const sockets = editors + viewers + throttled + 3
    const rssMean = rss.reduce((a, b) => a + b, 0) / Math.max(1, rss.length)
    // Counters cover the whole life of the load processes; rates use warm-up plus measure time.
    const liveSec = (wall + config.warmupMs) / 1000
    const result: StepResult = {
      editors,
      viewers,
      sockets,
      passed: probed.latency.p95Ms < config.p95LimitMs && dropped === 0 && probed.lost === 0,
      latency: probed.latency,
      lost: probed.lost,
      dropped,
      closeCodes: reports.flatMap((r) => r.closeCodes).slice(0, 10),
      throttled,
      throttledClosed: sum((r) => r.throttledClosed),
      throttledCloseCodes: [...new Set(reports.flatMap((r) => r.throttledCloseCodes))],
      serverCpuShare: round((server1.cpuMs - server0.cpuMs) / wall, 3),
      serverRssMbPeak: round(Math.max(...rss) / 2 ** 20, 1),
      serverRssMbMean: round(rssMean / 2 ** 20, 1),
      rssKbPerSocket: round((rssMean - rssBefore) / 1024 / sockets, 1),
      clientCpuShare: round(clientCpu / wall, 3),
      framesPerSecToClients: round(sum((r) => r.messagesIn) / liveSec, 0),
      awarenessFramesPerSecToClients: round(sum((r) => r.awarenessIn) / liveSec, 0),
      editsPerSec: round(sum((r) => r.edits) / liveSec, 1),
      cursorMovesPerSec: round(sum((r) => r.cursorMoves) / liveSec, 1),
      loadavg1: round(loadavg()[0]!),
    }
    say(
      `  p95 ${result.latency.p95Ms} ms, p99 ${result.latency.p99Ms} ms, dropped ${dropped}, ` +
        `server ${Math.round(result.serverCpuShare * 100)} % of a core, ` +
        `${result.serverRssMbPeak} MB; clients ${Math.round(result.clientCpuShare * 100)} %` +
        ` -> ${result.passed ? 'pass' : 'FAIL'}`,
    )
    return result
  } finally {
    await probe?.close()
    for (const w of workers) w.kill()
  }
}

/**
 * Memory of a loaded board: two boards of 5,000 post-its are filled, the server restarted, the
 * first built (so the code paths are warm), then the RSS added by building the second.
 */
async function boardMemory(target: Target): Promise<{ items: number; mb: number }> {
  const items = QUICK ? 1_000 : 5_000
  const boards = [await target.newBoard(), await target.newBoard()]
  for (const board of boards) await fillBoard(board, items)
  await target.restart()
  await sleep(500)
  const editors: BenchClient[] = []
  let before = 0
  for (const board of boards) {
    before = procStat(target.pid).rssBytes
    // An edit builds the room's document.
    const doc = new Y.Doc()
    const editor = await BenchClient.open(board.url(), { doc, applyIncoming: false })
    editors.push(editor)
    await editor.whenSynced(30_000)
    addItems(doc, [{ id: 'mem-edit', kind: 'note', ...recordTypes.note.defaults() }], LOCAL_ORIGIN)
    await sleep(1_500)
  }
  const after = procStat(target.pid).rssBytes
  await Promise.all(editors.map((e) => e.close()))
  return { items, mb: round((after - before) / 2 ** 20, 1) }
}

async function fillBoard(board: Board, items: number): Promise<void> {
  const doc = new Y.Doc()
  const client = await BenchClient.open(board.url(), { doc })
  await client.whenSynced()
  for (let i = 0; i < items; i += 250) {
    const records = Array.from({ length: 250 }, (_, k) => ({
      id: `mem-${i + k}`,
      kind: 'note' as const,
      ...recordTypes.note.defaults(),
      x: ((i + k) % 100) * 180,
      y: Math.floor((i + k) / 100) * 180,
      text: `Post-it number ${i + k}: a gap, a blocker or a goal`,
    }))
    addItems(doc, records, LOCAL_ORIGIN)
    await sleep(20)
  }
  await sleep(1_000)
  await client.close()
}

async function main(): Promise<void> {
  const outDir = join(REPO_ROOT, 'bench', 'results')
  mkdirSync(outDir, { recursive: true })
  const loadBefore = loadavg()
  const target = new Target('ours', { outDir, profile: process.env.BENCH_PROFILE === '1' })
  const steps: StepResult[] = []
  let throttledStep: StepResult | null
  let board: { items: number; mb: number } | null
  try {
    await target.start()
    board = await boardMemory(target)
    say(`a built board of ${board.items} post-its: ${board.mb} MB`)
    // Grow along a ladder (50, 100, 200, 300, 450, 600 by default) until a room fails, then
    // narrow the boundary by bisection.
    let pass = 0
    let fail = 0
    const ladder = [1, 2, 4, 6, 9, 12].map((f) => f * config.firstEditors)
    for (const editors of ladder.filter((n) => n <= config.maxEditors)) {
      const r = await measureRoom(target, editors)
      steps.push(r)
      if (!r.passed) {
        fail = editors
        break
      }
      pass = editors
    }
    for (let i = 0; i < config.bisectSteps && fail > 0 && fail - pass > 10; i++) {
      const mid = Math.round((pass + fail) / 2)
      const r = await measureRoom(target, mid)
      steps.push(r)
      if (r.passed) pass = mid
      else fail = mid
    }
    // Memory stays bounded when a tenth of the clients read slowly (they are closed, not fed).
    const base = steps.filter((s) => s.passed).sort((a, b) => b.editors - a.editors)[0]
    const size = Math.min(base?.editors ?? config.firstEditors, 300)
    const sockets = size + Math.round(size * config.viewersPerEditor)
    throttledStep = await measureRoom(target, size, Math.round(sockets * config.throttledShare))
  } finally {
    await target.dispose()
  }
  const knee = steps.filter((s) => s.passed).sort((a, b) => b.editors - a.editors)[0] ?? null
  const report = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      loadavgBefore: loadBefore.map((n) => round(n)),
      loadavgAfter: loadavg().map((n) => round(n)),
    },
    config: { ...config, quick: QUICK },
    builtBoard: board,
    knee: knee && {
      editors: knee.editors,
      viewers: knee.viewers,
      p95Ms: knee.latency.p95Ms,
      serverCpuShare: knee.serverCpuShare,
      serverRssMbPeak: knee.serverRssMbPeak,
      rssKbPerSocket: knee.rssKbPerSocket,
    },
    goalMet: steps.some((s) => s.passed && s.editors >= 300 && s.viewers >= 1000),
    steps,
    throttled: throttledStep,
  }
  printSteps(throttledStep ? [...steps, throttledStep] : steps, report.knee, board)
  const json = JSON.stringify(report, null, 2)
  writeFileSync(join(outDir, 'capacity.json'), json + '\n')
  process.stdout.write(json + '\n')
}

function printSteps(
  steps: StepResult[],
  knee: { editors: number; viewers: number } | null,
  board: { items: number; mb: number } | null,
): void {
  const rows = [
    [
      'editors',
      'viewers',
      'p50',
      'p95',
      'p99',
      'lost',
      'dropped',
      'srv cpu',
      'srv MB',
      'kB/sock',
      'clients cpu',
      'ok',
    ],
    ...steps.map((s) => [
      s.editors,
      s.viewers,
      s.throttled,
      s.throttledClosed,
      s.latency.p50Ms,
      s.latency.p95Ms,
      s.latency.p99Ms,
      s.lost,
      s.dropped,
      `${Math.round(s.serverCpuShare * 100)}%`,
      s.serverRssMbPeak,
      s.rssKbPerSocket,
      `${Math.round(s.clientCpuShare * 100)}%`,
      s.passed ? 'pass' : 'FAIL',
    ]),
  ].map((r) => r.map(String))
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const text = rows.map((r) => r.map((c, i) => c.padStart(widths[i]!)).join('  ')).join('\n')
  const kneeText = knee ? `${knee.editors} editors + ${knee.viewers} viewers` : 'none passed'
  const boardText = board ? `; a built board of ${board.items} post-its: ${board.mb} MB` : ''
  process.stdout.write(
    `${text}\n\nknee (edit p95 < 50 ms, no socket dropped): ${kneeText}${boardText}\n\n`,
  )
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

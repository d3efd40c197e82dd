/**
 * `npm run bench:cluster` (part of `npm run bench`): our server as two processes on PostgreSQL
 * and Redis (a database and a Redis prefix of its own, removed after).
 * - fan-out latency with the writer on one process and the receivers on the other, against the
 *   same figure with writer and receivers on one process, in the same run (rounds alternate);
 * - a conference: 500 clients over 20 boards, spread over both processes, writers on each:
 *   updates delivered per second, latency p99, RSS of each process;
 * - memory per loaded, idle board of 5,000 post-its.
 * Skipped with a message when PostgreSQL or Redis is not reachable. Writes
 * bench/results/cluster.json and prints it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, updateItem } from '../shared/doc/index.ts'
import { recordTypes } from '../shared/schema/index.ts'
import { startCluster, type Cluster } from '../tests/helpers/cluster.ts'
import { postgresAvailable, redisAvailable } from '../tests/helpers/services.ts'
import { BenchClient, closeAll, EditLog, openMany, sleep, waitFor } from './clients.ts'
import { fill } from './scenarios/coldload.ts'
import { combineFanout, runFanout, type FanoutConfig } from './scenarios/fanout.ts'
import type { Board, Target } from './servers.ts'
import { BENCH_LIMITS_OFF, procCpuMs, REPO_ROOT } from './servers.ts'
import { round, summarize } from './stats.ts'

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}
const say = (msg: string) => process.stderr.write(`[bench:cluster] ${msg}\n`)

const config = {
  fanout: {
    receivers: env('BENCH_FANOUT_RECEIVERS', 50),
    edits: env('BENCH_FANOUT_EDITS', 300),
    intervalMs: env('BENCH_FANOUT_INTERVAL_MS', 10),
    warmupEdits: env('BENCH_FANOUT_WARMUP', 20),
    receiverDocs: false,
  } satisfies FanoutConfig,
  fanoutRounds: env('BENCH_FANOUT_ROUNDS', 3),
  conference: {
    boards: env('BENCH_CONF_BOARDS', 20),
    clientsPerBoard: env('BENCH_CONF_CLIENTS', 25),
    writersPerBoard: env('BENCH_CONF_WRITERS', 2),
    editIntervalMs: env('BENCH_CONF_INTERVAL_MS', 250),
    durationMs: env('BENCH_CONF_DURATION_MS', 10_000),
  },
  idleBoards: { boards: env('BENCH_IDLE_BOARDS', 4), items: env('BENCH_IDLE_ITEMS', 5000) },
}

/** A board on the cluster; `url(p)` is its socket on process p. */
async function newBoard(cluster: Cluster): Promise<{
  id: string
  url(process: number, opts?: { acks?: boolean }): string
}> {
  const base = cluster.processes[0]!.url
  const res = await fetch(`${base}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'bench' }),
  })
  if (res.status !== 201) throw new Error(`POST /api/boards: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { id: string; tokens: { participant: string } }
  const token = encodeURIComponent(body.tokens.participant)
  return {
    id: body.id,
    url: (p, opts) =>
      `${cluster.processes[p]!.url.replace(/^http/, 'ws')}/ws/${body.id}?token=${token}` +
      (opts?.acks ? '&acks=1' : ''),
  }
}

/**
 * The fan-out scenario needs only `newBoard` of its target; its writer is the one client that
 * asks for acks, so the writer's process and the receivers' are told apart by that.
 */
function fanoutTarget(cluster: Cluster, writerOn: number, receiversOn: number): Target {
  return {
    newBoard: async (): Promise<Board> => {
      const board = await newBoard(cluster)
      return {
        id: board.id,
        url: (opts) => (opts?.acks ? board.url(writerOn, opts) : board.url(receiversOn)),
      }
    },
  } as unknown as Target
}

/** Resident set size of a process, from /proc (bytes). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
}

async function heapUsed(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN)
}

async function runConference(cluster: Cluster) {
  const cfg = config.conference
  const log = new EditLog()
  const latencies: number[] = []
  const boards = await Promise.all(Array.from({ length: cfg.boards }, () => newBoard(cluster)))
  const writers: { client: BenchClient; doc: Y.Doc }[] = []
  const receivers: BenchClient[] = []
  for (const [b, board] of boards.entries()) {
    for (let w = 0; w < cfg.writersPerBoard; w++) {
      const doc = new Y.Doc()
      // Writers alternate between the processes too, so every board has traffic both ways.
      const client = await BenchClient.open(board.url((b + w) % 2), { doc })
      await client.whenSynced()
      writers.push({ client, doc })
    }
    // Receivers on both processes, half and half.
    const count = cfg.clientsPerBoard - cfg.writersPerBoard
    const receiver = () => {
      const cursor = log.cursor()
      return { onUpdate: (u: Uint8Array, now: number) => cursor.onUpdate(u, now, latencies) }
    }
    for (const [p, n] of [
      [0, Math.ceil(count / 2)],
      [1, Math.floor(count / 2)],
    ] as const)
      receivers.push(...(await openMany(n, board.url(p), receiver)))
  }
  for (const { doc } of writers)
    addItems(
      doc,
      [{ ...recordTypes.note.defaults(), id: `w${doc.clientID}`, kind: 'note' }],
      LOCAL_ORIGIN,
    )
  await sleep(500)
  const rssBefore = cluster.processes.map((p) => rssOf(p.child.pid!))
  const cpuBefore = cluster.processes.map((p) => procCpuMs(p.child.pid))
  const clientCpuBefore = process.cpuUsage()
  const start = performance.now()
  let sent = 0
  for (let tick = 0; performance.now() - start < cfg.durationMs; tick++) {
    const due = start + tick * cfg.editIntervalMs
    const wait = due - performance.now()
    if (wait > 1) await sleep(wait)
    for (const { doc } of writers) {
      log.record(doc)
      updateItem(doc, `w${doc.clientID}`, { x: tick, text: `edit ${tick}` }, LOCAL_ORIGIN)
      sent++
    }
  }
  const perBoardReceivers = cfg.clientsPerBoard - cfg.writersPerBoard
  const expected = sent * perBoardReceivers
  await waitFor(() => latencies.length >= expected, 15_000)
  const elapsed = performance.now() - start
  const rss = cluster.processes.map((p) => rssOf(p.child.pid!))
  const cpu = cluster.processes.map((p, i) => procCpuMs(p.child.pid) - cpuBefore[i]!)
  const clientCpu = process.cpuUsage(clientCpuBefore)
  await closeAll([...writers.map((w) => w.client), ...receivers])
  return {
    boards: cfg.boards,
    clients: cfg.boards * cfg.clientsPerBoard,
    writers: writers.length,
    editsSent: sent,
    editsPerSec: round((sent / elapsed) * 1000, 0),
    deliveries: latencies.length,
    expectedDeliveries: expected,
    /** Edits not seen by a receiver within 15 s of the last edit. */
    undelivered: expected - latencies.length,
    deliveriesPerSec: round((latencies.length / elapsed) * 1000, 0),
    latency: summarize(latencies),
    durationMs: round(elapsed, 0),
    /** Share of one core each server process used, and the bench's own clients. */
    serverCpuShare: cpu.map((ms) => round(ms / elapsed, 2)),
    clientCpuShare: round((clientCpu.user + clientCpu.system) / 1000 / elapsed, 2),
    rssMbBefore: rssBefore.map((n) => round(n / 2 ** 20, 1)),
    rssMb: rss.map((n) => round(n / 2 ** 20, 1)),
  }
}

async function runIdleBoards(cluster: Cluster) {
  const cfg = config.idleBoards
  const p = cluster.processes[1]!
  const boards = await Promise.all(Array.from({ length: cfg.boards }, () => newBoard(cluster)))
  // Filled through process 0; process 1 has not loaded them.
  for (const board of boards)
    await fill({ id: board.id, url: (opts) => board.url(0, opts) }, cfg.items, 250, true)
  await sleep(1500)
  const heap0 = await heapUsed(p.url)
  const rss0 = rssOf(p.child.pid!)
  // One small edit each builds the room on process 1; the clients then stay, idle.
  const holders: BenchClient[] = []
  for (const board of boards) {
    const doc = new Y.Doc()
    const client = await BenchClient.open(board.url(1, { acks: true }), { doc })
    await client.whenSynced()
    addItems(doc, [{ ...recordTypes.note.defaults(), id: 'builder', kind: 'note' }], LOCAL_ORIGIN)
    holders.push(client)
  }
  await sleep(3000)
  const heap1 = await heapUsed(p.url)
  const rss1 = rssOf(p.child.pid!)
  await closeAll(holders)
  return {
    boards: cfg.boards,
    itemsPerBoard: cfg.items,
    heapMbPerBoard: round((heap1 - heap0) / cfg.boards / 2 ** 20, 2),
    rssMbPerBoard: round((rss1 - rss0) / cfg.boards / 2 ** 20, 2),
  }
}

async function main(): Promise<void> {
  if (!(await postgresAvailable()) || !(await redisAvailable())) {
    say('skipped: PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379 are needed')
    return
  }
  // The limits against hostile clients are off, as for the single-process bench.
  const cluster = await startCluster(2, BENCH_LIMITS_OFF)
  try {
    const same: Parameters<typeof combineFanout>[1] = []
    const cross: Parameters<typeof combineFanout>[1] = []
    for (let r = 0; r < config.fanoutRounds; r++) {
      // Alternate which goes first, so a passing load spike hits both alike.
      for (const kind of r % 2 ? (['cross', 'same'] as const) : (['same', 'cross'] as const)) {
        say(`fan-out, ${kind} process (round ${r + 1}/${config.fanoutRounds})…`)
        const target = fanoutTarget(cluster, 0, kind === 'same' ? 0 : 1)
        ;(kind === 'same' ? same : cross).push(await runFanout(target, config.fanout))
      }
    }
    say('conference: 500 clients over 20 boards…')
    const conference = await runConference(cluster)
    say('idle 5,000-post-it boards…')
    const idle = await runIdleBoards(cluster)
    const sameResult = combineFanout(config.fanout, same)
    const crossResult = combineFanout(config.fanout, cross)
    const report = {
      date: new Date().toISOString(),
      // Other work on the machine skews every figure; the same-run comparison still holds.
      loadavg: loadavg().map((n) => round(n)),
      cpus: cpus().length,
      config,
      fanout: {
        sameProcess: sameResult,
        crossProcess: crossResult,
        crossOverSame: {
          p50: round(crossResult.latency.p50Ms / sameResult.latency.p50Ms),
          p99: round(crossResult.latency.p99Ms / sameResult.latency.p99Ms),
        },
      },
      conference,
      idleBoard: idle,
    }
    const table = [
      ['figure', 'value'],
      [
        'fan-out p50 / p99, one process',
        `${sameResult.latency.p50Ms} / ${sameResult.latency.p99Ms} ms`,
      ],
      [
        'fan-out p50 / p99, writer and receivers on different processes',
        `${crossResult.latency.p50Ms} / ${crossResult.latency.p99Ms} ms`,
      ],
      ['fan-out lost (same / cross)', `${sameResult.lost} / ${crossResult.lost}`],
      [
        `conference: ${conference.clients} clients, ${conference.boards} boards: deliveries/s`,
        String(conference.deliveriesPerSec),
      ],
      [
        'conference: latency p50 / p99',
        `${conference.latency.p50Ms} / ${conference.latency.p99Ms} ms`,
      ],
      [
        'conference: edits sent/s; delivered / expected',
        `${conference.editsPerSec}; ${conference.deliveries} / ${conference.expectedDeliveries}`,
      ],
      ['conference: RSS per process', conference.rssMb.map((n) => `${n} MB`).join(', ')],
      [
        'conference: CPU share of one core, per process; bench clients',
        `${conference.serverCpuShare.join(', ')}; ${conference.clientCpuShare}`,
      ],
      ['load average (1, 5, 15 min) at the end', report.loadavg.join(', ')],
      [
        `idle board of ${idle.itemsPerBoard} post-its: heap / RSS`,
        `${idle.heapMbPerBoard} / ${idle.rssMbPerBoard} MB`,
      ],
    ]
    for (const [a, b] of table) process.stdout.write(`${a!.padEnd(70)} ${b}\n`)
    const json = JSON.stringify(report, null, 2)
    const outDir = join(REPO_ROOT, 'bench', 'results')
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, 'cluster.json'), json + '\n')
    process.stdout.write(json + '\n')
  } finally {
    await cluster.stop()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    say(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exit(1)
  },
)

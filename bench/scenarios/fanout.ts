/**
 * Fan-out latency: one writer makes small paced edits to one post-it; N receivers in the same
 * board record when each edit reaches them. Latency = receive time - the writer's send time
 * (same process, same clock).
 */
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { BenchClient, closeAll, EditLog, openMany, sleep, waitFor } from '../clients.ts'
import type { Target } from '../servers.ts'
import { medianOfRounds, round, summarize, type LatencySummary } from '../stats.ts'

export interface FanoutConfig {
  receivers: number
  edits: number
  intervalMs: number
  /** Edits made first and left out of the figures (connection and JIT warm-up). */
  warmupEdits: number
  /** Give each receiver a full Y.Doc that applies every update (heavier on the client). */
  receiverDocs: boolean
}

/** One round's raw figures; rounds are pooled by combineFanout. */
export interface FanoutRun {
  latencies: number[]
  ackLatencies: number[]
  lost: number
  avgUpdateBytes: number
  durationMs: number
}

export interface FanoutResult {
  receivers: number
  edits: number
  rounds: number
  /** Each figure is the median over rounds of that round's figure: robust to one noisy round. */
  latency: LatencySummary
  /** All rounds' samples pooled. */
  pooledLatency: LatencySummary
  /** p99 of each round alone, to show how much the figure moves between rounds. */
  p99ByRound: number[]
  /** Edit deliveries expected but not seen before the deadline. */
  lost: number
  /** Writer send -> server's "saved" (type 100) covering the edit; ours only. */
  ackLatency: LatencySummary | null
  avgUpdateBytes: number
}

const NOTE_ID = 'fanout-note'

export async function runFanout(target: Target, cfg: FanoutConfig): Promise<FanoutRun> {
  const board = await target.newBoard()
  const doc = new Y.Doc()
  const log = new EditLog()
  const ackLatencies: number[] = []
  let acked = 0
  const writer = await BenchClient.open(board.url({ acks: true }), {
    doc,
    onSaved: (sv, now) => {
      // Acks cover edits in order: count those whose start clock the stored state passed.
      const entry = log.entry(doc.clientID)
      const stored = sv.get(doc.clientID) ?? 0
      while (entry && acked < entry.clocks.length && entry.clocks[acked]! < stored) {
        if (acked >= cfg.warmupEdits) ackLatencies.push(now - entry.times[acked]!)
        acked++
      }
    },
  })
  await writer.whenSynced()
  addItems(doc, [{ id: NOTE_ID, kind: 'note', ...recordTypes.note.defaults() }], LOCAL_ORIGIN)
  await sleep(200)

  const latencies: number[] = []
  const receivers: BenchClient[] = await openMany(cfg.receivers, board.url(), () => {
    const cursor = log.cursor()
    return {
      doc: cfg.receiverDocs ? new Y.Doc() : undefined,
      // Warm-up edits are received but not counted.
      onUpdate: (update, now) => cursor.onUpdate(update, now, latencies, cfg.warmupEdits),
    }
  })
  await sleep(200)

  let updateBytes = 0
  const onUpdate = (u: Uint8Array) => (updateBytes += u.length)
  doc.on('update', onUpdate)
  const total = cfg.warmupEdits + cfg.edits
  const start = performance.now()
  for (let seq = 0; seq < total; seq++) {
    // Paced against the start time, so a late tick does not shift every later edit.
    const due = start + seq * cfg.intervalMs
    const wait = due - performance.now()
    if (wait > 1) await sleep(wait)
    log.record(doc)
    updateItem(doc, NOTE_ID, { x: seq, text: `edit ${seq}` }, LOCAL_ORIGIN)
  }
  doc.off('update', onUpdate)
  const expected = cfg.edits * cfg.receivers
  await waitFor(() => latencies.length >= expected, 10_000)
  const durationMs = performance.now() - start
  await waitFor(() => acked >= total, 2_000)
  await closeAll([writer, ...receivers])
  return {
    latencies,
    ackLatencies,
    lost: expected - latencies.length,
    avgUpdateBytes: round(updateBytes / total, 1),
    durationMs: round(durationMs),
  }
}

export function combineFanout(cfg: FanoutConfig, runs: FanoutRun[]): FanoutResult {
  const acks = runs.flatMap((r) => r.ackLatencies)
  const perRound = runs.map((r) => summarize(r.latencies))
  return {
    receivers: cfg.receivers,
    edits: cfg.edits,
    rounds: runs.length,
    latency: medianOfRounds(perRound),
    pooledLatency: summarize(runs.flatMap((r) => r.latencies)),
    p99ByRound: perRound.map((s) => s.p99Ms),
    lost: runs.reduce((n, r) => n + r.lost, 0),
    ackLatency: acks.length ? summarize(acks) : null,
    avgUpdateBytes: runs[0]?.avgUpdateBytes ?? 0,
  }
}

/**
 * Cold load: one client fills a board with N post-its and leaves; the server is restarted (so the
 * room is surely not in memory), a small other board is loaded to warm the process up, then a new
 * client joins the big board. Measured several times; medians reported.
 */
import * as Y from 'yjs'
import { addItems, itemsMap, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import { BenchClient, sleep, waitFor } from '../clients.ts'
import type { Board, Target } from '../servers.ts'
import { median, round } from '../stats.ts'

export interface ColdLoadConfig {
  items: number
  runs: number
  /** Items per update message while filling the board. */
  batch: number
}

export interface ColdLoadResult {
  items: number
  runs: number
  /** Size of the full document as one Yjs update. */
  docBytes: number
  /** Bytes in the server's data directory after the fill and a restart. */
  storedBytes: number
  /** Bytes the new client received until it held every item (median). */
  transferredBytes: number
  /**
   * transferredBytes - docBytes: what the protocol added to the document. Compared instead of
   * transferredBytes, because our boards carry metadata (title, schema version) the others lack.
   */
  overheadBytes: number
  /** Connect -> sync step 2 applied (the provider's 'synced' event); median. */
  syncedMs: number
  /** Connect -> the frame that completes the content arrived (server's part only); median. */
  contentMs: number
  /** Connect -> the client's doc holds every item (includes applying it); median. */
  completeMs: number
  syncedRuns: number[]
  contentRuns: number[]
  completeRuns: number[]
  /** Server CPU from connect until the client held every item, without restarts (median). */
  loadCpuMs: number
  /** Runs where sync step 2 arrived before the content was complete. */
  incompleteAtSynced: number
}

const note = (i: number): NoteRecord => ({
  id: `cold-${i}`,
  kind: 'note',
  ...recordTypes.note.defaults(),
  x: (i % 100) * 180,
  y: Math.floor(i / 100) * 180,
  text: `Post-it number ${i}: a gap, a blocker or a goal`,
  color: 'yellow',
})

export async function runColdLoad(target: Target, cfg: ColdLoadConfig): Promise<ColdLoadResult> {
  const acks = target.name === 'ours'
  const warm = await target.newBoard()
  await fill(warm, 50, 50, acks)
  const board = await target.newBoard()
  const docBytes = await fill(board, cfg.items, cfg.batch, acks)

  const synced: number[] = []
  const content: number[] = []
  const complete: number[] = []
  const transferred: number[] = []
  const cpu: number[] = []
  let storedBytes = 0
  let incompleteAtSynced = 0
  for (let run = 0; run < cfg.runs; run++) {
    await target.restart()
    if (run === 0) storedBytes = target.dataBytes()
    await load(warm, 50)
    const cpu0 = target.cpuMs()
    const r = await load(board, cfg.items)
    cpu.push(target.cpuMs() - cpu0)
    synced.push(r.syncedMs)
    content.push(r.contentMs)
    complete.push(r.completeMs)
    transferred.push(r.bytes)
    if (!r.completeAtSynced) incompleteAtSynced++
  }
  return {
    items: cfg.items,
    runs: cfg.runs,
    docBytes,
    storedBytes,
    transferredBytes: median(transferred),
    overheadBytes: median(transferred) - docBytes,
    syncedMs: round(median(synced)),
    contentMs: round(median(content)),
    completeMs: round(median(complete)),
    syncedRuns: synced.map((n) => round(n)),
    contentRuns: content.map((n) => round(n)),
    completeRuns: complete.map((n) => round(n)),
    loadCpuMs: median(cpu),
    incompleteAtSynced,
  }
}

/** Fills a board with post-its in batches and waits until it is stored; returns the document's size. */
export async function fill(
  board: Board,
  count: number,
  batch: number,
  acks: boolean,
): Promise<number> {
  const doc = new Y.Doc()
  let stored = new Map<number, number>()
  const client = await BenchClient.open(board.url({ acks: true }), {
    doc,
    onSaved: (sv) => (stored = sv),
  })
  await client.whenSynced()
  for (let i = 0; i < count; i += batch) {
    const records = Array.from({ length: Math.min(batch, count - i) }, (_, k) => note(i + k))
    addItems(doc, records, LOCAL_ORIGIN)
    // Keep the socket's send buffer small, as a real provider's would stay.
    await waitFor(() => client.bufferedAmount < 1 << 20, 10_000, 2)
  }
  const target = Y.getState(doc.store, doc.clientID)
  // Ours acks what it stored; the reference cannot say, so check with a second client.
  const acked = acks && (await waitFor(() => (stored.get(doc.clientID) ?? 0) >= target, 10_000))
  if (!acked) {
    const check = await load(board, count)
    if (!check.complete) throw new Error('cold load: the server did not get the whole board')
    await sleep(1_000)
  }
  await client.close()
  await sleep(300)
  return Y.encodeStateAsUpdate(doc).length
}

/** Joins the board with a new client; times sync step 2 and complete content. */
async function load(board: Board, count: number) {
  const doc = new Y.Doc()
  const items = itemsMap(doc)
  const start = performance.now()
  let syncedAt = 0
  let contentAt = 0
  let completeAt = 0
  let completeAtSynced = false
  const client = await BenchClient.open(board.url(), {
    doc,
    onUpdate: (_u, now, step2, arrived) => {
      if (step2) {
        syncedAt = now
        completeAtSynced = items.size >= count
      }
      if (!completeAt && items.size >= count) {
        contentAt = arrived
        completeAt = now
      }
    },
  })
  await client.whenSynced(30_000)
  const complete = await waitFor(() => completeAt > 0, 30_000, 2)
  const bytes = client.bytesIn
  await client.close()
  return {
    syncedMs: syncedAt - start,
    contentMs: contentAt - start,
    completeMs: completeAt - start,
    bytes,
    complete,
    completeAtSynced,
  }
}

/**
 * Burst throughput: W writers each make M edits as fast as they can on shared post-its. Every
 * writer and a few doc-less observers count the edits that reach them. Afterwards every client's
 * state and a fresh client's (the server's) state are compared.
 */
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import {
  BenchClient,
  closeAll,
  EditLog,
  openMany,
  sleep,
  waitFor,
  type ClientOptions,
} from '../clients.ts'
import type { Target } from '../servers.ts'
import { round, summarize, type LatencySummary } from '../stats.ts'

export interface BurstConfig {
  writers: number
  editsPerWriter: number
  observers: number
  notes: number
}

export interface BurstResult {
  writers: number
  observers: number
  editsPerWriter: number
  /** Edit deliveries counted at all receivers / expected. */
  deliveries: number
  expectedDeliveries: number
  /** Deliveries per second between the first edit and the last delivery. */
  deliveriesPerSec: number
  /** First edit sent -> every receiver has every edit. */
  convergenceMs: number
  /** How long the writers took to make all their edits. */
  sendMs: number
  latency: LatencySummary
  /** Every client and a fresh client agree on state vector and content. */
  converged: boolean
  messagesReceived: number
}

interface Receiver {
  opts: ClientOptions
  buffered: Uint8Array[]
  doc: Y.Doc | null
  expected: number
  lastAt: number
  cursor: ReturnType<EditLog['cursor']>
}

export async function runBurst(target: Target, cfg: BurstConfig): Promise<BurstResult> {
  const board = await target.newBoard()
  const noteIds = Array.from({ length: cfg.notes }, (_, i) => `burst-${i}`)
  const seedDoc = new Y.Doc()
  const seed = await BenchClient.open(board.url(), { doc: seedDoc })
  await seed.whenSynced()
  addItems(
    seedDoc,
    noteIds.map((id) => ({ id, kind: 'note' as const, ...recordTypes.note.defaults() })),
    LOCAL_ORIGIN,
  )
  await sleep(200)

  const log = new EditLog()
  const total = cfg.writers * cfg.editsPerWriter
  const latencies: number[] = []
  const receivers: Receiver[] = []
  const makeReceiver = (doc: Y.Doc | null): ClientOptions => {
    const r: Receiver = {
      opts: {},
      buffered: [],
      doc,
      expected: doc ? total - cfg.editsPerWriter : total,
      lastAt: 0,
      cursor: log.cursor(doc?.clientID),
    }
    // Writers apply the initial state, then only buffer updates until the end: lean clients.
    r.opts = {
      doc: doc ?? undefined,
      onUpdate: (update, now, step2) => {
        if (doc && step2) r.opts.applyIncoming = false
        else r.buffered.push(update)
        if (r.cursor.onUpdate(update, now, latencies) > 0) r.lastAt = now
      },
    }
    receivers.push(r)
    return r.opts
  }
  const docs = Array.from({ length: cfg.writers }, () => new Y.Doc())
  const writers = await openMany(cfg.writers, board.url(), (i) => makeReceiver(docs[i]!))
  const observers = await openMany(cfg.observers, board.url(), () => makeReceiver(null))
  await seed.close()
  if (!docs.every((d) => noteIds.every((id) => d.getMap('items').has(id)))) {
    throw new Error('burst: writers did not receive the seed post-its')
  }
  await sleep(200)

  const start = performance.now()
  await Promise.all(
    docs.map(async (doc, w) => {
      for (let i = 0; i < cfg.editsPerWriter; i++) {
        log.record(doc)
        const id = noteIds[(w + i) % noteIds.length]!
        updateItem(doc, id, { x: i, y: w, text: `w${w} e${i}` }, LOCAL_ORIGIN)
        // Yield now and then so that the sockets get read while writing.
        if (i % 10 === 9) await new Promise((r) => setImmediate(r))
      }
    }),
  )
  const sendMs = performance.now() - start
  const expectedDeliveries = receivers.reduce((n, r) => n + r.expected, 0)
  const allIn = () => receivers.every((r) => r.cursor.received >= r.expected)
  await waitFor(allIn, 30_000)
  const deliveries = receivers.reduce((n, r) => n + Math.min(r.cursor.received, r.expected), 0)
  const lastAt = Math.max(...receivers.map((r) => r.lastAt))
  const convergenceMs = allIn() ? lastAt - start : Number.NaN

  // Convergence check: every client's state and the server's (via a fresh client) agree.
  await sleep(200)
  const states = receivers.map((r) => {
    const doc = r.doc ?? new Y.Doc()
    for (const u of r.buffered) Y.applyUpdate(doc, u)
    return fingerprint(doc)
  })
  const freshDoc = new Y.Doc()
  const fresh = await BenchClient.open(board.url(), { doc: freshDoc })
  await fresh.whenSynced()
  states.push(fingerprint(freshDoc))
  const messagesReceived = [...writers, ...observers].reduce((n, c) => n + c.messagesIn, 0)
  await closeAll([fresh, ...writers, ...observers])

  return {
    writers: cfg.writers,
    observers: cfg.observers,
    editsPerWriter: cfg.editsPerWriter,
    deliveries,
    expectedDeliveries,
    deliveriesPerSec: round((deliveries / convergenceMs) * 1000, 0),
    convergenceMs: round(convergenceMs),
    sendMs: round(sendMs),
    latency: summarize(latencies),
    converged: states.every((s) => s === states[0]),
    messagesReceived,
  }
}

/** State vector plus content with sorted keys, so equal documents compare equal as strings. */
function fingerprint(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0])
  return JSON.stringify([sv, sortKeys(doc.getMap('items').toJSON())])
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    )
  }
  return value
}

/**
 * Lean benchmark clients: raw `ws` sockets speaking the y-websocket sync protocol (no awareness).
 * A client either holds a Y.Doc (writers, loaders) or none at all (latency receivers, which only
 * read which edits an update carries with Y.parseUpdateMeta).
 *
 * A URL with a `hocuspocus` parameter (the document's name) speaks Hocuspocus' framing instead:
 * every message starts with the document's name, the first one authenticates (with an empty
 * token), and sync answers may come as type 4 (SyncReply).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Socket } from 'node:net'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from '../shared/protocol/messages.ts'
import { LeanSocket } from './lean-socket.ts'

const OPEN_TIMEOUT_MS = 15_000
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc())
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc())
/** Hocuspocus message types we read or write besides y-websocket's (sync 0, awareness 1). */
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_SYNC_REPLY = 4

/** The Hocuspocus document a URL names, or null for y-websocket framing. */
export function hocuspocusDocument(url: string): string | null {
  return new URL(url).searchParams.get('hocuspocus')
}

export interface ClientOptions {
  /** Applies incoming updates to this doc (unless `applyIncoming` is false) and sends its edits. */
  doc?: Y.Doc
  applyIncoming?: boolean
  /**
   * Every document update received (sync step 2 and updates): `now` is when the client had
   * applied it (its arrival time for a client without a doc), `arrived` when its frame came in.
   */
  onUpdate?: (update: Uint8Array, now: number, step2: boolean, arrived: number) => void
  /** Our server's "stored up to this state vector" message (type 100, only with ?acks=1). */
  onSaved?: (stateVector: Map<number, number>, now: number) => void
  /** The socket closed (by either side), with its close code. */
  onClose?: (code: number) => void
  /** Speaks WebSocket through LeanSocket instead of `ws` (the capacity bench's load clients). */
  lean?: boolean
}

export class BenchClient {
  bytesIn = 0
  messagesIn = 0
  awarenessIn = 0
  closeCode: number | null = null
  /** Resolves with performance.now() when sync step 2 was applied (the provider's 'synced'). */
  readonly synced: Promise<number>
  private resolveSynced!: (now: number) => void
  private readonly ws: WebSocket | LeanSocket
  /** Prefix of every message (the Hocuspocus document's name), empty for y-websocket. */
  private readonly prefix: Uint8Array
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.send(encodeSync(syncProtocol.messageYjsUpdate, update))
  }

  private constructor(
    url: string,
    private readonly opts: ClientOptions,
  ) {
    this.synced = new Promise((r) => (this.resolveSynced = r))
    const documentName = hocuspocusDocument(url)
    this.prefix = documentName === null ? new Uint8Array(0) : encodeString(documentName)
    // `ws` offers permessage-deflate as browsers do; the server decides whether it is used.
    this.ws = opts.lean ? new LeanSocket(url) : new WebSocket(url)
    this.ws.on('message', (data: Buffer) => this.receive(data))
    this.ws.on('close', (code: number) => {
      this.closeCode = code
      opts.onClose?.(code)
    })
    this.ws.on('error', () => {})
    opts.doc?.on('update', this.onDocUpdate)
  }

  /** Connects and sends sync step 1; resolves once the socket is open. */
  static open(url: string, opts: ClientOptions = {}): Promise<BenchClient> {
    const client = new BenchClient(url, opts)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`open timed out: ${url}`)), OPEN_TIMEOUT_MS)
      client.ws.once('open', () => {
        clearTimeout(timer)
        if (client.prefix.length > 0) client.send(encodeHocuspocusAuth())
        const sv = opts.doc ? Y.encodeStateVector(opts.doc) : EMPTY_STATE_VECTOR
        client.send(encodeSync(syncProtocol.messageYjsSyncStep1, sv))
        resolve(client)
      })
      client.ws.once('unexpected-response', (_req: unknown, res: { statusCode?: number }) => {
        clearTimeout(timer)
        reject(new Error(`upgrade refused: ${res.statusCode}`))
      })
      client.ws.once('close', (code: number) => {
        clearTimeout(timer)
        reject(new Error(`closed before open: ${code}`))
      })
    })
  }

  /** Waits for sync step 2, failing after `timeoutMs`. */
  whenSynced(timeoutMs = 15_000): Promise<number> {
    return withTimeout(this.synced, timeoutMs, 'sync step 2')
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }

  /**
   * Reads at most `bytesPerSec` from now on (a client on a slow link): the socket is paused
   * whenever the budget of the current 100 ms is spent. Returns a function that stops throttling.
   */
  throttle(bytesPerSec: number): () => void {
    const socket = (this.ws as unknown as { _socket: Socket })._socket
    const slice = bytesPerSec / 10
    let budget = slice
    const onData = (chunk: Buffer) => {
      budget -= chunk.length
      if (budget <= 0) socket.pause()
    }
    socket.on('data', onData)
    const timer = setInterval(() => {
      budget = Math.min(budget + slice, slice)
      if (budget > 0) socket.resume()
    }, 100)
    return () => {
      clearInterval(timer)
      socket.off('data', onData)
      socket.resume()
    }
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    if (this.prefix.length === 0) this.ws.send(message)
    else this.ws.send(Buffer.concat([this.prefix, message]))
  }

  async close(): Promise<void> {
    this.opts.doc?.off('update', this.onDocUpdate)
    if (this.ws.readyState === WebSocket.CLOSED) return
    const closed = new Promise<void>((r) => this.ws.once('close', () => r()))
    this.ws.close()
    const timer = setTimeout(() => this.ws.terminate(), 2_000)
    await closed
    clearTimeout(timer)
  }

  private receive(data: Buffer): void {
    const now = performance.now()
    this.bytesIn += data.length
    this.messagesIn++
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.length),
    )
    if (this.prefix.length > 0) decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC || (this.prefix.length > 0 && type === HOCUSPOCUS_SYNC_REPLY)) {
      const sub = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (sub === syncProtocol.messageYjsSyncStep1) {
        // Reply with what the server lacks: nothing, for a client without a doc.
        const diff = this.opts.doc ? Y.encodeStateAsUpdate(this.opts.doc, payload) : EMPTY_UPDATE
        this.send(encodeSync(syncProtocol.messageYjsSyncStep2, diff))
        return
      }
      const step2 = sub === syncProtocol.messageYjsSyncStep2
      let applied = now
      if (this.opts.doc && this.opts.applyIncoming !== false) {
        Y.applyUpdate(this.opts.doc, payload, this)
        applied = performance.now()
      }
      this.opts.onUpdate?.(payload, applied, step2, now)
      if (step2) this.resolveSynced(applied)
    } else if (type === MESSAGE_AWARENESS) {
      this.awarenessIn++
    } else if (type === MESSAGE_SAVED && this.opts.onSaved) {
      this.opts.onSaved(Y.decodeStateVector(decoding.readVarUint8Array(decoder)), now)
    }
  }
}

/**
 * An awareness frame carrying one client's state (y-protocols' encoding: count, then client id,
 * clock and JSON state per client), for lean clients that hold no Awareness instance.
 */
export function encodeAwareness(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

function encodeSync(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, sub)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

function encodeString(s: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, s)
  return encoding.toUint8Array(encoder)
}

/** Hocuspocus' auth message (token type 0, empty token); the document prefix is added by send. */
function encodeHocuspocusAuth(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, '')
  return encoding.toUint8Array(encoder)
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Polls `done` every few ms until true or `timeoutMs` passed; returns whether it became true. */
export async function waitFor(
  done: () => boolean,
  timeoutMs: number,
  stepMs = 5,
): Promise<boolean> {
  const end = performance.now() + timeoutMs
  while (!done()) {
    if (performance.now() > end) return false
    await sleep(stepMs)
  }
  return true
}

/** Opens clients in small batches, so that connecting does not flood the server at once. */
export async function openMany(
  count: number,
  url: string,
  make: (i: number) => ClientOptions,
  batch = 10,
): Promise<BenchClient[]> {
  const out: BenchClient[] = []
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i)
    const opened = await Promise.all(
      Array.from({ length: n }, (_, k) => BenchClient.open(url, make(i + k))),
    )
    out.push(...opened)
  }
  await Promise.all(out.map((c) => c.whenSynced()))
  return out
}

export const closeAll = (clients: readonly BenchClient[]) =>
  Promise.all(clients.map((c) => c.close()))

/**
 * Which edits were sent when, keyed by the writer's Yjs client id and the clock its edit started
 * at. Receivers find out which edits an update carries from its clock ranges, so no doc is needed
 * and a server that merges several edits into one message is measured correctly.
 */
export class EditLog {
  private readonly byClient = new Map<number, { clocks: number[]; times: number[] }>()
  count = 0

  /** Call just before making the edit on `doc`. */
  record(doc: Y.Doc, now = performance.now()): void {
    let entry = this.byClient.get(doc.clientID)
    if (!entry) this.byClient.set(doc.clientID, (entry = { clocks: [], times: [] }))
    entry.clocks.push(Y.getState(doc.store, doc.clientID))
    entry.times.push(now)
    this.count++
  }

  sentBy(clientId: number): number {
    return this.byClient.get(clientId)?.clocks.length ?? 0
  }

  /** A receiver's view: which of the logged edits it has received so far, and how late. */
  cursor(skipClient?: number): EditCursor {
    return new EditCursor(this, skipClient)
  }

  /** Internal to EditCursor. */
  entry(clientId: number) {
    return this.byClient.get(clientId)
  }
}

export class EditCursor {
  received = 0
  private readonly next = new Map<number, number>()

  constructor(
    private readonly log: EditLog,
    private readonly skipClient?: number,
  ) {}

  /**
   * Counts the logged edits this update completes; pushes each one's latency to `latencies`,
   * except for each writer's first `skip` edits (warm-up).
   */
  onUpdate(update: Uint8Array, now: number, latencies?: number[], skip = 0): number {
    const { to } = Y.parseUpdateMeta(update)
    let delivered = 0
    for (const [client, end] of to) {
      if (client === this.skipClient) continue
      const entry = this.log.entry(client)
      if (!entry) continue
      let i = this.next.get(client) ?? 0
      while (i < entry.clocks.length && entry.clocks[i]! < end) {
        if (i >= skip) latencies?.push(now - entry.times[i]!)
        i++
        delivered++
      }
      this.next.set(client, i)
    }
    this.received += delivered
    return delivered
  }
}

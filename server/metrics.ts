/**
 * The server's Prometheus metrics (GET /metrics), in a registry of its own per server, so that
 * several servers in one process (tests) do not share counters. Store timings come from a thin
 * wrapper around the store; stream timings from the bus; the rest is read when scraped.
 */
import client from 'prom-client'
import { CLOSE_FORBIDDEN, CLOSE_MALFORMED, CLOSE_TOO_LARGE } from '../shared/protocol/messages.ts'
import type { BoardStore } from './persistence/store.ts'
import type { BusObserver } from './sync/redis-bus.ts'
import type { RoomManager } from './sync/room-manager.ts'

/** Why a socket was closed for what it sent, by close code. */
const REFUSALS: Record<number, string> = {
  [CLOSE_FORBIDDEN]: 'forbidden',
  [CLOSE_MALFORMED]: 'malformed',
  [CLOSE_TOO_LARGE]: 'too_large',
  1008: 'too_many_frames',
  1011: 'storage_failure',
}

export class ServerMetrics {
  readonly registry = new client.Registry()
  private readonly storeSeconds: client.Histogram<'op'>
  private readonly streamSeconds: client.Histogram<'stage'>
  private readonly updatesStored: client.Counter
  private readonly bytesStored: client.Counter
  private readonly refused: client.Counter<'reason'>
  private readonly storeErrors: client.Counter<'op'>

  /** `rooms` is read when scraped: the room manager is built with the instrumented store. */
  constructor(rooms: () => RoomManager | undefined) {
    const registers = [this.registry]
    client.collectDefaultMetrics({ register: this.registry })
    new client.Gauge({
      name: 'board_rooms_loaded',
      help: 'Boards (and private rooms) loaded in this process',
      registers,
      collect() {
        this.set(rooms()?.loadedIds.length ?? 0)
      },
    })
    new client.Gauge({
      name: 'board_connections',
      help: 'Open sync connections, by role',
      labelNames: ['role'],
      registers,
      collect() {
        const counts = { facilitator: 0, participant: 0, viewer: 0 }
        const manager = rooms()
        for (const id of manager?.loadedIds ?? [])
          for (const conn of manager?.peek(id)?.connections() ?? []) counts[conn.role]++
        for (const [role, n] of Object.entries(counts)) this.set({ role }, n)
      },
    })
    this.updatesStored = new client.Counter({
      name: 'board_updates_stored_total',
      help: 'Yjs updates stored (rate() for updates per second)',
      registers,
    })
    this.bytesStored = new client.Counter({
      name: 'board_update_bytes_stored_total',
      help: 'Bytes of Yjs updates stored (rate() for bytes per second)',
      registers,
    })
    this.storeSeconds = new client.Histogram({
      name: 'board_store_seconds',
      help: 'Latency of store operations',
      labelNames: ['op'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    })
    this.storeErrors = new client.Counter({
      name: 'board_store_errors_total',
      help: 'Store operations that failed',
      labelNames: ['op'],
      registers,
    })
    this.streamSeconds = new client.Histogram({
      name: 'board_stream_seconds',
      help: 'Redis stream latency: publish (XADD) and delivery (XADD here to read there)',
      labelNames: ['stage'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    })
    this.refused = new client.Counter({
      name: 'board_refused_total',
      help: 'Connections closed for what they sent (a refused update or frame), by reason',
      labelNames: ['reason'],
      registers,
    })
  }

  /** Counts refusals from the close code of a socket. */
  socketClosed(code: number): void {
    const reason = REFUSALS[code]
    if (reason) this.refused.inc({ reason })
  }

  readonly bus: BusObserver = {
    published: (ms) => this.streamSeconds.observe({ stage: 'publish' }, ms / 1000),
    delivered: (ms) => this.streamSeconds.observe({ stage: 'deliver' }, Math.max(0, ms) / 1000),
  }

  /** The store, with its document operations timed and counted. */
  instrument(store: BoardStore): BoardStore {
    const timed = <T>(op: string, run: () => Promise<T>): Promise<T> => {
      const end = this.storeSeconds.startTimer({ op })
      return run().then(
        (value) => {
          end()
          return value
        },
        (err: unknown) => {
          end()
          this.storeErrors.inc({ op })
          throw err
        },
      )
    }
    return {
      load: (id) => timed('load', () => store.load(id)),
      loadAfter: (id, seq) => timed('load_after', () => store.loadAfter(id, seq)),
      append: (id, updates) =>
        timed('append', () => store.append(id, updates)).then((seq) => {
          this.updatesStored.inc(updates.length)
          this.bytesStored.inc(updates.reduce((n, u) => n + u.byteLength, 0))
          return seq
        }),
      compact: (id, snapshot, through) =>
        timed('compact', () => store.compact(id, snapshot, through)),
      list: () => store.list(),
      privateRooms: (boardId) => store.privateRooms(boardId),
      delete: (id) => store.delete(id),
      versions: store.versions,
      activity: store.activity,
      votes: store.votes,
      images: store.images,
      ping: () => timed('ping', () => store.ping()),
      close: () => store.close(),
    }
  }

  text(): Promise<string> {
    return this.registry.metrics()
  }

  get contentType(): string {
    return this.registry.contentType
  }
}

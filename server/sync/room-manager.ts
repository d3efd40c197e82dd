/**
 * Owns the rooms of one server: loads each board once (concurrent joins share the load),
 * and unloads it `lingerMs` after the last lease is released (final store, compaction, doc
 * destroyed), unless someone comes back meanwhile. A join that arrives while the board is
 * unloading waits and loads it afresh.
 */
import type { Logger } from '../logger.ts'
import type { BoardStore } from '../persistence/store.ts'
import { BoardNotFoundError } from './errors.ts'
import type { RoomHooks } from './hooks.ts'
import type { ChangeHook } from '../hooks/change.ts'
import { Room } from './room.ts'
import type { RoomBus } from './bus.ts'

export interface RoomManagerOptions {
  store: BoardStore
  log: Logger
  compactEvery: number
  /** How long a room nobody holds stays loaded; 0 unloads it at once. */
  lingerMs?: number
  /** See RoomOptions. */
  judgeSliceMs?: number
  hooks?: RoomHooks
  onChange?: ChangeHook
  /** Other server processes serving the same boards (Redis Streams). */
  bus?: RoomBus
}

/** A claim on a loaded room; the room stays in memory until every lease is released. */
export interface RoomLease {
  room: Promise<Room>
  release(): void
}

interface Entry {
  refs: number
  ready: Promise<Room>
  /** Set once loaded. */
  room?: Room
  /** Set while nobody holds the room: it unloads when this fires. */
  linger?: NodeJS.Timeout
}

export class RoomManager {
  private readonly entries = new Map<string, Entry>()
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(private readonly options: RoomManagerOptions) {}

  /** Rejects with BoardNotFoundError when the store does not know the board. */
  acquire(boardId: string): RoomLease {
    let entry = this.entries.get(boardId)
    if (entry?.room?.failed && entry.refs === 0) {
      this.unload(boardId, entry)
      entry = undefined
    }
    if (!entry) {
      const created: Entry = { refs: 0, ready: this.load(boardId) }
      created.ready.then((room) => (created.room = room)).catch(() => {})
      created.ready.catch(() => {
        if (this.entries.get(boardId) === created) this.entries.delete(boardId)
      })
      this.entries.set(boardId, created)
      entry = created
    }
    const held = entry
    clearTimeout(held.linger)
    held.linger = undefined
    held.refs++
    let released = false
    return {
      room: held.ready,
      release: () => {
        if (released) return
        released = true
        if (--held.refs === 0) this.unloadLater(boardId, held)
      },
    }
  }

  /** Runs `fn` on the board's live document, loading it for the duration when needed. */
  async withRoom<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const lease = this.acquire(boardId)
    try {
      return await fn(await lease.room)
    } finally {
      lease.release()
    }
  }

  /** The room if it is in memory and loaded (for tests and diagnostics). */
  async loaded(boardId: string): Promise<Room | undefined> {
    const entry = this.entries.get(boardId)
    return entry ? entry.ready.catch(() => undefined) : undefined
  }

  /** The room if it is loaded and held right now, without waiting. */
  peek(boardId: string): Room | undefined {
    return this.entries.get(boardId)?.room
  }

  get loadedIds(): string[] {
    return [...this.entries.keys()]
  }

  /** Stores what every room has applied so far. */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.entries.values()].map((e) => e.ready.then((room) => room.flush()).catch(() => {})),
    )
  }

  /** Waits for unloads in progress, then unloads whatever is still held (shutdown). */
  async closeAll(): Promise<void> {
    for (const [boardId, entry] of this.entries) this.unload(boardId, entry)
    await Promise.all(this.unloading.values())
  }

  private async load(boardId: string): Promise<Room> {
    await this.unloading.get(boardId)
    const room = await Room.load(boardId, this.options)
    if (!room) throw new BoardNotFoundError(`board ${boardId} not found`)
    this.options.log.debug({ boardId }, 'room loaded')
    return room
  }

  private unloadLater(boardId: string, entry: Entry): void {
    const lingerMs = this.options.lingerMs ?? 0
    // A failed room is reloaded afresh by the next join.
    if (lingerMs === 0 || entry.room?.failed) return this.unload(boardId, entry)
    entry.linger = setTimeout(() => this.unload(boardId, entry), lingerMs)
    entry.linger.unref()
  }

  private unload(boardId: string, entry: Entry): void {
    if (this.entries.get(boardId) !== entry) return
    clearTimeout(entry.linger)
    this.entries.delete(boardId)
    const done = entry.ready
      .then((room) => room.close())
      .then(
        () => {
          this.options.log.debug({ boardId }, 'room unloaded')
          this.options.hooks?.unloaded?.(boardId)
          this.options.onChange?.unloaded?.(boardId)
        },
        (err: unknown) => {
          if (!(err instanceof BoardNotFoundError))
            this.options.log.error({ err, boardId }, 'unload failed')
        },
      )
      .finally(() => {
        if (this.unloading.get(boardId) === done) this.unloading.delete(boardId)
      })
    this.unloading.set(boardId, done)
  }
}

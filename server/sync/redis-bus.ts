/**
 * The bus over Redis Streams: one stream per board (`<prefix>board:<id>`), XADD after the store
 * commit, one blocking XREAD per process over the streams of its loaded boards, resuming from the
 * last id it saw. Unlike pub/sub, what is published while a reader is away (reconnecting, busy)
 * waits in the stream. Streams are trimmed to about STREAM_LENGTH entries; a room that finds a
 * gap in the sequence numbers reads what it lacks from the store.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'
import type { BusMember, RoomBus } from './bus.ts'

const STREAM_LENGTH = 2000
const STREAM_TTL_MS = 24 * 3600_000
const BLOCK_MS = 5000
const POSITION_TIMEOUT_MS = 1000
/** How often every member checks the store for what no message announced. */
const SWEEP_MS = 10_000

export interface BusObserver {
  /** Milliseconds from XADD in one process to delivery in another. */
  delivered?(latencyMs: number): void
  published?(latencyMs: number): void
}

interface Board {
  members: Set<BusMember>
  /** The id of the last entry read from the board's stream. */
  last: string
}

export class RedisBus implements RoomBus {
  private readonly node = randomUUID()
  private readonly boards = new Map<string, Board>()
  private readerId: number | null = null
  private running = true
  private wake: (() => void) | null = null
  private readonly loop: Promise<void>
  private readonly sweep: NodeJS.Timeout

  private constructor(
    private readonly writer: Redis,
    private readonly reader: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
    private readonly observer: BusObserver,
  ) {
    this.loop = this.readLoop()
    this.sweep = setInterval(() => this.catchUpAll(), SWEEP_MS)
    this.sweep.unref()
  }

  static async connect(
    url: string,
    options: { prefix: string; log: Logger; observer?: BusObserver },
  ): Promise<RedisBus> {
    // The writer gives up on a command after a retry (what it publishes is stored already); the
    // reader's blocking XREAD waits for Redis to come back.
    const open = async (maxRetriesPerRequest: number | null) => {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest })
      redis.on('error', (err: Error) => options.log.warn({ err: err.message }, 'redis error'))
      await redis.connect()
      return redis
    }
    const writer = await open(1)
    const reader = await open(null)
    return new RedisBus(writer, reader, options.prefix, options.log, options.observer ?? {})
  }

  private key(boardId: string): string {
    return `${this.prefix}board:${boardId}`
  }

  async position(boardId: string): Promise<string> {
    // Without Redis a board still loads: from a minute back, and gaps are read from the store.
    const fallback = `${Date.now() - 60_000}-0`
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(fallback), POSITION_TIMEOUT_MS)
    })
    try {
      const last = this.writer
        .xrevrange(this.key(boardId), '+', '-', 'COUNT', 1)
        .then((entries) => entries[0]?.[0] ?? '0-0')
      return await Promise.race([last, late])
    } catch (err) {
      this.log.warn({ err: (err as Error).message, boardId }, 'reading the stream position failed')
      return fallback
    } finally {
      clearTimeout(timer)
    }
  }

  join(member: BusMember, from: string): () => void {
    let board = this.boards.get(member.boardId)
    if (!board) {
      board = { members: new Set(), last: from }
      this.boards.set(member.boardId, board)
    } else if (compareIds(from, board.last) < 0) {
      // Read again from the older position: the members already there ignore what they hold.
      board.last = from
    }
    board.members.add(member)
    this.interrupt()
    return () => {
      const b = this.boards.get(member.boardId)
      if (!b) return
      b.members.delete(member)
      if (b.members.size === 0) this.boards.delete(member.boardId)
    }
  }

  publishUpdate(boardId: string, update: Uint8Array, firstSeq: number, lastSeq: number): void {
    this.add(boardId, ['k', 'u', 'f', String(firstSeq), 'l', String(lastSeq)], update)
  }

  publishAwareness(boardId: string, update: Uint8Array): void {
    this.add(boardId, ['k', 'a'], update)
  }

  private add(boardId: string, fields: string[], data: Uint8Array): void {
    const started = performance.now()
    const args = [
      this.key(boardId),
      'MAXLEN',
      '~',
      STREAM_LENGTH,
      '*',
      'n',
      this.node,
      't',
      String(Date.now()),
      ...fields,
      'd',
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    ] as const
    this.writer
      .pipeline()
      .xadd(...(args as unknown as [string, ...string[]]))
      // A board nobody edits for a day needs no stream: its rooms read the store when loaded.
      .pexpire(this.key(boardId), STREAM_TTL_MS)
      .exec()
      .then((results) => {
        const failed = results?.find(([err]) => err)?.[0]
        if (failed) throw failed
        this.observer.published?.(performance.now() - started)
      })
      .then(
        undefined,
        // Stored already: the other processes find it in the store when they see the gap.
        (err: unknown) => this.log.warn({ err, boardId }, 'publishing to the stream failed'),
      )
  }

  /** Makes the blocked XREAD return, so that it is issued again over the current streams. */
  private interrupt(): void {
    this.wake?.()
    if (this.readerId !== null)
      this.writer.client('UNBLOCK', this.readerId).catch(() => {
        /* the reader was not blocked */
      })
  }

  private async readLoop(): Promise<void> {
    let failed = false
    while (this.running) {
      if (this.boards.size === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve
          setTimeout(resolve, BLOCK_MS).unref()
        })
        this.wake = null
        continue
      }
      try {
        if (this.readerId === null || failed) this.readerId = Number(await this.reader.client('ID'))
        const ids = [...this.boards.keys()]
        const reply = (await this.reader.xreadBuffer(
          'COUNT',
          500,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...ids.map((id) => this.key(id)),
          ...ids.map((id) => this.boards.get(id)!.last),
        )) as unknown as [Buffer, [Buffer, Buffer[]][]][] | null
        if (failed) {
          failed = false
          this.catchUpAll()
        }
        for (const [key, entries] of reply ?? []) {
          const boardId = key.toString().slice(this.key('').length)
          for (const [id, fields] of entries) this.deliver(boardId, id.toString(), fields)
        }
      } catch (err) {
        if (!this.running) return
        failed = true
        this.log.warn({ err: (err as Error).message }, 'reading the streams failed; retrying')
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
  }

  private deliver(boardId: string, id: string, raw: Buffer[]): void {
    const board = this.boards.get(boardId)
    if (!board) return
    if (compareIds(id, board.last) > 0) board.last = id
    const fields = new Map<string, Buffer>()
    for (let i = 0; i + 1 < raw.length; i += 2) fields.set(raw[i]!.toString(), raw[i + 1]!)
    if (fields.get('n')?.toString() === this.node) return
    const data = fields.get('d')
    if (!data) return
    const update = new Uint8Array(data)
    const sent = Number(fields.get('t')?.toString())
    if (Number.isFinite(sent)) this.observer.delivered?.(Date.now() - sent)
    for (const member of board.members) {
      try {
        if (fields.get('k')?.toString() === 'a') member.receiveAwareness(update)
        else
          member.receiveUpdate(
            update,
            Number(fields.get('f')?.toString()),
            Number(fields.get('l')?.toString()),
          )
      } catch (err) {
        this.log.warn({ err, boardId }, 'a stream message was refused')
      }
    }
  }

  private catchUpAll(): void {
    for (const board of this.boards.values()) for (const m of board.members) m.catchUp()
  }

  async close(): Promise<void> {
    this.running = false
    clearInterval(this.sweep)
    this.interrupt()
    this.reader.disconnect()
    await this.loop.catch(() => {})
    await this.writer.quit().catch(() => this.writer.disconnect())
  }
}

/** Stream ids are `<ms>-<n>`: compared as numbers, part by part. */
export function compareIds(a: string, b: string): number {
  const [am, an] = a.split('-').map(BigInt) as [bigint, bigint]
  const [bm, bn] = b.split('-').map(BigInt) as [bigint, bigint]
  return am !== bm ? (am < bm ? -1 : 1) : an === bn ? 0 : an < bn ? -1 : 1
}

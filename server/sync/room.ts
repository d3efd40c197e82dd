/**
 * One board in memory: its Y.Doc, the connections editing it, and their awareness. Every
 * accepted update is stored before it is relayed: updates that arrive in one event-loop turn
 * (at most MAX_BATCH) are appended in one store call, then sent on as one merged update, then
 * acked.
 * Store operations run one after another on a promise chain, so compaction never races appends.
 *
 * Building the document from what is stored takes a while for a big board (about a second for
 * 10,000 post-its), so a room starts unbuilt and is built only when something needs the document:
 * a new client's first sync (an empty state vector) is answered straight from the stored updates,
 * and presence and clock frames need no document. People who only look never cost a build (nor
 * slow the opening of a board while their browsers load it). The first edit, a sync of a client
 * that holds part of the board, or a server feature that reads the board builds it; frames that
 * need the document wait for the build, in order.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { migrateBoard, SYSTEM_ORIGIN } from '../../shared/doc/index.ts'
import {
  CLOSE_CONTENT_TOO_LARGE,
  CLOSE_FORBIDDEN,
  CLOSE_MALFORMED,
  CLOSE_RATE_LIMITED,
} from '../../shared/protocol/messages.ts'
import type { Logger } from '../logger.ts'
import type { BoardStore } from '../persistence/store.ts'
import { Connection } from './connection.ts'
import { savedFrame, syncStep1, syncStep2, syncUpdate } from './encode.ts'
import { PresenceRelay } from './presence-relay.ts'
import { dispatch, needsDocument, readSyncStep1 } from './handlers.ts'
import { HeldUpdates } from './held-updates.ts'
import { forbidden, malformed, ProtocolError } from './errors.ts'
import type { RoomHooks } from './hooks.ts'
import { REMOTE_ORIGIN, type BusMember, type RoomBus } from './bus.ts'
import type { ChangeHook } from '../hooks/change.ts'
import { changesNothing, UpdateJudgment, type RoomKind, type Verdict } from '../guard/policy.ts'
import { migrateRecords, staleRecordsIn } from '../guard/migrate.ts'
import { MalformedUpdate } from '../guard/update-paths.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'

export interface RoomOptions {
  store: BoardStore
  log: Logger
  /** Compact the stored log once this many updates were appended since the last snapshot. */
  compactEvery: number
  /** Facilitation features (votes, private writing); none in bare rooms. */
  hooks?: RoomHooks
  /** Told what each client update changed (activity). */
  onChange?: ChangeHook
  /** Other server processes serving the same boards; none with one process. */
  bus?: RoomBus
  /** How long judging one update may hold the event loop in a turn (ms); JUDGE_SLICE_MS. */
  judgeSliceMs?: number
}

interface PendingUpdate {
  update: Uint8Array
  /** The connection that sent it; null for changes made by the server. */
  origin: Connection | null
}

const LOAD_ORIGIN = Symbol('load')

/** How long a frame that needs the document waits at most for first syncs still to answer. */
const BUILD_WAIT_MS = 1000
/** Frames held for the build at most; more and it is built at once (memory stays bounded). */
const MAX_BACKLOG = 1000

export class Room implements BusMember {
  private readonly ydoc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  /** What the store holds, until the document is built from it. */
  private stored: Uint8Array[] | null
  /** Connections added before the build: they get our sync step 1 once it is done. */
  private readonly joinedEarly = new Set<Connection>()
  /** Of those, the ones whose first sync step 1 the build waits for (briefly). */
  private readonly firstSyncDue = new Set<Connection>()
  /** Connections answered from the stored bytes and not acked yet (the bytes are stored). */
  private readonly answeredEarly = new Set<Connection>()
  /** The state vector of the stored bytes, worked out for the first ack that needs it. */
  private storedVector: Uint8Array | null = null
  /** Frames that need the document and arrived before the build, replayed in order after it. */
  private backlog: [Connection, Uint8Array][] = []
  /** Whether an update is being taken in over several turns (see takeInOverTurns). */
  private judging = false
  /** What would change the document, arrived while an update is judged: run after, in order. */
  private readonly waiting: (() => void)[] = []
  /** Counts the document's changes, so that a judgment across turns sees if it still holds. */
  private version = 0
  /** Done once the update taken in over several turns, if any, is in. */
  private settling: Promise<void> = Promise.resolve()
  /** The connection whose update is applied in parts: acked once the last part is stored. */
  private applyingInParts: Connection | null = null
  private answersInFlight = 0
  private buildTimer: NodeJS.Timeout | null = null
  /** Each connection with the awareness client ids it controls, removed when it closes. */
  private readonly conns = new Map<Connection, Set<number>>()
  /** Coalesces presence per room and sends each connection what it shows. */
  private readonly presence = new PresenceRelay(this.awareness, () => this.conns.keys())
  /** Updates waiting for content their connection has not sent yet. */
  private readonly held = new HeldUpdates((conn) =>
    conn.close(CLOSE_MALFORMED, 'malformed: an update refers to content this board does not have'),
  )
  private pending: PendingUpdate[] = []
  private afterStore: (() => void)[] = []
  private flushTimer: { cancel(): void } | null = null
  /** When the last batch was taken to be stored and relayed (performance.now()). */
  private lastBatchAt = 0
  private compactTimer: NodeJS.Timeout | null = null
  private chain: Promise<void> = Promise.resolve()
  /**
   * Sequence number up to which every stored update is in this room (its own and, with a bus,
   * other processes'); compaction goes no further.
   */
  private seq: number
  private sinceSnapshot: number
  private storeFailure = false
  private destroyed = false
  private readonly log: Logger

  private constructor(
    readonly boardId: string,
    private readonly options: RoomOptions,
    stored: { updates: Uint8Array[]; seq: number },
  ) {
    this.log = options.log.child({ boardId })
    this.seq = stored.seq
    this.sinceSnapshot = stored.updates.length > 1 ? stored.updates.length : 0
    this.stored = stored.updates.length > 0 ? stored.updates : null
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.ydoc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** The board's document, built from the store on first use. */
  get doc(): Y.Doc {
    this.build()
    return this.ydoc
  }

  /** Whether an update is being judged or applied across event-loop turns right now. */
  get judgingUpdate(): boolean {
    return this.judging
  }

  private get judgeSliceMs(): number {
    return this.options.judgeSliceMs ?? JUDGE_SLICE_MS
  }

  /** Whether the document has been built from the store yet. */
  get built(): boolean {
    return this.stored === null
  }

  private build(): void {
    const stored = this.stored
    if (!stored || this.destroyed) return
    this.stored = null
    if (this.buildTimer) clearTimeout(this.buildTimer)
    this.buildTimer = null
    // One merged update integrates far faster than many small ones applied in turn.
    Y.applyUpdate(this.ydoc, mergeUpdates(stored), LOAD_ORIGIN)
    if (dropPending(this.ydoc)) {
      // What older servers let through: content and deletes that can never apply. Gone for good
      // once compacted, so that nobody is sent them again.
      this.log.warn('dropped pending content and deletes the stored board held')
      void this.enqueue(() => this.compact())
    }
    // Boards are migrated by the server, as the system, and the change stored and relayed.
    const migration = migrateBoard(this.ydoc)
    if (migration === 'migrated') this.log.info('migrated the board to the current schema')
    // Our answers held exactly what is stored: ack it, then ask for what we lack.
    const covered = Y.encodeStateVector(this.ydoc)
    for (const conn of this.joinedEarly) {
      if (!this.conns.has(conn)) continue
      if (conn.wantsAcks && this.answeredEarly.has(conn)) conn.send(savedFrame(covered))
      conn.send(syncStep1(this.ydoc))
    }
    this.joinedEarly.clear()
    this.firstSyncDue.clear()
    this.answeredEarly.clear()
    for (const [conn, frame] of this.backlog.splice(0)) this.receive(conn, frame)
  }

  /**
   * Builds for the frames waiting in the backlog once every connection that joined meanwhile has
   * had its first sync answered and the answers are written out: building blocks the event loop,
   * and with it their sending. Waits BUILD_WAIT_MS at most.
   */
  private readonly buildWhenAnswered = (): void => {
    if (!this.stored || this.destroyed || this.backlog.length === 0) return
    if (this.answersInFlight === 0 && this.firstSyncDue.size === 0) this.build()
    else this.buildTimer ??= setTimeout(() => this.build(), BUILD_WAIT_MS).unref()
  }

  /**
   * Answers a new client's sync step 1 with the stored updates as they are (merging them would
   * cost as much as building): all but the last as updates, the last as the step 2 that tells the
   * client it has everything. False for any other frame, which waits for the build.
   */
  private answerFromStored(conn: Connection, frame: Uint8Array, stored: Uint8Array[]): boolean {
    const stateVector = readSyncStep1(frame)
    if (!stateVector) return false
    this.firstSyncDue.delete(conn)
    setImmediate(this.buildWhenAnswered)
    // A client holding part of the board gets only the rest, from the built document.
    if (Y.decodeStateVector(stateVector).size > 0) return false
    this.answeredEarly.add(conn)
    this.answersInFlight++
    const last = stored.length - 1
    stored.forEach((update, i) =>
      i < last
        ? conn.send(syncUpdate(update))
        : conn.send(syncStep2(update), () => this.answerWritten(conn)),
    )
    return true
  }

  /** The answer is out: ack it as stored (a client may hold changes it waits to see saved). */
  private answerWritten(conn: Connection): void {
    this.answersInFlight--
    if (this.stored && this.answeredEarly.delete(conn) && conn.wantsAcks && this.conns.has(conn))
      conn.send(savedFrame(this.stateVectorOfStored(this.stored)))
    setImmediate(this.buildWhenAnswered)
  }

  private stateVectorOfStored(stored: Uint8Array[]): Uint8Array {
    if (this.storedVector) return this.storedVector
    // Each stored update holds a contiguous run of each client's changes, and together they
    // start at zero: the highest clock seen per client is what the store holds.
    const vector = new Map<number, number>()
    for (const update of stored) {
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)))
        vector.set(client, Math.max(clock, vector.get(client) ?? 0))
    }
    return (this.storedVector = Y.encodeStateVector(vector))
  }

  /** Loads a board from the store; null when the store has never heard of it. */
  static async load(boardId: string, options: RoomOptions): Promise<Room | null> {
    // The stream position first: whatever is stored after the load is published after it.
    const from = await options.bus?.position(boardId)
    const stored = await options.store.load(boardId)
    if (!stored) return null
    const room = new Room(boardId, options, stored)
    if (options.bus && from !== undefined) room.leaveBus = options.bus.join(room, from)
    return room
  }

  /** 'private': one person's post-its during private writing; otherwise a board. */
  get kind(): RoomKind {
    return parsePrivateRoomId(this.boardId) ? 'private' : 'board'
  }

  get hooks(): RoomHooks | undefined {
    return this.options.hooks
  }

  /** A store failed; the room only waits to be unloaded and reloaded. */
  get failed(): boolean {
    return this.storeFailure
  }

  get size(): number {
    return this.conns.size
  }

  connections(): Connection[] {
    return [...this.conns.keys()]
  }

  /** Starts the protocol: our state vector (so the client sends what we lack) and who is here. */
  add(conn: Connection): void {
    if (this.storeFailure) return conn.close(1011, 'storage failure')
    this.conns.set(conn, new Set())
    if (this.stored) {
      this.joinedEarly.add(conn)
      this.firstSyncDue.add(conn)
    } else conn.send(syncStep1(this.doc))
    if (this.awareness.getStates().size > 0) this.sendAwareness(conn)
  }

  remove(conn: Connection): void {
    const ids = this.conns.get(conn)
    if (!ids) return
    this.conns.delete(conn)
    this.joinedEarly.delete(conn)
    this.firstSyncDue.delete(conn)
    this.answeredEarly.delete(conn)
    this.held.release(conn)
    if (this.stored) setImmediate(this.buildWhenAnswered)
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
  }

  /** Handles one frame from a connection; a bad frame closes that connection only. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (conn.closed || !this.conns.has(conn)) return
    try {
      if (this.judging && needsDocument(frame)) {
        this.waiting.push(() => this.receive(conn, frame))
        return
      }
      if (this.stored && needsDocument(frame)) {
        if (this.answerFromStored(conn, frame, this.stored)) return
        this.backlog.push([conn, frame])
        if (this.backlog.length >= MAX_BACKLOG) this.build()
        else setImmediate(this.buildWhenAnswered)
        return
      }
      dispatch(this, conn, frame)
    } catch (err) {
      this.refuse(conn, err)
    }
  }

  /** Closes a connection whose frame was refused, with the code that says why. */
  private refuse(conn: Connection, err: unknown): void {
    const error =
      err instanceof ProtocolError
        ? err
        : // Decoded once, by the checks; bytes that are no update at all end here.
          err instanceof MalformedUpdate
          ? malformed(`malformed update: ${err.message}`)
          : malformed(String(err))
    conn.log.warn({ code: error.code, err: error.message }, 'rejected message')
    conn.close(error.code, error.message)
  }

  answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    const reply = syncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    const covered = Y.encodeStateVector(this.doc)
    // What the reply holds may still be on its way to the store: send it once it is stored.
    this.whenStored(() => {
      conn.send(reply)
      if (conn.wantsAcks) conn.send(savedFrame(covered))
    })
  }

  applyClientUpdate(conn: Connection, received: Uint8Array): void {
    let update = received
    if (conn.role === 'viewer') {
      // Stock clients answer our sync step 1 with an (empty) step 2; only news is forbidden.
      if (!changesNothing(this.doc, update)) throw forbidden('viewers cannot change the board')
      return
    }
    const kind = this.kind
    const refusal = kind === 'private' ? this.options.hooks?.refusePrivateWrite?.(this) : null
    if (refusal) {
      // Like a viewer's: a sync answer with nothing new is no write.
      if (changesNothing(this.doc, update)) return
      throw forbidden(`forbidden: ${refusal}`)
    }
    if (conn.role === 'facilitator' && kind === 'board') this.options.hooks?.watch(this)
    update = this.held.withHeld(conn, update)
    const judgment = new UpdateJudgment(conn, this.doc, update, kind)
    const verdict = judgment.work(this.judgeSliceMs)
    if (verdict && (!verdict.ok || verdict.removedRecords.length <= REMOVALS_PER_TURN)) {
      if (this.admit(conn, update, verdict)) this.apply(conn, update)
    } else this.settling = this.takeInOverTurns(conn, update, kind, judgment, verdict)
  }

  /**
   * Takes in a big update over several event-loop turns, so that other boards are served
   * meanwhile: it is judged a slice per turn, and the records it removes are removed
   * REMOVALS_PER_TURN per turn before the rest of it is applied. Until then this room holds
   * back whatever would change its document (other updates, other processes' updates), in order.
   * Should the server itself change the document while it is judged, the judgment starts again
   * (the last time in one go).
   */
  private async takeInOverTurns(
    conn: Connection,
    update: Uint8Array,
    kind: RoomKind,
    judgment: UpdateJudgment,
    verdict: Verdict | null,
  ): Promise<void> {
    this.judging = true
    try {
      let version = this.version
      let restarts = 0
      while (!verdict) {
        await nextTurn()
        if (this.destroyed || conn.closed || !this.conns.has(conn)) return
        if (this.version !== version) {
          judgment = new UpdateJudgment(conn, this.doc, update, kind)
          version = this.version
          restarts++
        }
        verdict = judgment.work(restarts > MAX_RESTARTS ? Infinity : this.judgeSliceMs)
      }
      if (!this.admit(conn, update, verdict) || !verdict.ok) return
      // Accepted: it is taken in whole, even should its sender leave meanwhile.
      // Each record goes whole (with everything in it), so every state between is one a person
      // removing them one by one would make; the rest (new content, edits) comes last.
      const records = verdict.removedRecords
      this.applyingInParts = conn
      for (let from = 0; from < records.length; from += REMOVALS_PER_TURN) {
        if (from > 0) await nextTurn()
        if (this.destroyed) return
        this.transactFor(conn, (tr) => {
          for (const record of records.slice(from, from + REMOVALS_PER_TURN))
            if (!record.deleted) record.delete(tr)
        })
      }
      this.apply(conn, update)
      this.applyingInParts = null
      // Its last part may change nothing (the removals were all of it): acked all the same.
      const covered = Y.encodeStateVector(this.doc)
      if (conn.wantsAcks)
        this.whenStored(() => this.conns.has(conn) && conn.send(savedFrame(covered)))
    } catch (err) {
      this.refuse(conn, err)
    } finally {
      this.judging = false
      this.applyingInParts = null
      this.runWaiting()
    }
  }

  /** Runs what was held back, in order, until it is all done or another update takes turns. */
  private runWaiting(): void {
    while (!this.judging && this.waiting.length > 0) {
      try {
        this.waiting.shift()!()
      } catch (err) {
        this.log.error({ err }, 'held-back work failed')
      }
    }
  }

  /**
   * Whether an update with this verdict may be applied now; false while it waits for content
   * still to come from its connection. Throws a ProtocolError for one that may not.
   */
  private admit(conn: Connection, update: Uint8Array, verdict: Verdict): boolean {
    if (!verdict.ok) {
      // It may build on what this connection sends next (its offline edits): wait for that.
      if (verdict.missing && this.held.hold(conn, update)) return false
      this.held.release(conn)
      throw new ProtocolError(verdict.code, `${closeWord(verdict.code)}: ${verdict.reason}`)
    }
    this.held.release(conn)
    const overBudget = conn.spendItems(verdict.items)
    if (overBudget) throw new ProtocolError(CLOSE_RATE_LIMITED, overBudget)
    return true
  }

  /** Applies an update that passed its checks, as its connection's change. */
  private apply(conn: Connection, update: Uint8Array): void {
    let stale: Y.Map<unknown>[] = []
    this.transactFor(conn, (tr) => {
      Y.applyUpdate(this.doc, update, conn)
      stale = staleRecordsIn(tr)
    })
    migrateRecords(this.doc, stale)
  }

  /**
   * A change of the document on behalf of a connection: stored, relayed and acked as its own.
   * The change hook reads what it changed from the transaction, before observers run.
   */
  private transactFor(conn: Connection, change: (tr: Y.Transaction) => void): void {
    this.doc.transact((tr) => {
      change(tr)
      this.options.onChange?.onChange(this, conn, tr)
    }, conn)
  }

  /** Applies a change made by the server itself (import, migration); stored and relayed to all. */
  applyServerUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, SYSTEM_ORIGIN)
  }

  applyAwareness(conn: Connection, update: Uint8Array): void {
    const owned = this.ownPresence(conn, update)
    if (owned) awarenessProtocol.applyAwarenessUpdate(this.awareness, owned, conn)
  }

  /**
   * The part of a presence update that is this connection's to make: states of client ids it
   * introduced, or introduces now (ids nobody here holds, a few per connection). Entries for
   * another connection's ids, a removal included, are left out, so nobody (a viewer included)
   * can forge or remove someone else's presence. One exception: the same person (same `user`
   * secret) on a new socket takes their ids over, as after a reconnect the server has not
   * noticed yet. Null when nothing is left.
   */
  private ownPresence(conn: Connection, update: Uint8Array): Uint8Array | null {
    const mine = this.conns.get(conn)
    if (!mine) return null
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const kept: [client: number, clock: number, state: string][] = []
    for (let i = 0; i < count; i++) {
      const entry: [number, number, string] = [
        decoding.readVarUint(decoder),
        decoding.readVarUint(decoder),
        decoding.readVarString(decoder),
      ]
      const client = entry[0]
      if (mine.has(client)) {
        kept.push(entry)
        continue
      }
      // Stock clients echo everyone's presence back: nothing newer, nothing to do.
      if (entry[1] <= (this.awareness.meta.get(client)?.clock ?? -1)) continue
      const owner = [...this.conns].find(([, ids]) => ids.has(client))
      const samePerson = !!owner && conn.personId !== null && owner[0].personId === conn.personId
      if (owner && !samePerson) {
        conn.log.debug({ client }, 'ignored presence of a client id this socket does not own')
        continue
      }
      if (!owner && mine.size >= MAX_PRESENCE_IDS) continue
      owner?.[1].delete(client)
      owner?.[0].presenceIds.delete(client)
      mine.add(client)
      conn.presenceIds.add(client)
      kept.push(entry)
    }
    if (decoding.hasContent(decoder)) throw malformed('trailing bytes after presence update')
    if (kept.length === count) return update
    if (kept.length === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kept.length)
    for (const [client, clock, state] of kept) {
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, state)
    }
    return encoding.toUint8Array(encoder)
  }

  sendAwareness(conn: Connection): void {
    this.presence.sendAll(conn)
  }

  /** Resolves once everything applied so far is stored (and a compaction due is done). */
  async flush(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.whenStored(resolve)
      this.flushNow()
    })
    if (this.sinceSnapshot >= this.options.compactEvery) await this.enqueue(() => this.compact())
  }

  /** Final store and compaction, then frees the document. */
  async close(): Promise<void> {
    await this.settling
    await this.flush()
    await this.enqueue(async () => {
      if (this.sinceSnapshot > 0) await this.compact()
    })
    this.destroyed = true
    this.leaveBus?.()
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer)
    if (this.buildTimer) clearTimeout(this.buildTimer)
    if (this.compactTimer) clearTimeout(this.compactTimer)
    this.ydoc.off('update', this.onDocUpdate)
    this.presence.destroy()
    this.awareness.destroy()
    this.ydoc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.version++
    if (origin === LOAD_ORIGIN || this.destroyed) return
    if (origin === REMOTE_ORIGIN) return this.relayRemote(update)
    this.pending.push({ update, origin: origin instanceof Connection ? origin : null })
    // A bounded batch keeps latency bounded when a backlog arrives in one event-loop turn.
    if (this.pending.length >= MAX_BATCH) this.flushNow()
    else if (!this.flushTimer) this.scheduleFlush()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const ids = origin instanceof Connection ? this.conns.get(origin) : undefined
    if (ids) {
      for (const id of [...added, ...updated]) ids.add(id)
      for (const id of removed) ids.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    // Other processes' clients hear of it through the bus (what came from it is not sent back).
    if (origin !== REMOTE_ORIGIN && this.options.bus)
      this.options.bus.publishAwareness(
        this.boardId,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      )
    // Batches go to the sender too: stock clients treat 30 s of silence as a dead connection.
    this.presence.changed(changed, origin instanceof Connection ? origin : null)
  }

  /** Runs `fn` once everything applied so far is stored. */
  private whenStored(fn: () => void): void {
    if (this.pending.length > 0) this.afterStore.push(fn)
    else void this.enqueue(async () => fn())
  }

  /**
   * The next batch goes at the end of this event-loop turn, or in a big room once its spacing
   * since the last one passed: relaying a batch costs a send per connection, so spacing them
   * keeps that work a bounded share of the CPU however many edit at once (at 1,300 sockets,
   * 40 batches a second: 52,000 sends instead of one per edit per socket).
   */
  private scheduleFlush(): void {
    const wait = this.lastBatchAt + relaySpacingMs(this.conns.size) - performance.now()
    if (wait <= 0) {
      const handle = setImmediate(this.flushNow)
      this.flushTimer = { cancel: () => clearImmediate(handle) }
    } else {
      const handle = setTimeout(this.flushNow, wait)
      this.flushTimer = { cancel: () => clearTimeout(handle) }
    }
  }

  private readonly flushNow = (): void => {
    this.flushTimer?.cancel()
    this.flushTimer = null
    this.lastBatchAt = performance.now()
    const batch = this.pending
    const callbacks = this.afterStore
    this.pending = []
    this.afterStore = []
    if (batch.length === 0) {
      for (const fn of callbacks) void this.enqueue(async () => fn())
      return
    }
    // Every update applied so far is in this batch, so this is what the store will hold.
    const covered = batch.some((p) => p.origin?.wantsAcks) ? Y.encodeStateVector(this.doc) : null
    void this.enqueue(async () => {
      try {
        const last = await this.options.store.append(
          this.boardId,
          batch.map((p) => p.update),
        )
        this.sinceSnapshot += batch.length
        const merged = this.relay(batch)
        this.hold(last - batch.length + 1, last)
        this.options.bus?.publishUpdate(this.boardId, merged, last - batch.length + 1, last)
        if (covered) this.acknowledge(batch, covered)
      } catch (err) {
        this.storeFailed(err)
      } finally {
        // After storeFailed has closed the connections, so nothing unstored goes out.
        for (const fn of callbacks) fn()
      }
      this.compactWhenDue()
    })
  }

  /**
   * Compaction (encoding the whole board, compressing and writing it) holds up the store chain,
   * and with it every relay behind it: it waits for a quiet moment (no batch for COMPACT_QUIET_MS)
   * unless the log has grown to twice the threshold.
   */
  private compactWhenDue(): void {
    const every = this.options.compactEvery
    if (this.sinceSnapshot >= 2 * every) void this.enqueue(() => this.compact())
    else if (this.sinceSnapshot >= every)
      this.compactTimer ??= setTimeout(this.compactIfQuiet, COMPACT_QUIET_MS).unref()
  }

  private readonly compactIfQuiet = (): void => {
    this.compactTimer = null
    if (this.destroyed || this.sinceSnapshot < this.options.compactEvery) return
    const quietFor = performance.now() - this.lastBatchAt
    if (quietFor >= COMPACT_QUIET_MS) void this.enqueue(() => this.compact())
    else this.compactTimer = setTimeout(this.compactIfQuiet, COMPACT_QUIET_MS - quietFor).unref()
  }

  /**
   * One merged update for the whole batch. Senders get it too when the batch holds others'
   * updates (applying one's own update again is a no-op in Yjs); that is one merge instead of one
   * per sender, which is what keeps bursts from many writers cheap.
   */
  private relay(batch: PendingUpdate[]): Uint8Array {
    const sender = batch[0]!.origin
    const onlyOneSender = batch.every((p) => p.origin === sender)
    const merged = mergeUpdates(batch.map((p) => p.update))
    // Encoded once for every connection, as the Buffer the socket would otherwise wrap per send.
    const frame = asBuffer(syncUpdate(merged))
    for (const conn of this.conns.keys()) {
      if (onlyOneSender && conn === sender) continue
      conn.relay(frame, 'update')
    }
    return merged
  }

  private acknowledge(batch: PendingUpdate[], covered: Uint8Array): void {
    const frame = savedFrame(covered)
    for (const conn of new Set(batch.map((p) => p.origin))) {
      if (conn === this.applyingInParts) continue
      if (conn?.wantsAcks && this.conns.has(conn)) conn.send(frame)
    }
  }

  // --- Other server processes (RoomBus): their stored updates and their clients' awareness ---

  private leaveBus: (() => void) | null = null
  /** Sequence ranges held beyond `seq`, with a gap before them. */
  private ahead: [number, number][] = []
  private catchUpTimer: NodeJS.Timeout | null = null
  private catchingUp = false

  /** Another process stored this update as firstSeq..lastSeq; its clients are told here. */
  receiveUpdate(update: Uint8Array, firstSeq: number, lastSeq: number): void {
    if (this.destroyed || this.storeFailure) return
    if (this.judging) {
      this.waiting.push(() => this.receiveUpdate(update, firstSeq, lastSeq))
      return
    }
    if (!Number.isInteger(firstSeq) || !Number.isInteger(lastSeq) || lastSeq <= this.seq) return
    // Checked by the process that stored it; applied as it is.
    this.applyRemote(update)
    this.hold(firstSeq, lastSeq)
  }

  receiveAwareness(update: Uint8Array): void {
    if (this.destroyed) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  /** Reads from the store what was stored after `seq` (a gap, a bus outage). */
  catchUp(): void {
    if (this.destroyed || this.catchingUp) return
    this.catchingUp = true
    const from = this.seq
    this.options.store
      .loadAfter(this.boardId, from)
      .then((stored) => {
        if (!stored || this.destroyed) return
        const catchUp = () => {
          for (const update of stored.updates) this.applyRemote(update)
          this.hold(from + 1, stored.seq)
        }
        if (this.judging) this.waiting.push(catchUp)
        else catchUp()
      })
      .catch((err: unknown) => this.log.warn({ err }, 'catching up from the store failed'))
      .finally(() => (this.catchingUp = false))
  }

  private applyRemote(update: Uint8Array): void {
    if (this.stored) {
      // Not built: it joins what new clients are answered with, and goes to those here now.
      this.stored.push(update)
      this.storedVector = null
      this.relayRemote(update)
    } else Y.applyUpdate(this.ydoc, update, REMOTE_ORIGIN)
  }

  /** Stored by another process already: relayed to this room's clients as it is. */
  private relayRemote(update: Uint8Array): void {
    const frame = syncUpdate(update)
    for (const conn of this.conns.keys()) conn.send(frame)
  }

  /** Marks first..last as held here; `seq` moves on over every range without a gap. */
  private hold(first: number, last: number): void {
    if (last > this.seq) this.ahead.push([first, last])
    this.ahead.sort((a, b) => a[0] - b[0])
    while (this.ahead.length > 0 && this.ahead[0]![0] <= this.seq + 1)
      this.seq = Math.max(this.seq, this.ahead.shift()![1])
    this.ahead = this.ahead.filter(([, end]) => end > this.seq)
    if (this.ahead.length === 0 || this.catchUpTimer) return
    // Publications of processes that stored at the same moment may arrive out of order.
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null
      if (this.ahead.length > 0) this.catchUp()
    }, GAP_WAIT_MS)
    this.catchUpTimer.unref()
  }

  private async compact(): Promise<void> {
    try {
      // May include updates not appended yet; storing more than the log holds is harmless.
      // A snapshot never holds pending content (Yjs would encode it with the rest).
      if (!this.stored) dropPending(this.ydoc)
      const state = this.stored ? mergeUpdates(this.stored) : Y.encodeStateAsUpdate(this.doc)
      await this.options.store.compact(this.boardId, state, this.seq)
      this.sinceSnapshot = 0
      this.log.debug({ seq: this.seq }, 'compacted')
    } catch (err) {
      // The log is still complete; compaction is tried again later.
      this.log.error({ err }, 'compaction failed')
    }
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(task).catch((err: unknown) => {
      this.log.error({ err }, 'room task failed')
    })
    return this.chain
  }

  /**
   * Nothing unstored may be relayed, so a failing store ends every connection (1011). Clients
   * reconnect and send their state again; the room reloads from what was stored.
   */
  private storeFailed(err: unknown): void {
    this.log.error({ err }, 'store failed')
    this.storeFailure = true
    for (const conn of this.conns.keys()) conn.close(1011, 'storage failure')
  }
}

/**
 * How long judging an update may hold the event loop in one turn. Most updates are judged in
 * well under a millisecond; the biggest we accept take 20-40 ms, spread over several turns.
 */
const JUDGE_SLICE_MS = 4
/**
 * Records one turn removes, for an update that removes more (a whole board cleared at once):
 * Yjs takes about 15 µs to remove a post-it (its fields and text with it, collected and merged).
 */
const REMOVALS_PER_TURN = 250
/** Fresh starts of a judgment the server's own changes may cause before it is done in one go. */
const MAX_RESTARTS = 2

/** Presence client ids one connection may introduce (a stock client uses one). */
const MAX_PRESENCE_IDS = 4

/** Drops what a document holds pending (it refers to content that never came); true if any. */
function dropPending(doc: Y.Doc): boolean {
  const had = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return had
}

const closeWord = (code: number) =>
  code === CLOSE_FORBIDDEN
    ? 'forbidden'
    : code === CLOSE_CONTENT_TOO_LARGE
      ? 'too large'
      : 'malformed'

/** How long a gap in the sequence numbers may last before it is read from the store. */
const GAP_WAIT_MS = 250

/** A due compaction waits for this long without a batch; see compactWhenDue. */
const COMPACT_QUIET_MS = 500
/** Updates stored or relayed together per batch; see onDocUpdate. */
const MAX_BATCH = 64
/** Spacing of batches per connection in the room (a send costs 5-15 µs of CPU), and at most. */
const RELAY_SPACING_PER_CONNECTION_MS = 0.04
const MAX_RELAY_SPACING_MS = 25
const relaySpacingMs = (connections: number) =>
  Math.min(MAX_RELAY_SPACING_MS, connections * RELAY_SPACING_PER_CONNECTION_MS)

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const mergeUpdates = (updates: readonly Uint8Array[]): Uint8Array =>
  updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[])

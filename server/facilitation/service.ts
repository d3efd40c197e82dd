/**
 * The facilitation features of the server's rooms (RoomHooks): dot voting through the server,
 * round reveals and the end of private writing, both noticed on the board document.
 */
import { FACILITATION, getItem, privateWritingOn, rounds } from '../../shared/doc/index.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { MyVotes, VoteRequest } from '../../shared/facilitation/votes.ts'
import { newId } from '../../shared/schema/index.ts'
import type { Logger } from '../logger.ts'
import type { BoardStore } from '../persistence/store.ts'
import type { Connection } from '../sync/connection.ts'
import { myVotesFrame } from '../sync/facilitation-frames.ts'
import type { RoomHooks } from '../sync/hooks.ts'
import type { Room } from '../sync/room.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { VoteLedger } from './ledger.ts'
import { revealPrivateNotes } from './private-writing.ts'
import { isOpen, mayPlace, publishReveal, publishVoter } from './voting.ts'

export class FacilitationService implements RoomHooks {
  private readonly ledgers = new Map<string, Promise<VoteLedger>>()
  /** Ledgers of unloaded boards still storing their last operations; a reload waits for them. */
  private readonly draining = new Map<string, Promise<void>>()
  private readonly watched = new WeakSet<Room>()
  /** Connections that have used voting: only they hear about their person's dots unasked. */
  private readonly voters = new WeakSet<Connection>()
  /** Set once the room manager exists (it is built with these hooks). */
  rooms: RoomManager | null = null

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  watch(room: Room): void {
    if (this.watched.has(room) || room.kind !== 'board') return
    this.watched.add(room)
    let wasPrivate = privateWritingOn(room.doc)
    room.doc.getMap(FACILITATION).observe((event) => {
      if (!event.keysChanged.has('phase')) return
      const isPrivate = privateWritingOn(room.doc)
      if (wasPrivate && !isPrivate) void this.endPrivateWriting(room)
      wasPrivate = isPrivate
    })
    // Each reveal is published once; rounds already revealed when we start watching were.
    const published = new Set(
      rounds(room.doc)
        .all()
        .filter((r) => r.state === 'revealed')
        .map((r) => r.id),
    )
    rounds(room.doc).map.observeDeep((events) => {
      const changed = new Set<string>()
      for (const e of events) {
        if (e.path.length > 0) changed.add(String(e.path[0]))
        else e.changes.keys.forEach((_change, key) => changed.add(key))
      }
      for (const id of changed) {
        const revealed = rounds(room.doc).get(id)?.state === 'revealed'
        if (revealed && !published.has(id)) void this.reveal(room, id)
        if (revealed) published.add(id)
        else published.delete(id)
      }
    })
  }

  vote(room: Room, conn: Connection, request: VoteRequest): void {
    this.voters.add(conn)
    void this.handleVote(room, conn, request).catch((err: unknown) => {
      conn.log.error({ err }, 'vote failed')
      const answer = { roundId: request.roundId, dots: [], left: 0, error: 'failed' }
      conn.send(myVotesFrame({ ...answer, ref: request.ref }))
    })
  }

  private async handleVote(room: Room, conn: Connection, req: VoteRequest): Promise<void> {
    const voter = conn.personId
    if (!voter) {
      const answer = { roundId: req.roundId, dots: [], left: 0, error: 'no identity' }
      conn.send(myVotesFrame({ ...answer, ref: req.ref }))
      return
    }
    const ledger = await this.ledger(room.boardId)
    const answer = await ledger.run((): MyVotes => {
      const round = rounds(room.doc).get(req.roundId)
      const mine = ledger.dotsOf(req.roundId, voter)
      let error: string | undefined
      if (req.op === 'place') {
        const item = req.itemId ? getItem(room.doc, req.itemId) : null
        const verdict = mayPlace(round, item, mine, this.now())
        if (verdict.ok)
          ledger.add({
            id: newId(),
            roundId: req.roundId,
            itemId: item!.id,
            voterId: voter,
            createdAt: this.now(),
          })
        else error = verdict.error
      } else if (req.op === 'remove') {
        const verdict = isOpen(round, this.now())
        const dot = mine.findLast((d) => d.itemId === req.itemId)
        if (!verdict.ok) error = verdict.error
        else if (!dot) error = 'no dot of yours there'
        else ledger.remove(dot.id)
      }
      const after = ledger.dotsOf(req.roundId, voter)
      if (round && req.op !== 'mine' && !error)
        publishVoter(room.doc, round, ledger.dotsOf(req.roundId), voter)
      return {
        roundId: req.roundId,
        dots: after.map((d) => ({ id: d.id, itemId: d.itemId })),
        left: round ? Math.max(0, round.dotsPerPerson - after.length) : 0,
        ...(error ? { error } : {}),
      }
    })
    // Everyone else gets the change relayed once it is stored; the voter hears back at once.
    conn.send(myVotesFrame(req.ref === undefined ? answer : { ...answer, ref: req.ref }))
    if (req.op !== 'mine' && !answer.error) {
      const news = myVotesFrame(answer)
      for (const other of room.connections())
        if (other !== conn && other.personId === voter && this.voters.has(other)) other.send(news)
    }
  }

  private async reveal(room: Room, roundId: string): Promise<void> {
    const ledger = await this.ledger(room.boardId)
    await ledger.run(() => {
      const round = rounds(room.doc).get(roundId)
      if (round?.state !== 'revealed') return
      publishReveal(room.doc, round, ledger.dotsOf(roundId), this.now())
    })
  }

  private async endPrivateWriting(room: Room): Promise<void> {
    if (!this.rooms) return
    try {
      await revealPrivateNotes(room, this.rooms, this.store, this.log)
    } catch (err) {
      this.log.error({ err, boardId: room.boardId }, 'revealing private writing failed')
    }
  }

  /**
   * A private room takes writes only while its board runs private writing. The board's room is
   * loaded then: a private room's connection holds it (server/http/websocket.ts).
   */
  refusePrivateWrite(room: Room): string | null {
    const boardId = parsePrivateRoomId(room.boardId)?.boardId
    const board = boardId ? this.rooms?.peek(boardId) : undefined
    return board && privateWritingOn(board.doc) ? null : 'private writing is not running'
  }

  /** A board's room unloaded: its vote ledger leaves memory too, and is reloaded on demand. */
  unloaded(boardId: string): void {
    const ledger = this.ledgers.get(boardId)
    if (!ledger) return
    this.ledgers.delete(boardId)
    const drained = ledger.then((l) => l.idle()).catch(() => {})
    this.draining.set(boardId, drained)
    void drained.then(() => {
      if (this.draining.get(boardId) === drained) this.draining.delete(boardId)
    })
  }

  /** Boards whose vote ledger is in memory (tests, diagnostics). */
  get ledgerIds(): string[] {
    return [...this.ledgers.keys()]
  }

  private ledger(boardId: string): Promise<VoteLedger> {
    let ledger = this.ledgers.get(boardId)
    if (!ledger) {
      const before = this.draining.get(boardId) ?? Promise.resolve()
      ledger = before.then(() => VoteLedger.load(this.store, boardId))
      ledger.catch(() => this.ledgers.delete(boardId))
      this.ledgers.set(boardId, ledger)
    }
    return ledger
  }
}

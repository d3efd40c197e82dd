/**
 * The facilitation features of the server's rooms (RoomHooks): dot voting through the server,
 * round reveals and the end of private writing, both noticed on the board document.
 */
import {
  dots,
  FACILITATION,
  getItem,
  privateWritingOn,
  readVoters,
  rounds,
} from '../../shared/doc/index.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { MyVotes, VoteRequest } from '../../shared/facilitation/votes.ts'
import { newId } from '../../shared/schema/index.ts'
import type { Logger } from '../logger.ts'
import type { BoardStore, DotChange, LedgerDot } from '../persistence/store.ts'
import { REMOTE_ORIGIN } from '../sync/bus.ts'
import type { Connection } from '../sync/connection.ts'
import { myVotesFrame } from '../sync/facilitation-frames.ts'
import type { RoomHooks } from '../sync/hooks.ts'
import type { Room } from '../sync/room.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { revealPrivateNotes } from './private-writing.ts'
import { isOpen, mayPlace, publishReveal, publishVoter } from './voting.ts'

export class FacilitationService implements RoomHooks {
  /** Per board, the publication of votes on the board running now (they run in turn). */
  private readonly publishing = new Map<string, Promise<void>>()
  private readonly rechecks = new Map<string, NodeJS.Timeout>()
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
    // What another server process applied first is acted on there (reveals happen once).
    room.doc.getMap(FACILITATION).observe((event, tr) => {
      if (!event.keysChanged.has('phase')) return
      const isPrivate = privateWritingOn(room.doc)
      if (wasPrivate && !isPrivate && tr.origin !== REMOTE_ORIGIN) void this.endPrivateWriting(room)
      wasPrivate = isPrivate
    })
    // Each reveal is published once; rounds already revealed when we start watching were.
    const published = new Set(
      rounds(room.doc)
        .all()
        .filter((r) => r.state === 'revealed')
        .map((r) => r.id),
    )
    rounds(room.doc).map.observeDeep((events, tr) => {
      const changed = new Set<string>()
      for (const e of events) {
        if (e.path.length > 0) changed.add(String(e.path[0]))
        else e.changes.keys.forEach((_change, key) => changed.add(key))
      }
      for (const id of changed) {
        const revealed = rounds(room.doc).get(id)?.state === 'revealed'
        if (revealed && !published.has(id) && tr.origin !== REMOTE_ORIGIN)
          void this.reveal(room, id)
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
    const boardId = room.boardId
    const round = rounds(room.doc).get(req.roundId)
    const item = req.op === 'place' && req.itemId ? getItem(room.doc, req.itemId) : null
    const now = this.now()
    // The rules are checked against the voter's dots as stored, in one atomic step of the store:
    // requests of one person through several server processes cannot overspend.
    const { error, after } = await this.store.votes.change(
      boardId,
      req.roundId,
      voter,
      (mine): DotChange<{ error?: string; after: LedgerDot[] }> => {
        if (req.op === 'place') {
          const verdict = mayPlace(round, item, mine, now)
          if (!verdict.ok) return { value: { error: verdict.error, after: mine } }
          const dot = { id: newId(), roundId: req.roundId, itemId: item!.id, voterId: voter }
          const add = { ...dot, createdAt: now }
          return { add, value: { after: [...mine, add] } }
        }
        if (req.op === 'remove') {
          const verdict = isOpen(round, now)
          const dot = mine.findLast((d) => d.itemId === req.itemId)
          if (!verdict.ok) return { value: { error: verdict.error, after: mine } }
          if (!dot) return { value: { error: 'no dot of yours there', after: mine } }
          return { removeId: dot.id, value: { after: mine.filter((d) => d !== dot) } }
        }
        return { value: { after: mine } }
      },
    )
    const answer: MyVotes = {
      roundId: req.roundId,
      dots: after.map((d) => ({ id: d.id, itemId: d.itemId })),
      left: round ? Math.max(0, round.dotsPerPerson - after.length) : 0,
      ...(error ? { error } : {}),
    }
    if (round && req.op !== 'mine' && !error) await this.publish(room, req.roundId, voter)
    // Everyone else gets the change relayed once it is stored; the voter hears back at once.
    conn.send(myVotesFrame(req.ref === undefined ? answer : { ...answer, ref: req.ref }))
    if (req.op !== 'mine' && !error) {
      const news = myVotesFrame(answer)
      for (const other of room.connections())
        if (other !== conn && other.personId === voter && this.voters.has(other)) other.send(news)
    }
  }

  /**
   * Shows a voter's change on the board, from the ledger as stored. Publications run one after
   * another per board, each reading the ledger afresh, so the last one shows the newest state.
   * Another server process may publish the same round at the same moment, and of two concurrent
   * writes of one key Yjs keeps either; so the round is published once more a little later,
   * from the ledger again, which changes the board only where it is still behind.
   */
  private publish(room: Room, roundId: string, voterId: string | null): Promise<void> {
    const run = async () => {
      const round = rounds(room.doc).get(roundId)
      if (!round || round.state === 'revealed') return
      const all = await this.store.votes.dots(room.boardId, roundId)
      const current = rounds(room.doc).get(roundId)
      if (!current || current.state === 'revealed') return
      const voterIds = voterId
        ? [voterId]
        : [...new Set([...all.map((d) => d.voterId), ...shownVoters(room, roundId)])]
      for (const id of voterIds) publishVoter(room.doc, current, all, id)
    }
    const chain = (this.publishing.get(room.boardId) ?? Promise.resolve()).then(run, run)
    const settled = chain.catch((err: unknown) =>
      this.log.error({ err, boardId: room.boardId }, 'publishing votes failed'),
    )
    this.publishing.set(room.boardId, settled)
    void settled.then(() => {
      if (this.publishing.get(room.boardId) === settled) this.publishing.delete(room.boardId)
    })
    if (voterId) this.recheckLater(room, roundId)
    return settled
  }

  private recheckLater(room: Room, roundId: string): void {
    const key = `${room.boardId}\u0000${roundId}`
    clearTimeout(this.rechecks.get(key))
    const timer = setTimeout(() => {
      this.rechecks.delete(key)
      if (room.failed || !this.rooms?.peek(room.boardId)) return
      void this.publish(room, roundId, null)
    }, REPUBLISH_MS)
    timer.unref()
    this.rechecks.set(key, timer)
  }

  private async reveal(room: Room, roundId: string): Promise<void> {
    const dots = await this.store.votes.dots(room.boardId, roundId)
    const round = rounds(room.doc).get(roundId)
    if (round?.state !== 'revealed') return
    publishReveal(room.doc, round, dots, this.now())
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

  /** A board's room unloaded: its pending re-checks go too. */
  unloaded(boardId: string): void {
    for (const [key, timer] of this.rechecks)
      if (key.startsWith(`${boardId}\u0000`)) {
        clearTimeout(timer)
        this.rechecks.delete(key)
      }
  }
}

/** A voting round's second publication, after other processes' concurrent ones have arrived. */
const REPUBLISH_MS = 400

/** Voters the board shows for a round: who may need their dots taken off again. */
function shownVoters(room: Room, roundId: string): string[] {
  const shown = dots(room.doc)
    .all()
    .filter((d) => d.roundId === roundId)
    .map((d) => d.voterId)
  return [...shown, ...(readVoters(room.doc, roundId).ids ?? [])]
}

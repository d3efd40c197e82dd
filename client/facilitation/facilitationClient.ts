/**
 * The client side of facilitation for one open board: agenda, timer, phase and rounds read from
 * the document, the server's clock (MESSAGE_TIME) and this person's own dots (MESSAGE_MY_VOTES).
 * Facilitator writes go through `write`, as local, undoable-free transactions.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import {
  FACILITATION,
  readFacilitation,
  readVoters,
  rounds,
  updateFacilitation,
  votersMap,
  type VotersEntry,
} from '../../shared/doc/index.ts'
import { ServerClock } from '../../shared/facilitation/clock.ts'
import type { MyVotes, VoteRequest } from '../../shared/facilitation/votes.ts'
import { MESSAGE_MY_VOTES, MESSAGE_TIME, MESSAGE_VOTE } from '../../shared/protocol/messages.ts'
import type { Facilitation, RoundRecord } from '../../shared/schema/index.ts'
import { Store } from '../lib/store.ts'
import type { BoardSession } from '../sync/session.ts'

export interface FacilitationState {
  facilitation: Facilitation
  rounds: RoundRecord[]
  voters: Record<string, VotersEntry>
  /** This person's dots per round, as the server last told us. */
  myVotes: Record<string, MyVotes>
  /** The last refusal of a vote, for a short notice. */
  voteError: string | null
}

type Handler = BoardSession['provider']['messageHandlers'][number]

const TIME_SYNC_EVERY_MS = 60_000

export class FacilitationClient {
  readonly state: Store<FacilitationState>
  readonly clock = new ServerClock()
  private readonly cleanup: (() => void)[] = []
  private nextRef = 1

  /**
   * `canVote` is false for a viewer (the projector): it never asks for dots, which it has none
   * of, and so never risks the server's refusal; it reads the live count and the reveal instead.
   */
  constructor(
    private readonly session: BoardSession,
    readonly canVote = true,
  ) {
    const doc = session.doc
    this.state = new Store<FacilitationState>({
      facilitation: readFacilitation(doc),
      rounds: readRounds(doc),
      voters: readAllVoters(doc),
      myVotes: {},
      voteError: null,
    })
    const asked = new Set<string>()
    const refresh = () => {
      this.state.set({
        facilitation: readFacilitation(doc),
        rounds: readRounds(doc),
        voters: readAllVoters(doc),
      })
      // Our own dots in a round we have not heard about: only the server knows them.
      for (const r of this.state.get().rounds)
        if (
          this.canVote &&
          r.state === 'open' &&
          !asked.has(r.id) &&
          this.session.provider.wsconnected
        ) {
          asked.add(r.id)
          this.vote({ op: 'mine', roundId: r.id })
        }
    }
    const fac = doc.getMap(FACILITATION)
    const roundsMap = rounds(doc).map
    const voters = votersMap(doc)
    fac.observe(refresh)
    roundsMap.observeDeep(refresh)
    voters.observe(refresh)
    this.cleanup.push(() => {
      fac.unobserve(refresh)
      roundsMap.unobserveDeep(refresh)
      voters.unobserve(refresh)
    })
    this.installHandlers()
    this.syncTimeWhenConnected()
  }

  /** The server's time now, as well as we know it. */
  now = (): number => this.clock.now()

  /** Changes facilitation state (facilitators only; the server refuses anyone else). */
  write(patch: Partial<Facilitation>): void {
    updateFacilitation(this.session.doc, patch, 'facilitation-ui')
  }

  get doc(): Y.Doc {
    return this.session.doc
  }

  vote(request: Omit<VoteRequest, 'ref'>): void {
    if (!this.canVote) return
    this.send((e) => {
      encoding.writeVarUint(e, MESSAGE_VOTE)
      encoding.writeVarString(e, JSON.stringify({ ...request, ref: this.nextRef++ }))
    })
  }

  private installHandlers(): void {
    const handlers = this.session.provider.messageHandlers
    handlers[MESSAGE_TIME] = ((_encoder, decoder) => {
      const sentAt = decoding.readFloat64(decoder)
      const serverTime = decoding.readFloat64(decoder)
      this.clock.add({ sentAt, serverTime, receivedAt: Date.now() })
    }) as Handler
    handlers[MESSAGE_MY_VOTES] = ((_encoder, decoder) => {
      const votes = JSON.parse(decoding.readVarString(decoder)) as MyVotes
      this.state.set((s) => ({
        myVotes: { ...s.myVotes, [votes.roundId]: votes },
        voteError: votes.error ?? null,
      }))
    }) as Handler
  }

  /** A few samples on every (re)connection, then one a minute: the best round trip wins. */
  private syncTimeWhenConnected(): void {
    const provider = this.session.provider
    const sample = () =>
      this.send((e) => {
        encoding.writeVarUint(e, MESSAGE_TIME)
        encoding.writeFloat64(e, Date.now())
      })
    const timers: ReturnType<typeof setTimeout>[] = []
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return
      for (const delay of [0, 300, 900]) timers.push(setTimeout(sample, delay))
      // Our own dots in open rounds: the server is the only one who knows them.
      if (this.canVote)
        for (const r of this.state.get().rounds)
          if (r.state !== 'revealed') this.vote({ op: 'mine', roundId: r.id })
    }
    provider.on('status', onStatus)
    if (provider.wsconnected) onStatus({ status: 'connected' })
    const interval = setInterval(sample, TIME_SYNC_EVERY_MS)
    this.cleanup.push(() => {
      provider.off('status', onStatus)
      clearInterval(interval)
      timers.forEach(clearTimeout)
    })
  }

  private send(write: (e: encoding.Encoder) => void): void {
    const ws = this.session.provider.ws
    if (!ws || ws.readyState !== WebSocket.OPEN) return
    const e = encoding.createEncoder()
    write(e)
    ws.send(encoding.toUint8Array(e))
  }

  destroy(): void {
    for (const c of this.cleanup) c()
    const handlers = this.session.provider.messageHandlers
    delete handlers[MESSAGE_TIME]
    delete handlers[MESSAGE_MY_VOTES]
  }
}

const readRounds = (doc: Y.Doc): RoundRecord[] =>
  rounds(doc)
    .all()
    .sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1))

function readAllVoters(doc: Y.Doc): Record<string, VotersEntry> {
  const out: Record<string, VotersEntry> = {}
  for (const id of votersMap(doc).keys()) out[id] = readVoters(doc, id)
  return out
}

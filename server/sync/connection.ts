import { randomUUID } from 'node:crypto'
import { WebSocket } from 'ws'
import { CLOSE_BEHIND, type Role } from '../../shared/protocol/messages.ts'
import type { Logger } from '../logger.ts'

/** A client that stops reading its own answers (sync replies) is cut off beyond this. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024
/**
 * Backpressure on what the room relays (others' edits and presence), counted apart from the
 * connection's own sync answers, which may be a whole board at once. Beyond the first ceiling a
 * connection gets no presence (cursors go stale, then it gets the current states in one piece);
 * beyond the second it is closed with CLOSE_BEHIND and catches up by state vector when it
 * reconnects. 1,300 sockets stay under ~1.3 GB however slow they are; a browser reads far faster.
 */
export const PRESENCE_CEILING_BYTES = 64 * 1024
export const RELAY_CEILING_BYTES = 1024 * 1024

/** How long a client closed for being behind may take to read up to the close frame. */
const BEHIND_CLOSE_WAIT_MS = 5_000

/** What the room relays: presence may be dropped and replaced later, updates may not. */
export type RelayKind = 'presence' | 'update'

export interface ConnectionInfo {
  boardId: string
  role: Role
  /** Opened with `?acks=1`: receives MESSAGE_SAVED after its updates are stored. */
  wantsAcks: boolean
  /** Derived from the `user` secret the client sent; null when it sent none. */
  personId?: string | null
  /** The link that opened it: the board whose token it was and that token's generation. */
  link?: { boardId: string; generation: number }
  /** The address it came from, for per-address limits. */
  address?: string
  /** Charges the items of an accepted update; the reason when over the socket's limits. */
  spendItems?: (items: number) => string | null
}

/** One client's socket in a room, with the role it was granted at the upgrade. */
export class Connection {
  readonly id = randomUUID().slice(0, 8)
  readonly boardId: string
  readonly role: Role
  readonly wantsAcks: boolean
  readonly personId: string | null
  readonly link: { boardId: string; generation: number }
  readonly address: string
  /** Presence client ids this connection introduced (kept by its room). */
  readonly presenceIds = new Set<number>()
  readonly log: Logger
  private closing = false
  /** Bytes of our own answers handed to the socket and not written out yet. */
  private answerBytesQueued = 0
  /** Presence frames were dropped: the room sends the current states once it reads again. */
  presenceBehind = false
  /** Charges the items of an update it sent; the reason when over its limits (4429). */
  readonly spendItems: (items: number) => string | null

  constructor(
    private readonly socket: WebSocket,
    info: ConnectionInfo,
    log: Logger,
  ) {
    this.boardId = info.boardId
    this.role = info.role
    this.wantsAcks = info.wantsAcks
    this.personId = info.personId ?? null
    this.link = info.link ?? { boardId: info.boardId, generation: 0 }
    this.address = info.address ?? 'unknown'
    this.spendItems = info.spendItems ?? (() => null)
    this.log = log.child({ boardId: info.boardId, role: info.role, conn: this.id })
  }

  get closed(): boolean {
    return this.closing || this.socket.readyState !== WebSocket.OPEN
  }

  /** Sends a frame; `onWritten` runs once it is handed to the network (or dropped). */
  send(data: Uint8Array, onWritten?: () => void): void {
    if (this.closed) return onWritten?.()
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      // A client that stops reading must not make the server hold the room's traffic for it.
      this.log.warn(
        { buffered: this.socket.bufferedAmount },
        'terminating a client that does not read',
      )
      this.closing = true
      this.socket.terminate()
      return onWritten?.()
    }
    this.answerBytesQueued += data.length
    this.socket.send(data, () => {
      this.answerBytesQueued -= data.length
      onWritten?.()
    })
  }

  /** Relayed bytes waiting in the socket's buffer (its own answers not counted). */
  get relayBytesQueued(): number {
    return Math.max(0, this.socket.bufferedAmount - this.answerBytesQueued)
  }

  /** Whether presence sent now would be queued (beyond PRESENCE_CEILING_BYTES), not read. */
  get presenceBlocked(): boolean {
    return this.relayBytesQueued > PRESENCE_CEILING_BYTES
  }

  /**
   * Sends a frame the room relays to everyone. Presence is dropped while the client is behind;
   * an update that finds RELAY_CEILING_BYTES queued closes the connection instead (CLOSE_BEHIND):
   * the client reconnects and gets what it lacks by state vector, which is far smaller than the
   * backlog. False when the frame was not sent.
   */
  relay(data: Uint8Array, kind: RelayKind): boolean {
    if (this.closed) return false
    const queued = this.relayBytesQueued
    if (kind === 'presence' && queued > PRESENCE_CEILING_BYTES) {
      this.presenceBehind = true
      return false
    }
    if (queued > RELAY_CEILING_BYTES) {
      this.log.warn({ queued }, 'closing a client that is too far behind')
      this.close(CLOSE_BEHIND, 'too far behind: reconnect and sync')
      // The close frame waits behind the backlog; a client that reads nothing never gets it.
      setTimeout(() => this.socket.terminate(), BEHIND_CLOSE_WAIT_MS).unref()
      return false
    }
    this.socket.send(data)
    return true
  }

  close(code: number, reason: string): void {
    if (this.closing) return
    this.closing = true
    this.log.info({ code, reason }, 'closing connection')
    if (
      this.socket.readyState === WebSocket.OPEN ||
      this.socket.readyState === WebSocket.CONNECTING
    )
      this.socket.close(code, reason.slice(0, 120))
  }
}

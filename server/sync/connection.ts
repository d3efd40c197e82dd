import { randomUUID } from 'node:crypto'
import { WebSocket } from 'ws'
import type { Role } from '../../shared/protocol/messages.ts'
import type { Logger } from '../logger.ts'

const MAX_BUFFERED_BYTES = 64 * 1024 * 1024

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
    this.socket.send(data, onWritten && (() => onWritten()))
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

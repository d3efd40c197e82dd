/**
 * Relays a room's presence (awareness) so that its traffic does not grow with the square of the
 * room:
 * - changes are coalesced per room into at most BATCHES_PER_SECOND batches, each carrying only
 *   the latest state of every client that changed (intermediate cursor positions are never sent);
 * - viewers get what they show: facilitators' states whole (their view is what a projector
 *   follows), everyone else's without cursor, selection or view, and only when the rest changed
 *   (or to keep it from timing out on their side);
 * - a connection that reads too slowly gets no presence (Connection.relay drops it) and, once it
 *   reads again, the current states in one frame instead of the stale ones it missed.
 */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Role } from '../../shared/protocol/messages.ts'
import type { Connection } from './connection.ts'
import { awarenessFrame } from './encode.ts'

export const BATCHES_PER_SECOND = 30
const BATCH_INTERVAL_MS = 1000 / BATCHES_PER_SECOND
/**
 * Stock clients drop a peer not heard of for 30 s: viewers hear of everyone at least this often
 * even when what they see of them did not change.
 */
const VIEWER_REFRESH_MS = 10_000

interface ViewerCopy {
  /** JSON of what viewers last got of this client. */
  json: string
  sentAt: number
}

export class PresenceRelay {
  private readonly dirty = new Set<number>()
  private timer: NodeJS.Timeout | null = null
  private lastBatchAt = 0
  /** The role of the connection each client id came from (viewers see non-facilitators less). */
  private readonly ownerRole = new Map<number, Role>()
  private readonly viewerCopies = new Map<number, ViewerCopy>()

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly connections: () => Iterable<Connection>,
  ) {}

  /** Clients' states changed (or were removed); `from` is the connection that sent them. */
  changed(ids: readonly number[], from: Connection | null): void {
    for (const id of ids) {
      this.dirty.add(id)
      if (from && this.awareness.states.has(id)) this.ownerRole.set(id, from.role)
    }
    if (this.timer || this.dirty.size === 0) return
    const wait = Math.max(0, this.lastBatchAt + BATCH_INTERVAL_MS - performance.now())
    this.timer = setTimeout(this.flush, wait)
  }

  /** Everyone's current state, as this connection may see it (on joining, or when asked). */
  sendAll(conn: Connection): void {
    const ids = [...this.awareness.getStates().keys()]
    if (ids.length === 0) return
    const frame = this.encodeFor(conn.role, ids, false)
    conn.presenceBehind = false
    if (frame) conn.send(frame)
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private readonly flush = (): void => {
    this.timer = null
    this.lastBatchAt = performance.now()
    const ids = [...this.dirty]
    this.dirty.clear()
    for (const id of ids) if (!this.awareness.states.has(id)) this.ownerRole.delete(id)
    let full: Uint8Array | null = null
    let forViewers: Uint8Array | null | undefined
    for (const conn of this.connections()) {
      if (conn.closed) continue
      if (conn.presenceBehind) {
        // It missed batches: the current states replace them, once it reads again.
        if (!conn.presenceBlocked) this.catchUp(conn)
        continue
      }
      if (conn.role === 'viewer') {
        if (forViewers === undefined) forViewers = this.encodeFor('viewer', ids, true)
        if (forViewers) conn.relay(forViewers, 'presence')
      } else {
        full ??= this.encodeFor(conn.role, ids, false)
        if (full) conn.relay(full, 'presence')
      }
    }
  }

  private catchUp(conn: Connection): void {
    const ids = [...this.awareness.getStates().keys()]
    const frame = ids.length > 0 ? this.encodeFor(conn.role, ids, false) : null
    if (!frame || conn.relay(frame, 'presence')) conn.presenceBehind = false
  }

  /**
   * An awareness frame with these clients' states as `role` may see them; null when nothing is
   * left to send. With `onlyNews`, viewers get a client only when what they see of it changed
   * (or was last sent long ago).
   */
  private encodeFor(role: Role, ids: readonly number[], onlyNews: boolean): Uint8Array | null {
    if (role !== 'viewer') {
      return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids]))
    }
    const now = performance.now()
    const entries: [number, number, string][] = []
    for (const id of ids) {
      const clock = this.awareness.meta.get(id)?.clock ?? 0
      const state = this.awareness.states.get(id)
      const json = JSON.stringify(state === undefined ? null : this.viewerState(id, state))
      const copy = this.viewerCopies.get(id)
      if (onlyNews && copy && copy.json === json && now - copy.sentAt < VIEWER_REFRESH_MS) continue
      // What viewers got in batches; a whole answer to one viewer leaves it as it is.
      if (onlyNews && state === undefined) this.viewerCopies.delete(id)
      else if (onlyNews) this.viewerCopies.set(id, { json, sentAt: now })
      entries.push([id, clock, json])
    }
    if (entries.length === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, entries.length)
    for (const [id, clock, json] of entries) {
      encoding.writeVarUint(encoder, id)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, json)
    }
    return awarenessFrame(encoding.toUint8Array(encoder))
  }

  /**
   * What a viewer sees of a client: a facilitator whole, anyone else without what moves all the
   * time (cursor, selection, view), so the list of who is here stays right.
   */
  private viewerState(id: number, state: Record<string, unknown>): unknown {
    if (this.ownerRole.get(id) === 'facilitator') return state
    const { cursor, selection, viewport: _viewport, ...rest } = state
    return {
      ...rest,
      ...(cursor === undefined ? {} : { cursor: null }),
      ...(selection === undefined ? {} : { selection: [] }),
    }
  }
}

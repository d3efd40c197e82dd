/**
 * Updates a connection sent before the content they build on. A client that comes back online
 * may send a new edit before its offline edits (its sync step 2), which the edit builds on; so
 * an update the board cannot place yet is held for its connection, merged with what comes next,
 * and judged again. Bounded: a few seconds and a few hundred kilobytes, then it is refused.
 */
import * as Y from 'yjs'
import { MalformedUpdate } from '../guard/update-paths.ts'
import type { Connection } from './connection.ts'

/** How long an update may wait for what it builds on. */
export const HOLD_MS = 5000
/** How much may wait per connection. */
export const HOLD_BYTES = 512 * 1024

interface Held {
  update: Uint8Array
  timer: NodeJS.Timeout
}

export class HeldUpdates {
  private readonly held = new Map<Connection, Held>()

  constructor(private readonly onExpired: (conn: Connection) => void) {}

  /** The connection's held update merged with `update` (just `update` when nothing is held). */
  withHeld(conn: Connection, update: Uint8Array): Uint8Array {
    const held = this.held.get(conn)
    if (!held) return update
    try {
      return Y.mergeUpdates([held.update, update])
    } catch (err) {
      throw new MalformedUpdate((err as Error).message)
    }
  }

  /** Holds `update` (already merged with what was held); false when it is too much to hold. */
  hold(conn: Connection, update: Uint8Array): boolean {
    const existing = this.held.get(conn)
    if (update.byteLength > HOLD_BYTES) {
      this.release(conn)
      return false
    }
    const timer = existing?.timer ?? setTimeout(() => this.expire(conn), HOLD_MS).unref()
    this.held.set(conn, { update, timer })
    return true
  }

  /** Nothing waits any more (it was applied, or the connection went away). */
  release(conn: Connection): void {
    const held = this.held.get(conn)
    if (!held) return
    clearTimeout(held.timer)
    this.held.delete(conn)
  }

  private expire(conn: Connection): void {
    this.held.delete(conn)
    this.onExpired(conn)
  }
}

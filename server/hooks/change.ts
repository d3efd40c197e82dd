/**
 * A lifecycle hook a room calls after it applied a client's update, inside the transaction so
 * that what changed is read from Yjs itself (cheaper than walking the update's paths again).
 */
import type * as Y from 'yjs'
import type { Connection } from '../sync/connection.ts'
import type { Room } from '../sync/room.ts'

export interface ChangeHook {
  /** Must not throw or change the document; runs on every accepted update. */
  onChange(room: Room, conn: Connection, tr: Y.Transaction): void
  /** The board's room has left memory: a moment to tidy up what was recorded for it. */
  unloaded?(boardId: string): void
}

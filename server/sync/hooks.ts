/**
 * What the facilitation features add to a room, behind a small interface so that sync/ knows
 * nothing of voting or private writing. Rooms work without hooks (tests, tools).
 */
import type { VoteRequest } from '../../shared/facilitation/votes.ts'
import type { Connection } from './connection.ts'
import type { Room } from './room.ts'

export interface RoomHooks {
  /**
   * Called before a facilitator's update is applied: the hooks watch the room's document from
   * then on (round reveals, the end of private writing). Cheap after the first call per room.
   */
  watch(room: Room): void
  /** A dot-voting request; the answer goes to the connection as MESSAGE_MY_VOTES. */
  vote(room: Room, conn: Connection, request: VoteRequest): void
  /**
   * Why a person's write to their private room is refused now (private writing is not running
   * on the board), or null. Only asked for private rooms.
   */
  refusePrivateWrite?(room: Room): string | null
  /** The room was stored and freed: whatever the hooks keep for it may go too. */
  unloaded?(boardId: string): void
}

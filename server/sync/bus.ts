/**
 * The fan-out between server processes serving the same boards (REDIS_URL): what a room stores
 * and the awareness its clients send reach the same board's room in every other process. Rooms
 * work without one (a single process). Delivery is at least once; Yjs updates are idempotent, and
 * each update carries the sequence numbers the store gave it, so a room notices what it missed
 * (a trimmed stream, a reconnect, a process that died between storing and publishing) and reads
 * that from the store instead.
 */

/** The origin of changes that came from another process: stored there, not to be stored again. */
export const REMOTE_ORIGIN = Symbol('remote')

/** What a room offers the bus. */
export interface BusMember {
  readonly boardId: string
  /** An update another process stored as `firstSeq..lastSeq`. */
  receiveUpdate(update: Uint8Array, firstSeq: number, lastSeq: number): void
  /** An awareness update from another process's clients. */
  receiveAwareness(update: Uint8Array): void
  /** Reads from the store whatever this room may have missed (after a bus outage). */
  catchUp(): void
}

export interface RoomBus {
  /**
   * Where the board's stream is now. Taken before a room loads from the store and handed to
   * join, so nothing stored after the load is missed.
   */
  position(boardId: string): Promise<string>
  /** Delivers the board's messages after `from` to the member; returns the way to leave. */
  join(member: BusMember, from: string): () => void
  /** After a batch is stored: tells the other processes. */
  publishUpdate(boardId: string, update: Uint8Array, firstSeq: number, lastSeq: number): void
  publishAwareness(boardId: string, update: Uint8Array): void
  close(): Promise<void>
}

/**
 * Records activity as updates arrive: the room calls onChange for every client update it
 * applied, and the connection says which person sent it, so clients report nothing themselves.
 */
import type * as Y from 'yjs'
import { comments, connectors, items, people } from '../../shared/doc/index.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import { readPresence } from '../../shared/schema/index.ts'
import type { ChangeHook } from '../hooks/change.ts'
import type { Logger } from '../logger.ts'
import type { Connection } from '../sync/connection.ts'
import type { Room } from '../sync/room.ts'
import { changesOf, type RecordChange } from './derive.ts'
import type { ActivityLog, Actor } from './log.ts'

/** A connection without a name yet is looked up again after this long. */
const NAME_RETRY_MS = 2000
/** A name found is looked up again after this long, in case the person renamed themselves. */
const NAME_REFRESH_MS = 60_000

/** What the recorder remembers of a room's records, so that a deleted one keeps its poster. */
interface RoomMemory {
  frames: Map<string, string | null>
  kinds: Map<string, string>
}

export class ActivityRecorder implements ChangeHook {
  private readonly memory = new WeakMap<Room, RoomMemory>()
  /** Names looked up per connection, refreshed now and then: awareness is read, not parsed, per update. */
  private readonly names = new WeakMap<Connection, { name: string; at: number }>()

  constructor(
    private readonly activity: ActivityLog,
    private readonly log: Logger,
  ) {}

  onChange(room: Room, conn: Connection, tr: Y.Transaction): void {
    if (room.kind !== 'board') return
    try {
      const changes = changesOf(room.doc, tr)
      if (changes.length === 0) return
      this.recordChanges(room, this.actorOf(room, conn), changes)
    } catch (err) {
      // Activity must never cost an update.
      this.log.error({ err, boardId: room.boardId }, 'recording activity failed')
    }
  }

  /** A board nobody is on: its activity is compacted (and compressed) while it rests. */
  unloaded(boardId: string): void {
    if (parsePrivateRoomId(boardId)) return
    void this.activity.compact(boardId)
  }

  /** Also used for changes the server makes itself (restores). */
  recordChanges(room: Room, actor: Actor, changes: readonly RecordChange[]): void {
    const memory = this.remember(room)
    for (const change of changes) {
      const frameId =
        change.kind === 'deleted'
          ? (memory.frames.get(change.recordId) ?? null)
          : frameOf(room.doc, change.collection, change.recordId)
      const recordKind =
        kindOf(room.doc, change.collection, change.recordId) ??
        memory.kinds.get(change.recordId) ??
        ''
      memory.frames.set(change.recordId, frameId)
      if (recordKind) memory.kinds.set(change.recordId, recordKind)
      this.activity.record(room.boardId, actor, { ...change, recordKind, frameId })
    }
  }

  /** The person behind a connection, named as their awareness or person record says. */
  private actorOf(room: Room, conn: Connection): Actor {
    const personId = conn.personId
    const now = Date.now()
    let cached = this.names.get(conn)
    const stale = cached && now - cached.at > (cached.name ? NAME_REFRESH_MS : NAME_RETRY_MS)
    if (personId && (!cached || stale)) {
      let name = ''
      for (const state of room.awareness.getStates().values()) {
        const presence = readPresence(state)
        if (presence?.user.id === personId) name = presence.user.name
      }
      name ||= people(room.doc).get(personId)?.name ?? ''
      cached = { name, at: now }
      this.names.set(conn, cached)
    }
    return { personId, name: cached?.name ?? '', key: personId ?? `conn:${conn.id}` }
  }

  private remember(room: Room): RoomMemory {
    let memory = this.memory.get(room)
    if (!memory) {
      memory = { frames: new Map(), kinds: new Map() }
      // Two fields of each post-it, read as frameOf does: restoring every record of a big board
      // would hold the event loop for its first edit after loading.
      for (const id of room.doc.getMap('items').keys()) {
        memory.frames.set(id, frameOf(room.doc, 'items', id))
        const kind = kindOf(room.doc, 'items', id)
        if (kind) memory.kinds.set(id, kind)
      }
      this.memory.set(room, memory)
    }
    return memory
  }
}

/** The poster a record is on: a frame is its own, a connector or comment that of its item. */
function frameOf(doc: Y.Doc, collection: string, id: string, depth = 0): string | null {
  if (depth > 2) return null
  if (collection === 'items') {
    // Read straight from the record's map: restoring (and validating) the whole record for two
    // fields cost more than applying the update itself in a burst of edits.
    const ymap = doc.getMap<Y.Map<unknown>>('items').get(id)
    if (!ymap) return null
    if (ymap.get('kind') === 'frame') return id
    const parentId = ymap.get('parentId')
    return typeof parentId === 'string' && parentId.length <= 64 ? parentId : null
  }
  if (collection === 'connectors') {
    const c = connectors(doc).get(id)
    const end = c?.from.itemId ?? c?.to.itemId
    return end ? frameOf(doc, 'items', end, depth + 1) : null
  }
  if (collection === 'comments') {
    const target = comments(doc).get(id)?.targetId
    if (!target) return null
    return items(doc).get(target)
      ? frameOf(doc, 'items', target, depth + 1)
      : frameOf(doc, 'connectors', target, depth + 1)
  }
  return null
}

function kindOf(doc: Y.Doc, collection: string, id: string): string | null {
  const ymap = doc.getMap<Y.Map<unknown>>(collection).get(id)
  const kind = ymap?.get('kind')
  return typeof kind === 'string' ? kind.slice(0, 32) : null
}

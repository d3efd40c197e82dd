/**
 * Copy and paste as JSON records: what is selected, the connectors between copied items, and
 * the tags the copied post-its use. Pasting gives everything fresh ids, so the same content can
 * be pasted twice or into another board; tags are matched by name on the receiving board.
 */
import { compareDrawOrder } from '../../shared/doc/index.ts'
import { bounds, type Point } from '../../shared/geometry/index.ts'
import {
  newId,
  restoreRecord,
  type ConnectorEnd,
  type ConnectorRecord,
  type Item,
  type TagRecord,
} from '../../shared/schema/index.ts'

export const CLIPBOARD_TYPE = 'workshop-board/clipboard'

export interface ClipboardPayload {
  type: typeof CLIPBOARD_TYPE
  version: 1
  items: Item[]
  connectors: ConnectorRecord[]
  tags: TagRecord[]
}

export function copyPayload(
  items: readonly Item[],
  connectors: readonly ConnectorRecord[],
  selectedConnectorIds: ReadonlySet<string>,
  tagById: (id: string) => TagRecord | undefined,
): ClipboardPayload {
  const ids = new Set(items.map((i) => i.id))
  const both = (c: ConnectorRecord) =>
    Boolean(c.from.itemId && c.to.itemId && ids.has(c.from.itemId) && ids.has(c.to.itemId))
  const tagIds = new Set(items.flatMap((i) => (i.kind === 'note' ? i.tags : [])))
  return {
    type: CLIPBOARD_TYPE,
    version: 1,
    items: [...items].sort(compareDrawOrder),
    connectors: connectors.filter((c) => selectedConnectorIds.has(c.id) || both(c)),
    tags: [...tagIds].map(tagById).filter((t): t is TagRecord => t !== undefined),
  }
}

/** Reads a payload from clipboard text; anything else (plain text, bad JSON) gives null. */
export function parsePayload(text: string): ClipboardPayload | null {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  const o = raw as Partial<ClipboardPayload> | null
  if (!o || o.type !== CLIPBOARD_TYPE || !Array.isArray(o.items)) return null
  const restore = <K extends string>(list: unknown, kinds: readonly K[]) =>
    (Array.isArray(list) ? list : [])
      .map((r) => restoreRecord(r))
      .filter((r) => r !== null && (kinds as readonly string[]).includes(r.kind))
  return {
    type: CLIPBOARD_TYPE,
    version: 1,
    items: restore(o.items, ['note', 'frame', 'label']) as Item[],
    connectors: restore(o.connectors, ['connector']) as ConnectorRecord[],
    tags: restore(o.tags, ['tag']) as TagRecord[],
  }
}

export interface Pasted {
  items: Item[]
  connectors: ConnectorRecord[]
  /** Tags the board lacks, to be added. */
  newTags: TagRecord[]
}

/**
 * The records to add for a paste centred on `at`, with fresh ids, above `baseZ`. Parents and
 * lanes stay when the frame came along; ends on items that did not become free points.
 */
export function instantiate(
  payload: ClipboardPayload,
  at: Point | null,
  ctx: { now: number; authorId: string; baseZ: number; tags: readonly TagRecord[] },
): Pasted {
  const box =
    bounds(payload.items) ??
    bounds(payload.connectors.flatMap((c) => [c.from, c.to].map((p) => ({ ...p, w: 1, h: 1 }))))
  const dx = at && box ? Math.round(at.x - (box.x + box.w / 2)) : 24
  const dy = at && box ? Math.round(at.y - (box.y + box.h / 2)) : 24
  const idMap = new Map(payload.items.map((i) => [i.id, newId()]))
  const tagMap = new Map<string, string>()
  const newTags: TagRecord[] = []
  for (const tag of payload.tags) {
    const same = ctx.tags.find((t) => t.name.toLowerCase() === tag.name.toLowerCase())
    if (same) tagMap.set(tag.id, same.id)
    else {
      const fresh = { ...tag, id: newId() }
      newTags.push(fresh)
      tagMap.set(tag.id, fresh.id)
    }
  }
  const laneMap = new Map<string, string>()
  let z = ctx.baseZ
  const items = payload.items.map((item): Item => {
    const base = {
      ...item,
      id: idMap.get(item.id)!,
      x: item.x + dx,
      y: item.y + dy,
      z: ++z,
      parentId: item.parentId ? (idMap.get(item.parentId) ?? null) : null,
      authorId: ctx.authorId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    if (item.kind === 'frame') {
      const lanes = item.lanes.map((l) => {
        const id = newId()
        laneMap.set(l.id, id)
        return { ...l, id }
      })
      return { ...base, kind: 'frame', lanes } as Item
    }
    return base as Item
  })
  for (const item of items) {
    if (item.kind !== 'note') continue
    item.laneId = item.parentId && item.laneId ? (laneMap.get(item.laneId) ?? null) : null
    item.tags = item.tags.map((t) => tagMap.get(t)).filter((t): t is string => t !== undefined)
  }
  const end = (e: ConnectorEnd): ConnectorEnd => ({
    itemId: e.itemId ? (idMap.get(e.itemId) ?? null) : null,
    x: e.x + dx,
    y: e.y + dy,
  })
  const connectors = payload.connectors.map((c) => ({
    ...c,
    id: newId(),
    from: end(c.from),
    to: end(c.to),
    z: ++z,
    authorId: ctx.authorId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }))
  return { items, connectors, newTags }
}

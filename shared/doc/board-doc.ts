/**
 * Typed access to a board's Y.Doc. This is the only module that knows the names of the
 * document's top-level maps and how a record is laid out in a Y.Map.
 */
import * as Y from 'yjs'
import {
  SCHEMA_VERSION,
  boardMetaDefaults,
  boardMetaSchema,
  currentRecordVersions,
  isItemKind,
  migrateRecord,
  recordTypes,
  restoreItem,
  type BoardMeta,
  type Item,
  type ItemKind,
  type RecordVersions,
} from '../schema/index.ts'
import { SYSTEM_ORIGIN } from './origins.ts'
import { applyTextDiff } from './text.ts'

const META = 'meta'
const ITEMS = 'items'
const K_SCHEMA_VERSION = 'schemaVersion'
const K_RECORD_VERSIONS = 'recordVersions'

export type ItemMap = Y.Map<unknown>

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META)
export const itemsMap = (doc: Y.Doc): Y.Map<ItemMap> => doc.getMap(ITEMS)

/** Stamps a new, empty document with the current schema and its metadata. */
export function initBoard(doc: Y.Doc, meta: Partial<BoardMeta> = {}): void {
  doc.transact(() => {
    const m = metaMap(doc)
    m.set(K_SCHEMA_VERSION, SCHEMA_VERSION)
    m.set(K_RECORD_VERSIONS, currentRecordVersions())
    const full = { ...boardMetaDefaults(), ...meta }
    for (const [k, v] of Object.entries(full)) m.set(k, v)
  }, SYSTEM_ORIGIN)
}

export function readSchemaVersion(doc: Y.Doc): number | null {
  const v = metaMap(doc).get(K_SCHEMA_VERSION)
  return typeof v === 'number' ? v : null
}

export type MigrationResult = 'current' | 'migrated' | 'empty' | 'newer'

/**
 * Brings a stored document up to the current schema. A document written by a newer app is left
 * untouched ('newer'): the caller shows it read-only rather than guess at its shape.
 */
export function migrateBoard(doc: Y.Doc): MigrationResult {
  const version = readSchemaVersion(doc)
  if (version === null) return 'empty'
  if (version > SCHEMA_VERSION) return 'newer'
  const stored = (metaMap(doc).get(K_RECORD_VERSIONS) ?? {}) as RecordVersions
  const current = currentRecordVersions()
  const newer = Object.keys(stored).some((k) => (stored[k] ?? 0) > (current[k] ?? Infinity))
  if (newer) return 'newer'
  const stale = Object.keys(current).filter((k) => (stored[k] ?? 1) < current[k]!)
  if (version === SCHEMA_VERSION && stale.length === 0) return 'current'
  doc.transact(() => {
    itemsMap(doc).forEach((ymap) => {
      const kind = ymap.get('kind')
      if (!isItemKind(kind) || !stale.includes(kind)) return
      const migrated = migrateRecord(kind, itemMapToPlain(ymap), stored[kind] ?? 1)
      writeFields(ymap, kind, migrated)
    })
    metaMap(doc).set(K_SCHEMA_VERSION, SCHEMA_VERSION)
    metaMap(doc).set(K_RECORD_VERSIONS, current)
  }, SYSTEM_ORIGIN)
  return 'migrated'
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const m = metaMap(doc)
  const out = boardMetaDefaults()
  for (const key of Object.keys(out) as (keyof BoardMeta)[]) {
    const field = boardMetaSchema.shape[key]
    const value = m.get(key)
    if (field.safeParse(value).success) (out as Record<string, unknown>)[key] = value
  }
  return out
}

export function setMeta(doc: Y.Doc, patch: Partial<BoardMeta>, origin: unknown): void {
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) metaMap(doc).set(k, v)
  }, origin)
}

function itemMapToPlain(ymap: ItemMap): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  ymap.forEach((value, key) => {
    out[key] = value instanceof Y.Text ? value.toString() : value
  })
  return out
}

/** Reads one item as a plain, valid record (bad fields restored to defaults), or null. */
export function readItem(ymap: ItemMap): Item | null {
  return restoreItem(itemMapToPlain(ymap))
}

export function getItem(doc: Y.Doc, id: string): Item | null {
  const ymap = itemsMap(doc).get(id)
  return ymap ? readItem(ymap) : null
}

/** All items in drawing order (z, then id). */
export function readItems(doc: Y.Doc): Item[] {
  const out: Item[] = []
  itemsMap(doc).forEach((ymap) => {
    const item = readItem(ymap)
    if (item) out.push(item)
  })
  return out.sort(compareDrawOrder)
}

export const compareDrawOrder = (a: Item, b: Item): number =>
  a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function writeFields(ymap: ItemMap, kind: ItemKind, fields: Record<string, unknown>): void {
  const textFields = recordTypes[kind].textFields as readonly string[]
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (textFields.includes(key)) {
      const existing = ymap.get(key)
      if (existing instanceof Y.Text) applyTextDiff(existing, String(value))
      else ymap.set(key, new Y.Text(String(value)))
    } else if (ymap.get(key) !== value) {
      ymap.set(key, value)
    }
  }
}

/** Adds items (already valid records). */
export function addItems(doc: Y.Doc, items: readonly Item[], origin: unknown): void {
  doc.transact(() => {
    for (const item of items) {
      const ymap = new Y.Map<unknown>()
      itemsMap(doc).set(item.id, ymap)
      writeFields(ymap, item.kind, item as unknown as Record<string, unknown>)
    }
  }, origin)
}

export type ItemPatch = Partial<Omit<Item, 'id' | 'kind'>> & Record<string, unknown>

/** Changes fields of existing items; unknown ids are skipped. Stamps updatedAt. */
export function updateItems(
  doc: Y.Doc,
  patches: ReadonlyMap<string, ItemPatch> | Record<string, ItemPatch>,
  origin: unknown,
  now = Date.now(),
): void {
  const entries = patches instanceof Map ? [...patches] : Object.entries(patches)
  doc.transact(() => {
    for (const [id, patch] of entries) {
      const ymap = itemsMap(doc).get(id)
      const kind = ymap?.get('kind')
      if (!ymap || !isItemKind(kind)) continue
      const { id: _id, kind: _kind, ...fields } = patch as Record<string, unknown>
      writeFields(ymap, kind, { ...fields, updatedAt: now })
    }
  }, origin)
}

export const updateItem = (doc: Y.Doc, id: string, patch: ItemPatch, origin: unknown): void =>
  updateItems(doc, { [id]: patch }, origin)

/** Removes items; removing a frame removes what is on it. */
export function deleteItems(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const doomed = new Set(ids)
  const items = itemsMap(doc)
  items.forEach((ymap, id) => {
    const parent = ymap.get('parentId')
    if (typeof parent === 'string' && doomed.has(parent)) doomed.add(id)
  })
  doc.transact(() => {
    for (const id of doomed) items.delete(id)
  }, origin)
}

/** The collaborative text of an item's text field, for editors that bind to Y.Text directly. */
export function itemText(doc: Y.Doc, id: string, field: string): Y.Text | null {
  const value = itemsMap(doc).get(id)?.get(field)
  return value instanceof Y.Text ? value : null
}

/** Highest z in use, so new items go on top. */
export function topZ(doc: Y.Doc): number {
  let max = 0
  itemsMap(doc).forEach((ymap) => {
    const z = ymap.get('z')
    if (typeof z === 'number' && z > max) max = z
  })
  return max
}

/**
 * Calls back with the ids of items added, changed or removed, once per transaction. Consumers
 * re-read only those ids, which keeps large boards cheap to update.
 */
export function observeItems(
  doc: Y.Doc,
  onChange: (changedIds: Set<string>, origin: unknown) => void,
): () => void {
  const items = itemsMap(doc)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    const ids = new Set<string>()
    for (const event of events) {
      if (event.target === items) {
        for (const key of event.changes.keys.keys()) ids.add(key)
      } else {
        const id = event.path[0]
        if (typeof id === 'string') ids.add(id)
      }
    }
    if (ids.size) onChange(ids, tr.origin)
  }
  items.observeDeep(handler)
  return () => items.unobserveDeep(handler)
}

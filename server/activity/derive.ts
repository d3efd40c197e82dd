/**
 * Which records a transaction added, changed, moved or deleted, read from the transaction's own
 * bookkeeping (tr.changed) after the update was applied.
 */
import * as Y from 'yjs'
import type { ActivityKind } from '../../shared/history/types.ts'

/** Collections whose records show in the activity feed. */
export const TRACKED = ['items', 'connectors', 'comments'] as const

/** Fields whose change alone is a move rather than an edit. */
const MOVE_FIELDS = new Set(['x', 'y', 'parentId', 'laneId', 'from', 'to'])
/** Fields that change as a side effect of any edit. */
const NOISE_FIELDS = new Set(['updatedAt'])

/** The parts of a Yjs type this module reads. */
interface YType {
  _item: Y.Item | null
  _map: Map<string, Y.Item>
}

export interface RecordChange {
  collection: string
  recordId: string
  kind: ActivityKind
}

export function changesOf(doc: Y.Doc, tr: Y.Transaction): RecordChange[] {
  // Keyed by the types' inner maps: a root that arrived in an update before anyone asked for it
  // by name is swapped for a Y.Map by getMap, and only the inner map stays the same.
  const roots = new Map<unknown, string>()
  for (const name of TRACKED) roots.set(doc.getMap(name)._map, name)
  // Per record: the fields touched, or a whole-record verdict.
  const byRecord = new Map<
    string,
    { collection: string; id: string; kind?: ActivityKind; fields: Set<string> }
  >()
  const entry = (collection: string, id: string) => {
    const key = `${collection}/${id}`
    let e = byRecord.get(key)
    if (!e) byRecord.set(key, (e = { collection, id, fields: new Set() }))
    return e
  }
  tr.changed.forEach((keys, type) => {
    const rootName = type._item === null ? roots.get(type._map) : undefined
    if (rootName) {
      const map = doc.getMap<unknown>(rootName)
      for (const key of keys) {
        if (key === null) continue
        const value = map.get(key)
        const e = entry(rootName, key)
        if (value === undefined) e.kind = 'deleted'
        else e.kind = isNew(value, tr) ? 'added' : 'changed'
      }
      return
    }
    // A field of a record, or something nested deeper (a Y.Text of a record): find the record.
    let child: YType = type
    let field: string | null = null
    let fieldKeys: Iterable<string | null> = keys
    for (let depth = 0; depth < 8; depth++) {
      const item = child._item
      if (!item) return
      const parent = item.parent as YType | null
      if (!parent) return
      const collection = parent._item === null ? roots.get(parent._map) : undefined
      if (collection && typeof item.parentSub === 'string') {
        const e = entry(collection, item.parentSub)
        if (depth === 0) {
          for (const k of fieldKeys) if (k !== null) e.fields.add(k)
        } else if (field !== null) {
          e.fields.add(field)
        }
        return
      }
      field = typeof item.parentSub === 'string' ? item.parentSub : null
      fieldKeys = []
      child = parent
    }
  })
  const out: RecordChange[] = []
  for (const e of byRecord.values()) {
    let kind = e.kind
    if (!kind) {
      const meaningful = [...e.fields].filter((f) => !NOISE_FIELDS.has(f))
      if (meaningful.length === 0) continue
      kind = meaningful.every((f) => MOVE_FIELDS.has(f)) ? 'moved' : 'changed'
    }
    out.push({ collection: e.collection, recordId: e.id, kind })
  }
  return out
}

/** Whether a record's Y.Map was created by this transaction rather than replaced in place. */
function isNew(value: unknown, tr: Y.Transaction): boolean {
  if (!(value instanceof Y.AbstractType) || !value._item) return false
  const { client, clock } = value._item.id
  return clock >= (tr.beforeState.get(client) ?? 0)
}

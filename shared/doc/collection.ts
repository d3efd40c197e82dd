/**
 * A collection of records of one or more kinds, stored in a top-level Y.Map of the document as
 * id -> Y.Map of fields. Text fields are Y.Text so that concurrent typing merges. A new record
 * stores neither its id (the key) nor fields equal to their defaults, which restoreRecord fills
 * in: a board of 10,000 post-its is a fifth smaller and loads faster for it.
 */
import * as Y from 'yjs'
import {
  isRecordKind,
  migrateRecord,
  recordTypes,
  restoreRecord,
  type AnyRecord,
  type RecordKind,
} from '../schema/index.ts'
import { applyTextDiff } from './text.ts'

export type RecordMap = Y.Map<unknown>
export type RecordPatch = Record<string, unknown>

export class Collection<T extends AnyRecord> {
  constructor(
    private readonly doc: Y.Doc,
    readonly name: string,
    private readonly kinds: readonly RecordKind[],
  ) {}

  get map(): Y.Map<RecordMap> {
    return this.doc.getMap(this.name)
  }

  private accepts(kind: unknown): kind is T['kind'] {
    return isRecordKind(kind) && this.kinds.includes(kind)
  }

  /** One record as a plain, valid object (bad fields restored to defaults), or null. */
  read(ymap: RecordMap, id: string): T | null {
    const plain = toPlain(ymap)
    plain.id = id
    const rec = restoreRecord(plain)
    return rec && this.accepts(rec.kind) ? (rec as T) : null
  }

  get(id: string): T | null {
    const ymap = this.map.get(id)
    return ymap ? this.read(ymap, id) : null
  }

  all(): T[] {
    const out: T[] = []
    this.map.forEach((ymap, id) => {
      const rec = this.read(ymap, id)
      if (rec) out.push(rec)
    })
    return out
  }

  add(records: readonly T[], origin: unknown): void {
    this.doc.transact(() => {
      for (const record of records) {
        const ymap = new Y.Map<unknown>()
        this.map.set(record.id, ymap)
        writeFields(ymap, record.kind, storedFields(record))
      }
    }, origin)
  }

  /** Changes fields of existing records; unknown ids are skipped. Stamps updatedAt where kept. */
  update(patches: Iterable<[string, RecordPatch]>, origin: unknown, now = Date.now()): void {
    this.doc.transact(() => {
      for (const [id, patch] of patches) {
        const ymap = this.map.get(id)
        const kind = ymap?.get('kind')
        if (!ymap || !this.accepts(kind)) continue
        const { id: _id, kind: _kind, ...fields } = patch
        if ('updatedAt' in recordTypes[kind].defaults()) fields.updatedAt = now
        writeFields(ymap, kind, fields)
      }
    }, origin)
  }

  delete(ids: Iterable<string>, origin: unknown): void {
    this.doc.transact(() => {
      for (const id of ids) this.map.delete(id)
    }, origin)
  }

  text(id: string, field: string): Y.Text | null {
    const value = this.map.get(id)?.get(field)
    return value instanceof Y.Text ? value : null
  }

  /** Calls back with the ids added, changed or removed, once per transaction. */
  observe(onChange: (changedIds: Set<string>, origin: unknown) => void): () => void {
    const map = this.map
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      const ids = new Set<string>()
      for (const event of events) {
        if (event.target === map) {
          // The keys the transaction touched, without working out how each changed (which for
          // a board's first sync means an entry for every record): the reader looks them up.
          const keys = (event as Y.YMapEvent<unknown>).keysChanged
          for (const key of keys) if (typeof key === 'string') ids.add(key)
        } else {
          const id = event.path[0]
          if (typeof id === 'string') ids.add(id)
        }
      }
      if (ids.size) onChange(ids, tr.origin)
    }
    map.observeDeep(handler)
    return () => map.unobserveDeep(handler)
  }
}

export function toPlain(ymap: RecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  ymap.forEach((value, key) => {
    out[key] = value instanceof Y.Text ? value.toString() : value
  })
  return out
}

/**
 * Yjs items adding this record makes: its map, a value per stored field, and a text's content.
 * The server counts them against UPDATE_LIMITS.
 */
export function itemsToAdd(record: AnyRecord): number {
  const textFields = recordTypes[record.kind].textFields as readonly string[]
  let count = 1
  for (const [key, value] of Object.entries(storedFields(record)))
    count += textFields.includes(key) && String(value) !== '' ? 2 : 1
  return count
}

/** What a new record stores: not its id, nor fields equal to their defaults, except text. */
function storedFields(record: AnyRecord): RecordPatch {
  const type = recordTypes[record.kind]
  const defaults = type.defaults() as RecordPatch
  // Text is always stored: two people typing into a new record's empty text must share one Y.Text.
  const textFields = type.textFields as readonly string[]
  const out: RecordPatch = {}
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue
    if (key in defaults && !textFields.includes(key) && sameValue(defaults[key], value)) continue
    out[key] = value
  }
  return out
}

export function writeFields(ymap: RecordMap, kind: RecordKind, fields: RecordPatch): void {
  const textFields = recordTypes[kind].textFields as readonly string[]
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (textFields.includes(key)) {
      const existing = ymap.get(key)
      if (existing instanceof Y.Text) applyTextDiff(existing, String(value))
      else ymap.set(key, new Y.Text(String(value)))
    } else if (!sameValue(ymap.get(key), value)) {
      ymap.set(key, value)
    }
  }
}

/** Plain values are compared by content so that re-writing an equal array is not an edit. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Migrates one stored record in place: fields the newer shape has are written, fields it no
 * longer has are removed. A record already of the current shape is left as it is.
 */
export function migrateRecordMap(ymap: RecordMap, kind: RecordKind, fromVersion = 1): boolean {
  const before = toPlain(ymap)
  const after = migrateRecord(kind, before, fromVersion)
  let changed = false
  for (const key of Object.keys(before)) {
    if (!(key in after)) {
      ymap.delete(key)
      changed = true
    }
  }
  for (const [key, value] of Object.entries(after)) {
    if (!sameValue(before[key], value)) {
      writeFields(ymap, kind, { [key]: value })
      changed = true
    }
  }
  return changed
}

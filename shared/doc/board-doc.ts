/**
 * Typed access to a board's Y.Doc. This is the only module that knows the names of the
 * document's top-level maps; everything else reads and writes records through it.
 */
import * as Y from 'yjs'
import {
  COLLECTION_KINDS,
  COLLECTION_NAMES,
  SCHEMA_VERSION,
  boardMetaDefaults,
  boardMetaSchema,
  currentRecordVersions,
  RECORD_KINDS,
  isRecordKind,
  facilitationDefaults,
  facilitationSchema,
  setupDefaults,
  setupSchema,
  SETUP_TEXT_FIELDS,
  type AnyRecord,
  type BoardMeta,
  type CollectionName,
  type CommentRecord,
  type ConnectorRecord,
  type Facilitation,
  type EntryRecord,
  type DotRecord,
  type Item,
  type PersonRecord,
  type RoundRecord,
  type RecordKind,
  type RecordVersions,
  type Setup,
  type TagRecord,
} from '../schema/index.ts'
import { Collection, migrateRecordMap, type RecordMap, type RecordPatch } from './collection.ts'
import { SYSTEM_ORIGIN } from './origins.ts'
import { applyTextDiff } from './text.ts'

const META = 'meta'
const SETUP = 'setup'
/** Facilitator-only state: agenda, timer, phase. The server refuses others' updates to it. */
export const FACILITATION = 'facilitation'
const SCRIBE_PREFIX = 'scribe:'
const K_SCHEMA_VERSION = 'schemaVersion'
const K_RECORD_VERSIONS = 'recordVersions'

export type ItemMap = RecordMap

/** A collection of the board by name, holding the kinds the registry puts there. */
export const collection = <T extends AnyRecord>(doc: Y.Doc, name: CollectionName) =>
  new Collection<T>(doc, name, COLLECTION_KINDS[name])

export const items = (doc: Y.Doc) => collection<Item>(doc, 'items')
export const connectors = (doc: Y.Doc) => collection<ConnectorRecord>(doc, 'connectors')
export const tags = (doc: Y.Doc) => collection<TagRecord>(doc, 'tags')
export const entries = (doc: Y.Doc) => collection<EntryRecord>(doc, 'entries')
export const rounds = (doc: Y.Doc) => collection<RoundRecord>(doc, 'rounds')
export const dots = (doc: Y.Doc) => collection<DotRecord>(doc, 'dots')
/** Who took part and whether they agreed to be named in exports; keyed by user id. */
export const people = (doc: Y.Doc) => collection<PersonRecord>(doc, 'people')
/** Comment threads on post-its and connectors. */
export const comments = (doc: Y.Doc) => collection<CommentRecord>(doc, 'comments')
/** Every collection the registry declares, in its order. */
export const allCollections = (doc: Y.Doc): Collection<AnyRecord>[] =>
  COLLECTION_NAMES.map((name) => collection(doc, name))

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META)
export const itemsMap = (doc: Y.Doc): Y.Map<ItemMap> => items(doc).map

/** Collaborative scribe notes of a poster (its frame id) or of the plenary ('plenary'). */
export const scribeNotes = (doc: Y.Doc, scope: string): Y.XmlFragment =>
  doc.getXmlFragment(`${SCRIBE_PREFIX}${scope}`)

/**
 * Scopes ('plenary' or frame ids) that have scribe notes in the document, sorted. A fragment that
 * arrived in an update is listed in doc.share before anyone asked for it by name.
 */
export function scribeScopes(doc: Y.Doc): string[] {
  const scopes: string[] = []
  for (const key of doc.share.keys()) {
    if (key.startsWith(SCRIBE_PREFIX)) scopes.push(key.slice(SCRIBE_PREFIX.length))
  }
  return scopes.sort()
}

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

/** What migrateBoard would do, without changing anything (clients show 'newer' read-only). */
export function schemaState(doc: Y.Doc): { result: MigrationResult; stale: RecordKind[] } {
  const version = readSchemaVersion(doc)
  if (version === null) return { result: 'empty', stale: [] }
  if (version > SCHEMA_VERSION) return { result: 'newer', stale: [] }
  const stored = (metaMap(doc).get(K_RECORD_VERSIONS) ?? {}) as RecordVersions
  const current = currentRecordVersions()
  const newer = Object.keys(stored).some((k) => (stored[k] ?? 0) > (current[k] ?? Infinity))
  if (newer) return { result: 'newer', stale: [] }
  const stale = RECORD_KINDS.filter((k) => (stored[k] ?? 1) < current[k]!)
  const result = version === SCHEMA_VERSION && stale.length === 0 ? 'current' : 'migrated'
  return { result, stale }
}

/**
 * Brings a stored document up to the current schema, as the system. Only the server runs it, when
 * it builds a board's room; clients read older records through the same (idempotent) steps. A
 * document written by a newer app is left untouched ('newer').
 */
export function migrateBoard(doc: Y.Doc): MigrationResult {
  const { result, stale } = schemaState(doc)
  if (result !== 'migrated') return result
  const stored = (metaMap(doc).get(K_RECORD_VERSIONS) ?? {}) as RecordVersions
  doc.transact(() => {
    for (const coll of allCollections(doc)) {
      coll.map.forEach((ymap) => {
        const kind = ymap.get('kind')
        if (isRecordKind(kind) && stale.includes(kind))
          migrateRecordMap(ymap, kind, stored[kind] ?? 1)
      })
    }
    metaMap(doc).set(K_SCHEMA_VERSION, SCHEMA_VERSION)
    metaMap(doc).set(K_RECORD_VERSIONS, currentRecordVersions())
  }, SYSTEM_ORIGIN)
  return 'migrated'
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const m = metaMap(doc)
  const out = boardMetaDefaults()
  for (const key of Object.keys(out) as (keyof BoardMeta)[]) {
    const value = m.get(key)
    if (boardMetaSchema.shape[key].safeParse(value).success) {
      ;(out as Record<string, unknown>)[key] = value
    }
  }
  return out
}

export function setMeta(doc: Y.Doc, patch: Partial<BoardMeta>, origin: unknown): void {
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) metaMap(doc).set(k, v)
  }, origin)
}

/** The session setup, each field restored to its default when missing or invalid. */
export function readSetup(doc: Y.Doc): Setup {
  const m = doc.getMap<unknown>(SETUP)
  const out = setupDefaults()
  for (const key of Object.keys(out) as (keyof Setup)[]) {
    const raw = m.get(key)
    const value = raw instanceof Y.Text ? raw.toString() : raw
    if (setupSchema.shape[key].safeParse(value).success) {
      ;(out as Record<string, unknown>)[key] = value
    }
  }
  return out
}

export function updateSetup(doc: Y.Doc, patch: Partial<Setup>, origin: unknown): void {
  const m = doc.getMap<unknown>(SETUP)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      if ((SETUP_TEXT_FIELDS as readonly string[]).includes(key)) {
        const existing = m.get(key)
        if (existing instanceof Y.Text) applyTextDiff(existing, String(value))
        else m.set(key, new Y.Text(String(value)))
      } else {
        m.set(key, value)
      }
    }
  }, origin)
}

export const getItem = (doc: Y.Doc, id: string): Item | null => items(doc).get(id)

/** All items in drawing order (z, then id). */
export const readItems = (doc: Y.Doc): Item[] => items(doc).all().sort(compareDrawOrder)

export const compareDrawOrder = (a: { z: number; id: string }, b: { z: number; id: string }) =>
  a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const addItems = (doc: Y.Doc, records: readonly Item[], origin: unknown): void =>
  items(doc).add(records, origin)

export type ItemPatch = Partial<Omit<Item, 'id' | 'kind'>> & RecordPatch

export function updateItems(
  doc: Y.Doc,
  patches: ReadonlyMap<string, ItemPatch> | Record<string, ItemPatch>,
  origin: unknown,
  now = Date.now(),
): void {
  items(doc).update(patches instanceof Map ? patches : Object.entries(patches), origin, now)
}

export const updateItem = (doc: Y.Doc, id: string, patch: ItemPatch, origin: unknown): void =>
  updateItems(doc, { [id]: patch }, origin)

/**
 * Removes items. Removing a frame removes what is on it. A connector attached to a removed item
 * keeps that end where it was, as a free point; so a map never loses an arrow silently.
 */
export function deleteItems(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const coll = items(doc)
  const doomed = new Set(ids)
  coll.map.forEach((ymap, id) => {
    const parent = ymap.get('parentId')
    if (typeof parent === 'string' && doomed.has(parent)) doomed.add(id)
  })
  doc.transact(() => {
    const detach = new Map<string, RecordPatch>()
    for (const c of connectors(doc).all()) {
      const patch: RecordPatch = {}
      if (c.from.itemId && doomed.has(c.from.itemId)) patch.from = { ...c.from, itemId: null }
      if (c.to.itemId && doomed.has(c.to.itemId)) patch.to = { ...c.to, itemId: null }
      if (patch.from || patch.to) detach.set(c.id, patch)
    }
    connectors(doc).update(detach, origin)
    coll.delete(doomed, origin)
  }, origin)
}

export const itemText = (doc: Y.Doc, id: string, field: string): Y.Text | null =>
  items(doc).text(id, field)

/** Highest z in use among items and connectors, so new things go on top. */
export function topZ(doc: Y.Doc): number {
  let max = 0
  for (const map of [itemsMap(doc), connectors(doc).map]) {
    map.forEach((ymap) => {
      const z = ymap.get('z')
      if (typeof z === 'number' && z > max) max = z
    })
  }
  return max
}

/** Calls back with the ids of items added, changed or removed, once per transaction. */
export const observeItems = (
  doc: Y.Doc,
  onChange: (changedIds: Set<string>, origin: unknown) => void,
): (() => void) => items(doc).observe(onChange)

/** Agenda, timer and phase, each restored to its default when missing or invalid. */
export function readFacilitation(doc: Y.Doc): Facilitation {
  const m = doc.getMap<unknown>(FACILITATION)
  const out = facilitationDefaults()
  for (const key of Object.keys(out) as (keyof Facilitation)[]) {
    const value = m.get(key)
    if (facilitationSchema.shape[key].safeParse(value).success) {
      ;(out as Record<string, unknown>)[key] = value
    }
  }
  return out
}

export function updateFacilitation(
  doc: Y.Doc,
  patch: Partial<Facilitation>,
  origin: unknown,
): void {
  const m = doc.getMap<unknown>(FACILITATION)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) m.set(key, value)
  }, origin)
}

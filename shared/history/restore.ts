/**
 * Brings a live board back to a saved version as one new change: records the version lacks are
 * removed, records it has are added back or rewritten field by field. Nothing is rewound in the
 * Yjs history; everyone receives the restore like any other edit.
 */
import type * as Y from 'yjs'
import { collection, type Collection, type RecordPatch, writeFields } from '../doc/index.ts'
import type { AnyRecord, CollectionName } from '../schema/index.ts'
import { RESTORED_COLLECTIONS } from './types.ts'

export const restoredCollections = (doc: Y.Doc): [CollectionName, Collection<AnyRecord>][] =>
  RESTORED_COLLECTIONS.map((name) => [name, collection(doc, name)])

export interface RestoreResult {
  added: string[]
  removed: string[]
  changed: string[]
}

export class RestoreError extends Error {
  override name = 'RestoreError'
}

/** Fields whose difference alone does not make a record different. */
const IGNORED = new Set(['updatedAt'])

/** Whether two plain records differ in anything but bookkeeping. */
export function recordsDiffer(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if (IGNORED.has(key)) continue
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return true
  }
  return false
}

/**
 * Makes `live` hold what `past` held, in one transaction with `origin`. With `ids`, only those
 * records are copied back (each must exist in the version); nothing else is touched.
 */
export function restoreVersion(
  live: Y.Doc,
  past: Y.Doc,
  origin: unknown,
  options: { ids?: readonly string[]; now?: number } = {},
): RestoreResult {
  const now = options.now ?? Date.now()
  const result: RestoreResult = { added: [], removed: [], changed: [] }
  const pastColls = restoredCollections(past)
  const liveColls = restoredCollections(live)
  const wanted = options.ids ? new Set(options.ids) : null
  if (wanted) {
    const missing = [...wanted].filter((id) => !pastColls.some(([, c]) => c.get(id)))
    if (missing.length > 0)
      throw new RestoreError(`not in this version: ${missing.slice(0, 5).join(', ')}`)
  }
  live.transact(() => {
    for (let i = 0; i < liveColls.length; i++) {
      const [, liveColl] = liveColls[i]!
      const [, pastColl] = pastColls[i]!
      const then = new Map(pastColl.all().map((r) => [r.id, r]))
      if (!wanted) {
        const doomed: string[] = []
        liveColl.map.forEach((_ymap, id) => {
          if (!then.has(id)) doomed.push(id)
        })
        liveColl.delete(doomed, origin)
        result.removed.push(...doomed)
      }
      for (const [id, record] of then) {
        if (wanted && !wanted.has(id)) continue
        const stamped = stamp(record, now)
        const ymap = liveColl.map.get(id)
        const current = ymap ? liveColl.read(ymap, id) : null
        if (!ymap || !current || current.kind !== record.kind) {
          liveColl.add([stamped], origin)
          result.added.push(id)
          continue
        }
        if (!recordsDiffer(current, record)) continue
        for (const key of [...ymap.keys()]) if (!(key in record)) ymap.delete(key)
        writeFields(ymap, record.kind, stamped as unknown as RecordPatch)
        result.changed.push(id)
      }
    }
  }, origin)
  return result
}

/** A restored record counts as edited now, so catch-up and activity see it as news. */
const stamp = (record: AnyRecord, now: number): AnyRecord =>
  'updatedAt' in record ? { ...record, updatedAt: now } : record

export type DiffStatus = 'added' | 'removed' | 'changed'

export interface DiffEntry {
  collection: CollectionName
  id: string
  /** Relative to `then`: added since, removed since, or changed since. */
  status: DiffStatus
  then: AnyRecord | null
  now: AnyRecord | null
}

/** What differs between a version (`then`) and the board now, record by record. */
export function diffVersions(then: Y.Doc, now: Y.Doc): DiffEntry[] {
  const out: DiffEntry[] = []
  const thenColls = restoredCollections(then)
  const nowColls = restoredCollections(now)
  for (let i = 0; i < thenColls.length; i++) {
    const [collection, a] = thenColls[i]!
    const before = new Map(a.all().map((r) => [r.id, r]))
    const after = new Map(nowColls[i]![1].all().map((r) => [r.id, r]))
    for (const [id, rec] of after) {
      const old = before.get(id)
      if (!old) out.push({ collection, id, status: 'added', then: null, now: rec })
      else if (recordsDiffer(old, rec))
        out.push({ collection, id, status: 'changed', then: old, now: rec })
    }
    for (const [id, rec] of before)
      if (!after.has(id)) out.push({ collection, id, status: 'removed', then: rec, now: null })
  }
  return out
}

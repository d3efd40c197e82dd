/**
 * Records of an older shape that arrive after the board was migrated (an old client, or the
 * offline copy one made) are migrated by the server as they arrive, as the system: clients never
 * migrate, so participants and viewers need no right to write what a migration writes.
 */
import * as Y from 'yjs'
import { isCollectionName, isRecordKind, recordTypes } from '../../shared/schema/index.ts'
import { migrateRecordMap, SYSTEM_ORIGIN } from '../../shared/doc/index.ts'

/** Records changed or added in `tr` that still hold a field of an older version of their kind. */
export function staleRecordsIn(tr: Y.Transaction): Y.Map<unknown>[] {
  const candidates = new Set<Y.Map<unknown>>()
  for (const [type, keys] of tr.changed) {
    if (!(type instanceof Y.Map)) continue
    if (!type._item) {
      // A collection: records added in this transaction are not listed as changed themselves.
      if (!isCollectionName(Y.findRootTypeKey(type))) continue
      for (const key of keys) {
        const child = key === null ? undefined : type.get(key)
        if (child instanceof Y.Map) candidates.add(child)
      }
    } else {
      const parent = type._item.parent as Y.AbstractType<unknown>
      if (!parent._item && isCollectionName(Y.findRootTypeKey(parent))) candidates.add(type)
    }
  }
  return [...candidates].filter(hasLegacyFields)
}

function hasLegacyFields(ymap: Y.Map<unknown>): boolean {
  const kind = ymap.get('kind')
  const legacy = isRecordKind(kind) ? recordTypes[kind].legacyFields : undefined
  return legacy !== undefined && Object.keys(legacy).some((field) => ymap.has(field))
}

/** Migrates the given records in one system change (stored and relayed like any other). */
export function migrateRecords(doc: Y.Doc, records: readonly Y.Map<unknown>[]): void {
  if (records.length === 0) return
  doc.transact(() => {
    for (const ymap of records) {
      const kind = ymap.get('kind')
      if (isRecordKind(kind) && !ymap._item?.deleted) migrateRecordMap(ymap, kind)
    }
  }, SYSTEM_ORIGIN)
}

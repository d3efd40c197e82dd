/**
 * Records of an older shape that arrive after the board was migrated (an old client, or the
 * offline copy one made) are migrated by the server as they arrive, as the system: clients never
 * migrate, so participants and viewers need no right to write what a migration writes.
 */
import * as Y from 'yjs'
import { isCollectionName, isRecordKind, recordTypes } from '../../shared/schema/index.ts'
import { migrateRecordMap, SYSTEM_ORIGIN } from '../../shared/doc/index.ts'

/** Records changed in `tr` that still hold a field of an older version of their kind. */
export function staleRecordsIn(tr: Y.Transaction): Y.Map<unknown>[] {
  const out: Y.Map<unknown>[] = []
  for (const [type, keys] of tr.changed) {
    if (!(type instanceof Y.Map) || !type._item) continue
    const parent = type._item.parent as Y.AbstractType<unknown>
    if (parent._item || !isCollectionName(Y.findRootTypeKey(parent))) continue
    const kind = type.get('kind')
    const legacy = isRecordKind(kind) ? recordTypes[kind].legacyFields : undefined
    if (!legacy) continue
    const touched = keys.has(null as unknown as string) ? [...type.keys()] : [...keys]
    if (touched.some((k) => k !== null && Object.hasOwn(legacy, k)) || keys.has('kind'))
      out.push(type)
  }
  return out
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

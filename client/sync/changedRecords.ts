/**
 * Which records a local transaction changed, by id: the save indicator counts changes to
 * records ("1 change" for a post-it typed in 31 keystrokes), not transactions.
 */
import type * as Y from 'yjs'

/** Ids of the records (children of the document's top-level maps) a transaction touched. */
export function changedRecords(tr: Y.Transaction): string[] {
  const ids = new Set<string>()
  for (const [type, keys] of tr.changed) {
    if (!type._item) {
      // A top-level collection: its changed keys are the records added, replaced or deleted.
      for (const key of keys) if (key !== null) ids.add(key)
      continue
    }
    // Inside a record: climb to the child of the top-level map.
    let item: Y.Item | null = type._item
    while (item) {
      const parent = item.parent as Y.AbstractType<unknown> | null
      if (!parent?._item) {
        if (item.parentSub !== null) ids.add(item.parentSub)
        break
      }
      item = parent._item
    }
  }
  return [...ids]
}

/**
 * Connectors as plain records, with the connectors attached to each item, so that moving a
 * post-it finds its arrows without looking at every arrow on the board.
 */
import type * as Y from 'yjs'
import { compareDrawOrder, connectors } from '../../shared/doc/index.ts'
import type { ConnectorRecord } from '../../shared/schema/index.ts'
import { RecordStore } from './recordStore.ts'

export class ConnectorsStore extends RecordStore<ConnectorRecord> {
  private readonly byItem = new Map<string, Set<string>>()

  constructor(doc: Y.Doc) {
    super(connectors(doc), compareDrawOrder)
    for (const c of this.byId.values()) this.changed(c.id, undefined, c)
  }

  protected override changed(
    id: string,
    before: ConnectorRecord | undefined,
    after: ConnectorRecord | undefined,
  ) {
    for (const end of before ? [before.from, before.to] : []) {
      if (end.itemId) this.byItem.get(end.itemId)?.delete(id)
    }
    for (const end of after ? [after.from, after.to] : []) {
      if (!end.itemId) continue
      let set = this.byItem.get(end.itemId)
      if (!set) this.byItem.set(end.itemId, (set = new Set()))
      set.add(id)
    }
  }

  /** Connectors with an end on any of `itemIds`. */
  attachedTo(itemIds: Iterable<string>): Set<string> {
    const out = new Set<string>()
    for (const id of itemIds) for (const c of this.byItem.get(id) ?? []) out.add(c)
    return out
  }
}

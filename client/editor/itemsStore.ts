/**
 * The board's items as plain records, kept in step with the Y.Doc, in drawing order, with a
 * spatial index for culling and hit tests.
 */
import type * as Y from 'yjs'
import { compareDrawOrder, items } from '../../shared/doc/index.ts'
import type { Item } from '../../shared/schema/index.ts'
import { RecordStore } from './recordStore.ts'
import { SpatialIndex } from './spatialIndex.ts'

export class ItemsStore extends RecordStore<Item> {
  readonly index = new SpatialIndex()

  constructor(doc: Y.Doc) {
    super(items(doc), compareDrawOrder)
    for (const item of this.byId.values()) this.index.set(item.id, item)
  }

  protected override changed(id: string, _before: Item | undefined, after: Item | undefined) {
    if (after) this.index.set(id, after)
    else this.index.delete(id)
  }
}

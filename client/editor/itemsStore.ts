/**
 * The board's items as plain records, kept in step with the Y.Doc, in drawing order, with a
 * spatial index for culling and hit tests. During private writing the person's private post-its
 * (their private room's document) are merged in and drawn like any item; `isPrivate` tells them
 * apart so the canvas can mark them and actions can write them to the private document.
 */
import type * as Y from 'yjs'
import { compareDrawOrder, items, type Collection } from '../../shared/doc/index.ts'
import type { Item } from '../../shared/schema/index.ts'
import { RecordStore } from './recordStore.ts'
import { SpatialIndex } from './spatialIndex.ts'

export class ItemsStore extends RecordStore<Item> {
  readonly index = new SpatialIndex()
  private privateItems: Collection<Item> | null = null
  private readonly privateIds = new Set<string>()

  constructor(doc: Y.Doc) {
    super(items(doc), compareDrawOrder)
    for (const item of this.byId.values()) this.index.set(item.id, item)
  }

  /** Merges a private room's post-its in until the returned function is called. */
  attachPrivate(doc: Y.Doc): () => void {
    const source = items(doc)
    this.privateItems = source
    this.refresh(new Set(source.all().map((i) => i.id)))
    const stop = source.observe((ids) => this.refresh(ids))
    return () => {
      stop()
      if (this.privateItems !== source) return
      this.privateItems = null
      if (this.privateIds.size > 0) this.refresh(new Set(this.privateIds))
    }
  }

  /** Whether an item lives in this person's private room rather than on the board. */
  isPrivate = (id: string): boolean => this.privateIds.has(id)

  // The board wins: on the reveal a post-it moves to the board under the same id.
  protected override lookup(id: string): Item | null {
    const onBoard = this.collection.get(id)
    const mine = onBoard ? null : (this.privateItems?.get(id) ?? null)
    if (mine) this.privateIds.add(id)
    else this.privateIds.delete(id)
    return onBoard ?? mine
  }

  protected override changed(id: string, _before: Item | undefined, after: Item | undefined) {
    if (after) this.index.set(id, after)
    else this.index.delete(id)
  }
}

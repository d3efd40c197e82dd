/**
 * The board's items as plain records, kept in step with the Y.Doc through observeItems. Readers
 * subscribe per id, so a change to one post-it re-renders that post-it only.
 */
import type * as Y from 'yjs'
import { compareDrawOrder, getItem, observeItems, readItems } from '../../shared/doc/index.ts'
import type { Item } from '../../shared/schema/index.ts'

export class ItemsStore {
  private readonly byId = new Map<string, Item>()
  private readonly idListeners = new Map<string, Set<() => void>>()
  private readonly listeners = new Set<(changed: Set<string>) => void>()
  private ordered: Item[] | null = null
  private version = 0
  private readonly stop: () => void

  constructor(private readonly doc: Y.Doc) {
    for (const item of readItems(doc)) this.byId.set(item.id, item)
    this.stop = observeItems(doc, (ids) => this.refresh(ids))
  }

  private refresh(ids: Set<string>): void {
    for (const id of ids) {
      const item = getItem(this.doc, id)
      if (item) this.byId.set(id, item)
      else this.byId.delete(id)
    }
    this.ordered = null
    this.version++
    for (const id of ids) for (const l of this.idListeners.get(id) ?? []) l()
    for (const l of this.listeners) l(ids)
  }

  get = (id: string): Item | undefined => this.byId.get(id)

  /** All items in drawing order; the same array until something changes. */
  all(): Item[] {
    this.ordered ??= [...this.byId.values()].sort(compareDrawOrder)
    return this.ordered
  }

  getVersion = (): number => this.version

  subscribeId(id: string, listener: () => void): () => void {
    let set = this.idListeners.get(id)
    if (!set) this.idListeners.set(id, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.idListeners.delete(id)
    }
  }

  subscribe = (listener: (changed: Set<string>) => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.stop()
  }
}

/**
 * One collection of the document as plain records, kept in step with the Y.Doc. Readers subscribe
 * per id, so a change to one record re-renders that record only; records keep their identity
 * until they change, so memoized shapes can compare by reference.
 */
import type { Collection } from '../../shared/doc/index.ts'
import type { AnyRecord } from '../../shared/schema/index.ts'

export class RecordStore<T extends AnyRecord> {
  protected readonly byId = new Map<string, T>()
  private readonly idListeners = new Map<string, Set<() => void>>()
  private readonly listeners = new Set<(changed: Set<string>) => void>()
  private ordered: T[] | null = null
  private version = 0
  private readonly stop: () => void

  constructor(
    protected readonly collection: Collection<T>,
    private readonly order?: (a: T, b: T) => number,
  ) {
    for (const rec of collection.all()) this.byId.set(rec.id, rec)
    this.stop = collection.observe((ids) => this.refresh(ids))
  }

  protected refresh(ids: Set<string>): void {
    for (const id of ids) {
      const rec = this.lookup(id)
      const before = this.byId.get(id)
      if (rec) this.byId.set(id, rec)
      else this.byId.delete(id)
      this.changed(id, before, rec ?? undefined)
    }
    this.ordered = null
    this.version++
    for (const id of ids) for (const l of this.idListeners.get(id) ?? []) l()
    for (const l of this.listeners) l(ids)
  }

  /** Where a record is read from when it changes; subclasses may merge another source. */
  protected lookup(id: string): T | null {
    return this.collection.get(id)
  }

  /** Hook for subclasses that keep indexes. */
  protected changed(_id: string, _before: T | undefined, _after: T | undefined): void {}

  get = (id: string): T | undefined => this.byId.get(id)

  get size(): number {
    return this.byId.size
  }

  /** All records (in drawing order when the store has one); the same array until a change. */
  all(): T[] {
    if (!this.ordered) {
      this.ordered = [...this.byId.values()]
      if (this.order) this.ordered.sort(this.order)
    }
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

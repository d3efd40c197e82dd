/**
 * Where in a board document an incoming update writes or deletes, found without applying it.
 * The role policy uses this to refuse updates that touch what a connection may not change, even
 * when the update was crafted by hand rather than by our client.
 */
import * as Y from 'yjs'

/**
 * A place in the document: the root type's name and the chain of map keys below it (null where a
 * level is a list or text). ['items', 'n1', 'x'] is field x of record n1 in the items collection.
 */
export type DocPath = readonly (string | null)[]

export class UnresolvableUpdate extends Error {
  override name = 'UnresolvableUpdate'
}

type StructLike = Y.Item | Y.GC | Y.Skip

/** Paths written or deleted by `update` against the current state of `doc` (which it does not change). */
export function touchedPaths(doc: Y.Doc, update: Uint8Array): DocPath[] {
  const { structs, ds } = Y.decodeUpdate(update)
  const resolver = new PathResolver(doc, structs)
  const out: DocPath[] = []
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // Content the document already holds changes nothing (clients resend it in sync step 2).
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    out.push(resolver.pathOfContent(struct))
  }
  ds.clients.forEach((deletes, client) => {
    for (const { clock, len } of deletes) {
      for (const item of resolver.storeItemsIn(client, clock, len))
        out.push(resolver.pathOfContent(item))
    }
  })
  return out
}

class PathResolver {
  /** Structs of the update by client, sorted by clock. */
  private readonly incoming = new Map<number, Y.Item[]>()
  private readonly memo = new Map<Y.Item, DocPath>()

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly StructLike[],
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue
      const list = this.incoming.get(s.id.client) ?? []
      list.push(s)
      this.incoming.set(s.id.client, list)
    }
    for (const list of this.incoming.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  /** The path of the place an item sits in (its parent type plus its map key, if any). */
  pathOfContent(item: Y.Item): DocPath {
    const cached = this.memo.get(item)
    if (cached) return cached
    // Items that follow a neighbour carry no parent info in the update: walk the neighbours
    // (iteratively, a long chain must not blow the stack) until one whose place is known.
    const chain: Y.Item[] = []
    let current: Y.Item | null = item
    let path: DocPath | null = null
    while (current && !path) {
      const known = this.memo.get(current)
      if (known) {
        path = known
        break
      }
      chain.push(current)
      if (this.isStoreItem(current)) {
        path = this.storePath(current)
      } else if (current.parent !== null) {
        path = this.explicitPath(current)
      } else {
        const neighbour: Y.ID | null = current.origin ?? current.rightOrigin
        current = neighbour ? this.find(neighbour) : null
      }
    }
    if (!path) throw new UnresolvableUpdate('an update refers to content this board does not have')
    for (const c of chain) this.memo.set(c, path)
    return path
  }

  /** An update item whose parent is named: a root type, or the type made by another item. */
  private explicitPath(item: Y.Item): DocPath {
    const parent = item.parent as unknown
    const sub = item.parentSub ?? null
    if (typeof parent === 'string') return [parent, sub]
    if (parent instanceof Y.ID) {
      const owner = this.find(parent)
      if (!owner) throw new UnresolvableUpdate('an update names a parent this board does not have')
      return [...this.pathOfContent(owner), sub]
    }
    throw new UnresolvableUpdate('an update item has no parent')
  }

  /** Path of an item already integrated in the document. */
  private storePath(item: Y.Item): DocPath {
    const keys: (string | null)[] = []
    let type = item.parent as Y.AbstractType<unknown>
    keys.push(item.parentSub ?? null)
    while (type._item) {
      keys.push(type._item.parentSub ?? null)
      type = type._item.parent as Y.AbstractType<unknown>
    }
    keys.push(Y.findRootTypeKey(type))
    return keys.reverse()
  }

  private isStoreItem(item: Y.Item): boolean {
    return item.parent instanceof Y.AbstractType
  }

  /** The item containing `id`, from the update or from the document; null when neither has it. */
  find(id: Y.ID): Y.Item | null {
    const list = this.incoming.get(id.client)
    const own = list ? containing(list, id.clock) : null
    if (own) return own
    const state = this.doc.store.clients.get(id.client)
    if (!state?.length) return null
    const last = state[state.length - 1]!
    if (id.clock >= last.id.clock + last.length) return null
    const found = Y.getItem(this.doc.store, id)
    return found instanceof Y.Item ? found : null
  }

  /** Items of the document in a deleted range (content the document does not have is skipped). */
  storeItemsIn(client: number, clock: number, len: number): Y.Item[] {
    const structs = this.doc.store.clients.get(client)
    if (!structs?.length) return []
    const last = structs[structs.length - 1]!
    if (clock >= last.id.clock + last.length) return []
    const out: Y.Item[] = []
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const s = structs[i]!
      if (s.id.clock >= clock + len) break
      // Deleting what is already deleted changes nothing: every delete set repeats old deletes.
      if (s instanceof Y.Item && !s.deleted) out.push(s)
    }
    return out
  }
}

/** Binary search for the item whose clock range holds `clock`. */
function containing(sorted: readonly Y.Item[], clock: number): Y.Item | null {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sorted[mid]!
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return null
}

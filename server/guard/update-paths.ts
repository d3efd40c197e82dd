/**
 * What an incoming update writes and deletes in a board document, found without applying it:
 * each new piece of content with the place it goes to, and each item of the document it deletes.
 * The schema check uses this to judge updates crafted by hand as well as our client's.
 */
import * as Y from 'yjs'

/**
 * A place in the document: the root type's name and the chain of map keys below it (null where a
 * level is a list or text). ['items', 'n1', 'x'] is field x of record n1 in the items collection.
 */
/** What an item holds (yjs does not export its base class by name). */
export type Content = Y.Item['content']

export type DocPath = readonly (string | null)[]

export class UnresolvableUpdate extends Error {
  override name = 'UnresolvableUpdate'
}

/** Bytes that do not decode as a Yjs update at all. */
export class MalformedUpdate extends Error {
  override name = 'MalformedUpdate'
}

/** Decodes an update once for the checks; the room applies it only after they pass. */
export function decodeUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update)
  } catch (err) {
    throw new MalformedUpdate((err as Error).message)
  }
}

/** New content and where it goes. `gone`: its place was deleted (concurrently); it stays unseen. */
export interface Write {
  path: DocPath
  content: Content
  gone: boolean
}

/** Content of the document that the update deletes, and where it is. */
export interface Removal {
  path: DocPath
  item: Y.Item
  gone: boolean
}

export interface UpdateContents {
  writes: Write[]
  removals: Removal[]
  /** Delete ranges beyond what the board and the update hold: deletes that would stay pending. */
  unknownDeletes: number
  /** Size of the update, for the limits. */
  structs: number
  deleteRanges: number
}

interface Place {
  path: DocPath
  gone: boolean
}

type StructLike = Y.Item | Y.GC | Y.Skip

/** Writes and removals of `update` against the current state of `doc` (which it does not change). */
export function readUpdate(doc: Y.Doc, update: Uint8Array): UpdateContents {
  return finish(readUpdateInSteps(doc, update))
}

/**
 * Work done between two steps of a stepped reading or check: small enough that a caller can
 * stop at its next step within a millisecond or so, large enough that stepping costs nothing.
 */
export const STEP = 512

/**
 * readUpdate, stepping (`yield`) every STEP items, so that a caller can spread a big update over
 * several event-loop turns. The document must not change between the steps.
 */
export function* readUpdateInSteps(
  doc: Y.Doc,
  update: Uint8Array,
): Generator<void, UpdateContents, void> {
  const { structs, ds } = decodeUpdate(update)
  refuseGaps(doc, structs)
  const resolver = new PlaceResolver(doc, structs)
  const writes: Write[] = []
  const removals: Removal[] = []
  let unknownDeletes = 0
  let deleteRanges = 0
  let work = 0
  for (const struct of structs) {
    if (++work % STEP === 0) yield
    if (!(struct instanceof Y.Item)) continue
    // Content the document already holds changes nothing (clients resend it in sync step 2).
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    resolver.requireNeighbours(struct)
    const place = resolver.placeOf(struct)
    writes.push({ path: place.path, content: struct.content, gone: place.gone })
  }
  for (const [client, deletes] of ds.clients) {
    const known = Math.max(Y.getState(doc.store, client), resolver.incomingEnd(client))
    deleteRanges += deletes.length
    for (const { clock, len } of deletes) {
      if (++work % STEP === 0) yield
      if (clock + len > known) unknownDeletes++
      for (const item of resolver.storeItemsIn(client, clock, len)) {
        if (++work % STEP === 0) yield
        const place = resolver.placeOf(item)
        removals.push({ path: place.path, item, gone: place.gone })
      }
    }
  }
  return { writes, removals, unknownDeletes, structs: structs.length, deleteRanges }
}

/** Runs a stepped computation to its end at once. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** Every path an update writes or deletes (for tests and diagnostics). */
export function touchedPaths(doc: Y.Doc, update: Uint8Array): DocPath[] {
  const { writes, removals } = readUpdate(doc, update)
  return [...writes, ...removals].map((w) => w.path)
}

class PlaceResolver {
  /** Structs of the update by client, sorted by clock. */
  private readonly incoming = new Map<number, Y.Item[]>()
  private readonly memo = new Map<Y.Item, Place>()
  private readonly types = new Map<Y.AbstractType<unknown>, Place>()
  /** Items whose place is being worked out, outermost first: a cycle or a depth guard. */
  private readonly resolving = new Set<Y.Item>()

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

  /** Yjs integrates an item only once both its neighbours exist; until then it stays pending. */
  requireNeighbours(item: Y.Item): void {
    for (const id of [
      item.origin,
      item.rightOrigin,
      item.parent instanceof Y.ID ? item.parent : null,
    ])
      if (id && this.find(id) === null)
        throw new UnresolvableUpdate('an update refers to content this board does not have')
    // Replicas agree on where an item goes only if its left neighbour stands before its right one.
    if (item.origin && item.rightOrigin && !this.inOrder(item.origin, item.rightOrigin))
      throw new UnresolvableUpdate('an update inserts between neighbours that are not in order')
  }

  /** Whether `left` stands before `right` in the same list of the document (as far as we look). */
  private inOrder(left: Y.ID, right: Y.ID): boolean {
    const a = this.find(left)
    const b = this.find(right)
    // Neighbours the update itself brings are placed as it brings them.
    if (!(a instanceof Y.Item) || !(b instanceof Y.Item)) return true
    if (!this.isStoreItem(a) || !this.isStoreItem(b)) return true
    if (a.parent !== b.parent) return false
    if (a === b) return left.clock < right.clock
    let steps = 0
    for (let at = a.right; at; at = at.right) {
      if (at === b) return true
      if (++steps > 20_000) return true
    }
    return false
  }

  /** The clock just past the update's own structs of `client` (0 when it has none). */
  incomingEnd(client: number): number {
    const last = this.incoming.get(client)?.at(-1)
    return last ? last.id.clock + last.length : 0
  }

  /** The place an item sits in (its parent type plus its map key, if any). */
  placeOf(item: Y.Item): Place {
    const cached = this.memo.get(item)
    if (cached) return cached
    // A crafted update can make an item its own ancestor, or nest types without end.
    if (this.resolving.has(item)) throw new UnresolvableUpdate('an update nests content in itself')
    if (this.resolving.size >= MAX_DEPTH)
      throw new UnresolvableUpdate(`an update nests content more than ${MAX_DEPTH} levels deep`)
    this.resolving.add(item)
    try {
      return this.resolvePlace(item)
    } finally {
      this.resolving.delete(item)
    }
  }

  private resolvePlace(item: Y.Item): Place {
    // Items that follow a neighbour carry no parent info in the update: walk the neighbours
    // (iteratively, a long chain must not blow the stack) until one whose place is known.
    const chain: Y.Item[] = []
    const onChain = new Set<Y.Item>()
    let current: Y.Item | null = item
    let place: Place | null = null
    while (current && !place) {
      const known = this.memo.get(current)
      if (known) {
        place = known
        break
      }
      if (onChain.has(current))
        throw new UnresolvableUpdate('an update places content next to itself')
      onChain.add(current)
      chain.push(current)
      if (this.isStoreItem(current)) {
        place = this.storePlace(current)
      } else if (current.parent !== null) {
        place = this.explicitPlace(current)
      } else {
        const neighbour: Y.ID | null = current.origin ?? current.rightOrigin
        const found: Y.Item | 'gone' | null = neighbour ? this.find(neighbour) : null
        if (found === 'gone') place = GONE
        else current = found
      }
    }
    if (!place) throw new UnresolvableUpdate('an update refers to content this board does not have')
    for (const c of chain) this.memo.set(c, place)
    return place
  }

  /** An update item whose parent is named: a root type, or the type made by another item. */
  private explicitPlace(item: Y.Item): Place {
    const parent = item.parent as unknown
    const sub = item.parentSub ?? null
    if (typeof parent === 'string') return { path: [parent, sub], gone: false }
    if (parent instanceof Y.ID) {
      const owner = this.find(parent)
      if (owner === 'gone') return GONE
      if (!owner) throw new UnresolvableUpdate('an update names a parent this board does not have')
      if (!(owner.content instanceof Y.ContentType)) {
        // Its parent was deleted (and collected) meanwhile: Yjs drops what goes into it.
        if (owner.content instanceof Y.ContentDeleted) return GONE
        throw new UnresolvableUpdate('an update puts content into something that is not a type')
      }
      const up = this.placeOf(owner)
      return { path: [...up.path, sub], gone: up.gone || owner.deleted }
    }
    throw new UnresolvableUpdate('an update item has no parent')
  }

  /** Place of an item already integrated in the document. */
  private storePlace(item: Y.Item): Place {
    const parent = this.typePlace(item.parent as Y.AbstractType<unknown>)
    return {
      path: [...parent.path, item.parentSub ?? null],
      gone: parent.gone,
    }
  }

  /**
   * Where a type of the document sits, remembered: the items of one record (its fields, its
   * text's characters) share it, and a deleted post-it brings a dozen of them.
   */
  private typePlace(type: Y.AbstractType<unknown>): Place {
    const known = this.types.get(type)
    if (known) return known
    const owner = type._item
    const place: Place = owner
      ? (() => {
          const up = this.typePlace(owner.parent as Y.AbstractType<unknown>)
          return { path: [...up.path, owner.parentSub ?? null], gone: up.gone || owner.deleted }
        })()
      : { path: [Y.findRootTypeKey(type)], gone: false }
    this.types.set(type, place)
    return place
  }

  private isStoreItem(item: Y.Item): boolean {
    return item.parent instanceof Y.AbstractType
  }

  /**
   * The item containing `id`, from the update or from the document; 'gone' when the document had
   * it but has collected it (deleted); null when neither has it.
   */
  find(id: Y.ID): Y.Item | 'gone' | null {
    const list = this.incoming.get(id.client)
    const own = list ? containing(list, id.clock) : null
    if (own) return own
    const state = this.doc.store.clients.get(id.client)
    if (!state?.length) return null
    const last = state[state.length - 1]!
    if (id.clock >= last.id.clock + last.length) return null
    const found = state[Y.findIndexSS(state, id.clock)]
    return found instanceof Y.Item ? found : 'gone'
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

const GONE: Place = { path: [], gone: true }
/** Deepest nesting of types a board has is a handful (scribe lists); this is far beyond it. */
const MAX_DEPTH = 64

/**
 * Each client's changes follow on from what the board has of that client, with no holes: Yjs
 * would keep anything after a hole pending (and send it to everyone who syncs), never apply it.
 */
function refuseGaps(doc: Y.Doc, structs: readonly StructLike[]): void {
  const next = new Map<number, number>()
  for (const s of structs) {
    const client = s.id.client
    const expected = next.get(client) ?? Y.getState(doc.store, client)
    if (s instanceof Y.Skip || s.id.clock > expected)
      throw new UnresolvableUpdate('an update skips content this board does not have')
    next.set(client, Math.max(expected, s.id.clock + s.length))
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

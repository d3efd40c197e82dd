/**
 * The server's authority over what an update may write, derived from the schema registry
 * (shared/schema): which roots exist, which record kinds each collection holds, each field's
 * validator and limit, and who may change what (role, owner, server). Pure: a writer, the
 * document as it is and an update in, a verdict out. Only the records an update touches are read.
 *
 * An allow-list: a root, kind or field the schema does not declare is refused. Content whose
 * place was deleted concurrently (an edit of a post-it someone just removed) is accepted: Yjs
 * keeps it out of sight, and refusing it would lock that client out of the board for good.
 */
import * as Y from 'yjs'
import {
  COLLECTION_KINDS,
  MAP_ROOTS,
  SCRIBE_ROOT_PREFIX,
  fieldSchema,
  idSchema,
  isCollectionName,
  isMapRoot,
  isRecordKind,
  recordTypes,
  scribeScopeSchema,
  typeOf,
  type CollectionName,
  type MapRoot,
  type RecordKind,
  type Writers,
} from '../../shared/schema/index.ts'
import {
  CLOSE_CONTENT_TOO_LARGE,
  CLOSE_FORBIDDEN,
  CLOSE_MALFORMED,
  UPDATE_LIMITS,
  type Role,
} from '../../shared/protocol/messages.ts'
import {
  readUpdate,
  readUpdateInSteps,
  STEP,
  UnresolvableUpdate,
  type Content,
  type DocPath,
  type Write,
} from './update-paths.ts'

export type RoomKind = 'board' | 'private'
export type Verdict =
  /**
   * `items`: what it changes (items and delete ranges), the work it costs to take in.
   * `removedRecords`: the records of the board it removes (removing many takes several turns).
   */
  | { ok: true; items: number; removedRecords: readonly Y.Item[] }
  /** `missing`: it builds on content the board does not have (yet). */
  | { ok: false; code: number; reason: string; missing?: true }

/** Who sends the update: the role of their link and their person id (from their `user` secret). */
export interface Writer {
  role: Role
  personId: string | null
}

/** Larger updates are sized by a worker before the main thread decodes them (update-screen.ts). */
export { UPDATE_LIMITS }

export const updateTooLarge = (structs: number, deleteRanges: number): string =>
  `an update of ${structs} items and ${deleteRanges} deletions is more than one edit ` +
  `(at most ${UPDATE_LIMITS.structs.toLocaleString('en')} items and ` +
  `${UPDATE_LIMITS.deleteRanges.toLocaleString('en')} deletions)`
class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}
/** Not allowed for this writer. */
const forbid = (reason: string): never => {
  throw new Refusal(CLOSE_FORBIDDEN, reason)
}
/** Not of the board's shape, whoever sends it. */
const malformed = (reason: string): never => {
  throw new Refusal(CLOSE_MALFORMED, reason)
}

/** Judges an update (already known to decode) from `writer` against the board in `doc`. */
export function checkUpdate(
  writer: Writer,
  doc: Y.Doc,
  update: Uint8Array,
  kind: RoomKind = 'board',
): Verdict {
  return new UpdateJudgment(writer, doc, update, kind).work(Infinity)!
}

/**
 * checkUpdate a slice at a time: judging the biggest update we accept takes tens of
 * milliseconds, which would hold up every other board if done in one event-loop turn. The
 * document must not change until the verdict is in (the room holds its other writes back).
 */
export class UpdateJudgment {
  private readonly steps: Generator<void, Accepted, void> | null
  private verdict: Verdict | null = null
  /** What ended the judgment other than a verdict (bytes that are no update): thrown again. */
  private failure: unknown = null

  constructor(writer: Writer, doc: Y.Doc, update: Uint8Array, kind: RoomKind = 'board') {
    if (writer.role === 'viewer') {
      this.verdict = { ok: false, code: CLOSE_FORBIDDEN, reason: 'viewers cannot change the board' }
      this.steps = null
    } else this.steps = new UpdateCheck(writer, doc, kind).run(update)
  }

  /** Judges for about `ms` milliseconds; the verdict once it is in, null while work is left. */
  work(ms: number): Verdict | null {
    if (this.failure) throw this.failure
    if (this.verdict || !this.steps) return this.verdict
    const until = performance.now() + ms
    try {
      for (;;) {
        const next = this.steps.next()
        if (next.done) return (this.verdict = { ok: true, ...next.value })
        if (performance.now() >= until) return null
      }
    } catch (err) {
      if (err instanceof Refusal)
        return (this.verdict = { ok: false, code: err.code, reason: err.message })
      if (err instanceof UnresolvableUpdate)
        return (this.verdict = {
          ok: false,
          code: CLOSE_MALFORMED,
          reason: err.message,
          missing: true,
        })
      throw (this.failure = err)
    }
  }
}

type Accepted = Omit<Extract<Verdict, { ok: true }>, 'ok'>

class UpdateCheck {
  private readonly facilitator: boolean
  /** Kinds of the records this update creates, by collection and id. */
  private readonly newKinds = new Map<string, unknown>()
  /** Characters each text gains, by path, to check its limit once. */
  private readonly textGrowth = new Map<string, { path: DocPath; chars: number }>()
  /**
   * What is already judged, so that an update of thousands of items (a long paste into one
   * text, a hundred post-its) costs one look per record and field, not one per item.
   */
  private readonly kinds = new Map<string, RecordKind>()
  private readonly fieldsJudged = new Set<string>()

  constructor(
    private readonly writer: Writer,
    private readonly doc: Y.Doc,
    private readonly room: RoomKind,
  ) {
    this.facilitator = writer.role === 'facilitator' && room === 'board'
  }

  /**
   * Throws a Refusal; returns how many items and delete ranges the update holds, and the
   * records it removes. Steps (see readUpdateInSteps) every STEP writes or removals.
   */
  *run(update: Uint8Array): Generator<void, Accepted, void> {
    const { writes, removals, unknownDeletes, structs, deleteRanges } = yield* readUpdateInSteps(
      this.doc,
      update,
    )
    if (structs > UPDATE_LIMITS.structs || deleteRanges > UPDATE_LIMITS.deleteRanges)
      throw new Refusal(CLOSE_CONTENT_TOO_LARGE, updateTooLarge(structs, deleteRanges))
    // Yjs would keep such deletes pending for ever, and send them to everyone who syncs.
    if (unknownDeletes > 0)
      throw new UnresolvableUpdate('an update deletes content this board does not have')
    // New records and their kinds first: fields may come before them in the update.
    const created = new Set<string>()
    for (const w of writes) {
      if (!w.gone && w.path.length === 2 && isCollectionName(w.path[0]) && isType(w.content, Y.Map))
        created.add(w.path.join('/'))
    }
    for (const w of writes) {
      const [root, id, field] = w.path
      const key = `${root}/${id}`
      if (!w.gone && w.path.length === 3 && field === 'kind' && created.has(key))
        this.newKinds.set(key, valueOf(w.content))
    }
    for (const key of created) if (!this.newKinds.has(key)) this.newKinds.set(key, undefined)
    // Content created and deleted before it reached us (merged offline edits) holds nothing.
    let work = 0
    for (const w of writes) {
      if (++work % STEP === 0) yield
      if (!w.gone && !(w.content instanceof Y.ContentDeleted)) this.checkWrite(w)
    }
    // Removing a record removes its fields too: judged once, as the record's removal.
    const removedRecords = new Set<string>()
    const records: Y.Item[] = []
    for (const r of removals) {
      if (++work % STEP === 0) yield
      if (r.path.length !== 2 || !isCollectionName(r.path[0])) continue
      removedRecords.add(`${r.path[0]}/${r.path[1]}`)
      if (!r.gone) records.push(r.item)
    }
    for (const r of removals) {
      if (++work % STEP === 0) yield
      if (r.gone || (r.path.length > 2 && removedRecords.has(`${r.path[0]}/${r.path[1]}`))) continue
      this.checkRemoval(r.path)
    }
    for (const { path, chars } of this.textGrowth.values()) this.checkTextLimit(path, chars)
    return { items: structs + deleteRanges, removedRecords: records }
  }

  private checkWrite(w: Write): void {
    const root = w.path[0]
    if (typeof root !== 'string') return malformed('an update writes outside any root')
    if (this.room === 'private' && root !== 'items')
      return forbid(`a private room holds post-its only, not ${root}`)
    if (isCollectionName(root)) return this.checkRecordWrite(root, w)
    if (isMapRoot(root)) return this.checkMapRootWrite(root, MAP_ROOTS[root], w)
    if (root.startsWith(SCRIBE_ROOT_PREFIX)) return this.checkScribe(root)
    forbid(`unknown part of the board: ${JSON.stringify(root.slice(0, 40))}`)
  }

  private checkRecordWrite(coll: CollectionName, w: Write): void {
    const [, id, field, below, ...deeper] = w.path
    if (typeof id !== 'string') return malformed(`${coll} holds records by id, not a list`)
    if (field === undefined) {
      if (!idSchema.safeParse(id).success) return malformed(`${coll}: bad record id`)
      // The record itself: a map of fields.
      if (!isType(w.content, Y.Map)) return malformed(`${coll}/${id}: a record is a map of fields`)
      const kind = this.newKinds.get(`${coll}/${id}`)
      if (!isRecordKind(kind) || !COLLECTION_KINDS[coll].includes(kind))
        return malformed(`${coll}/${id}: unknown record kind ${JSON.stringify(kind) ?? '(none)'}`)
      this.checkWriters(kind, coll)
      return this.checkNewRecordOwner(coll, id, kind)
    }
    if (typeof field !== 'string') return malformed(`${coll}/${id}: fields have names`)
    const kind = this.kindOf(coll, id)
    this.checkFieldRules(coll, id, kind, field)
    const type = typeOf(kind)
    const textField = (type.textFields as readonly string[]).includes(field)
    if (below === undefined) {
      if (field === 'kind' && !this.newKinds.has(`${coll}/${id}`))
        return malformed(`${coll}/${id}: a record's kind never changes`)
      if (field === 'id') return malformed(`${coll}/${id}: the id is the record's key`)
      const schema = fieldSchema(kind, field)
      if (!schema)
        return malformed(
          `${coll}/${id}: a ${kind} has no field ${JSON.stringify(field.slice(0, 40))}`,
        )
      if (w.content instanceof Y.ContentDeleted) return
      if (textField) {
        if (!isType(w.content, Y.Text)) return malformed(`${coll}/${id}.${field}: text is a Y.Text`)
        return
      }
      const value = valueOf(w.content)
      if (value === NOT_A_VALUE) return malformed(`${coll}/${id}.${field}: not a plain value`)
      const parsed = schema.safeParse(value)
      if (!parsed.success)
        return malformed(`${coll}/${id}.${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
      if (field === recordTypes[kind].access.owner?.field && !this.facilitator)
        this.checkOwnerField(coll, id, kind, value)
      return
    }
    // Inside a field: only the characters of a text field.
    if (!textField || below !== null || deeper.length > 0)
      return malformed(`${coll}/${id}.${field}: not a text field`)
    this.growText(w)
  }

  private checkMapRootWrite(name: string, root: MapRoot, w: Write): void {
    const [, key, below, ...deeper] = w.path
    this.checkRootWriters(name, root.writers)
    if (typeof key !== 'string') return malformed(`${name} holds fields by name, not a list`)
    const schema = root.anyKey ?? (Object.hasOwn(root.fields, key) ? root.fields[key] : undefined)
    if (!schema) return malformed(`${name} has no field ${JSON.stringify(key.slice(0, 40))}`)
    const textField = root.textFields.includes(key)
    if (below === undefined) {
      if (w.content instanceof Y.ContentDeleted) return
      if (textField) {
        if (!isType(w.content, Y.Text)) return malformed(`${name}.${key}: text is a Y.Text`)
        return
      }
      const value = valueOf(w.content)
      if (value === NOT_A_VALUE) return malformed(`${name}.${key}: not a plain value`)
      const parsed = schema.safeParse(value)
      if (!parsed.success)
        return malformed(`${name}.${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
      return
    }
    if (!textField || below !== null || deeper.length > 0)
      return malformed(`${name}.${key}: not a text field`)
    this.growText(w)
  }

  private checkScribe(root: string): void {
    if (!scribeScopeSchema.safeParse(root.slice(SCRIBE_ROOT_PREFIX.length)).success)
      malformed('scribe notes of an unknown scope')
  }

  private checkRemoval(path: DocPath): void {
    const root = path[0]
    if (typeof root !== 'string') return malformed('an update deletes outside any root')
    if (this.room === 'private' && root !== 'items')
      return forbid(`a private room holds post-its only, not ${root}`)
    if (isMapRoot(root)) return this.checkRootWriters(root, MAP_ROOTS[root].writers)
    if (root.startsWith(SCRIBE_ROOT_PREFIX)) return
    if (!isCollectionName(root)) return forbid(`unknown part of the board: ${root.slice(0, 40)}`)
    const [, id, field] = path
    if (typeof id !== 'string') return
    const kind = this.kindOf(root, id)
    if (typeof field === 'string') return this.checkFieldRules(root, id, kind, field)
    // The whole record.
    this.checkLocked(root, id)
    const owner = recordTypes[kind].access.owner
    if (
      owner?.deleteByOwnerOnly &&
      !this.facilitator &&
      this.ownerOf(root, id, owner.field) !== this.writer.personId
    )
      forbid(`only its owner deletes ${kind} ${id}`)
  }

  /**
   * The kind of an existing or new record, once its id and its writers are checked; a record of
   * no known kind is refused.
   */
  private kindOf(coll: CollectionName, id: string): RecordKind {
    const key = `${coll}/${id}`
    const known = this.kinds.get(key)
    if (known) return known
    if (!idSchema.safeParse(id).success) return malformed(`${coll}: bad record id`)
    const kind = this.newKinds.has(key)
      ? this.newKinds.get(key)
      : this.stored(coll, id)?.get('kind')
    if (!isRecordKind(kind) || !COLLECTION_KINDS[coll].includes(kind))
      return malformed(`${coll}/${id}: unknown record kind ${JSON.stringify(kind) ?? '(none)'}`)
    this.checkWriters(kind, coll)
    this.kinds.set(key, kind)
    return kind
  }

  private stored(coll: CollectionName, id: string): Y.Map<unknown> | undefined {
    const value = this.doc.getMap<unknown>(coll).get(id)
    return value instanceof Y.Map ? value : undefined
  }

  private checkWriters(kind: RecordKind, coll: CollectionName): void {
    this.checkRootWriters(coll, recordTypes[kind].access.writers, kind)
  }

  private checkRootWriters(name: string, writers: Writers, kind?: string): void {
    if (writers === 'server') forbid(`${kind ?? name} is written by the server`)
    if (writers === 'facilitator' && !this.facilitator)
      forbid(`only facilitators change ${kind ? `${kind}s` : name}`)
  }

  /** Facilitator-only fields, owners' fields, locked items. */
  private checkFieldRules(coll: CollectionName, id: string, kind: RecordKind, field: string): void {
    const key = `${coll}/${id}/${field}`
    if (this.fieldsJudged.has(key)) return
    this.fieldsJudged.add(key)
    const access = recordTypes[kind].access as {
      facilitatorFields?: readonly string[]
      owner?: { field: string; fields: readonly string[] }
    }
    if (!this.facilitator && access.facilitatorFields?.includes(field))
      forbid(`only facilitators change ${field}`)
    if (access.owner?.fields.includes(field)) {
      const owner = this.ownerOf(coll, id, access.owner.field)
      if (owner !== this.writer.personId) forbid(`only its owner changes ${kind}.${field}`)
    }
    this.checkLocked(coll, id)
  }

  private checkLocked(coll: CollectionName, id: string): void {
    if (!this.facilitator && coll === 'items' && this.stored(coll, id)?.get('locked') === true)
      forbid(`item ${id} is locked`)
  }

  /** The owner's person id: the record's id, or its author as stored (or as this update sets it). */
  private ownerOf(coll: CollectionName, id: string, field: string): string | null {
    if (field === 'id') return id
    const stored = this.stored(coll, id)
    if (stored && !this.newKinds.has(`${coll}/${id}`)) {
      const value = stored.get(field)
      return typeof value === 'string' ? value : null
    }
    // A new record: its owner is whoever creates it (its author field is checked on its own).
    return this.writer.personId
  }

  /** A new record owned by its id (a person) is only created by that person. */
  private checkNewRecordOwner(coll: CollectionName, id: string, kind: RecordKind): void {
    const owner = recordTypes[kind].access.owner
    if (owner?.field === 'id' && id !== this.writer.personId)
      forbid(`only that person creates their ${kind} record`)
    if (this.stored(coll, id) && !this.facilitator) this.checkLocked(coll, id)
  }

  /**
   * The field that names a record's owner (a comment's author) is set once, to the writer's own
   * id: nobody writes in someone else's name. (Other kinds' authors are not checked: undoing the
   * removal of someone else's post-it brings it back with its author.)
   */
  private checkOwnerField(
    coll: CollectionName,
    id: string,
    kind: RecordKind,
    value: unknown,
  ): void {
    if (!this.newKinds.has(`${coll}/${id}`)) forbid(`the owner of ${kind} ${id} never changes`)
    if (value !== this.writer.personId) forbid(`a ${kind} is written in its author's own name`)
  }

  private growText(w: Write): void {
    if (w.content instanceof Y.ContentDeleted) return
    if (!(w.content instanceof Y.ContentString))
      return malformed(`${w.path.slice(0, -1).join('.')}: text holds characters only`)
    const key = w.path.join('\u0000')
    const entry = this.textGrowth.get(key) ?? { path: w.path, chars: 0 }
    entry.chars += w.content.str.length
    this.textGrowth.set(key, entry)
  }

  /** A text may not grow past its field's limit (what is there now plus what this adds). */
  private checkTextLimit(path: DocPath, chars: number): void {
    const [root, a, b] = path
    let max: number | null | undefined
    let current = 0
    if (isCollectionName(root) && typeof a === 'string' && typeof b === 'string') {
      max = maxLength(fieldSchema(this.kindOf(root, a), b))
      const text = this.stored(root, a)?.get(b)
      if (text instanceof Y.Text) current = text.length
    } else if (typeof root === 'string' && isMapRoot(root) && typeof a === 'string') {
      const spec = MAP_ROOTS[root] as MapRoot
      max = maxLength(spec.fields[a])
      const text = this.doc.getMap<unknown>(root).get(a)
      if (text instanceof Y.Text) current = text.length
    }
    if (typeof max === 'number' && current + chars > max)
      malformed(`${path.slice(0, -1).join('.')}: longer than ${max} characters`)
  }
}

const NOT_A_VALUE = Symbol('not a value')

/** The value a map entry's content sets, or NOT_A_VALUE for a type, binary or embedded doc. */
function valueOf(content: Content): unknown {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    const values = content.getContent()
    return values.length === 1 ? values[0] : NOT_A_VALUE
  }
  return NOT_A_VALUE
}

function isType(content: Content, ctor: typeof Y.Map | typeof Y.Text): boolean {
  return content instanceof Y.ContentType && content.type.constructor === ctor
}

function maxLength(schema: unknown): number | null | undefined {
  return (schema as { maxLength?: number | null } | undefined)?.maxLength
}

/**
 * Whether an update would change nothing visible: all it holds the board has, or it deletes
 * what the board does not have. Viewers' clients answer our sync step 1 with such updates; they
 * are dropped, not refused, so that junk some board picked up before never locks viewers out.
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    const { writes, removals } = readUpdate(doc, update)
    return (
      writes.every((w) => w.gone || w.content instanceof Y.ContentDeleted) &&
      removals.every((r) => r.gone)
    )
  } catch (err) {
    if (err instanceof UnresolvableUpdate) return false
    throw err
  }
}

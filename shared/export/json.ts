/**
 * JSON export and import of a whole board, in a versioned envelope (JSON_FORMAT.md). Import
 * validates everything before it writes anything, then replaces the board in one transaction:
 * a bad file changes nothing.
 */
import type * as Y from 'yjs'
import {
  allCollections,
  collection,
  FACILITATION,
  initBoard,
  readFacilitation,
  readMeta,
  readSchemaVersion,
  readSetup,
  scribeNotes,
  scribeScopes,
  updateFacilitation,
  updateSetup,
} from '../doc/index.ts'
import {
  COLLECTION_NAMES,
  SCHEMA_VERSION,
  SchemaError,
  currentRecordVersions,
  facilitationDefaults,
  formatIssues,
  isRecordKind,
  migrateRecord,
  parseRecord,
  recordTypes,
  type AnyRecord,
} from '../schema/index.ts'
import {
  EXPORT_TYPE,
  EXPORT_VERSION,
  MAX_RECORDS,
  boardExportSchema,
  type BoardExport,
} from './json-format.ts'
import { byId } from './order.ts'
import { Pseudonyms, namedInDoc, visibleAuthor, type NamedAuthors } from './privacy.ts'
import { MAX_SCRIBE_DEPTH, fragmentToJson, jsonDepth, writeNodes } from './scribe-json.ts'

export interface JsonExportOptions {
  /**
   * Authors exported by id; everyone else becomes a stable stand-in ("anon-1"). Default: those
   * who chose to be named on the board (person records).
   */
  namedAuthors?: NamedAuthors
  /** Goes into `source`; e.g. the board's address. */
  source?: string
  now?: Date
}

export function buildExport(doc: Y.Doc, options: JsonExportOptions = {}): BoardExport {
  const named = options.namedAuthors ?? namedInDoc(doc)
  // A person record names someone: it leaves the board only when they may be named.
  const records = allCollections(doc)
    .flatMap((coll) => coll.all().sort(byId))
    .filter((r) => r.kind !== 'person' || visibleAuthor(r.id, named) !== null)
    .map(canonical)
  const scribe: BoardExport['board']['scribe'] = {}
  for (const scope of scribeScopes(doc)) {
    const nodes = fragmentToJson(scribeNotes(doc, scope))
    if (nodes.length) scribe[scope] = nodes
  }
  return {
    type: EXPORT_TYPE,
    version: EXPORT_VERSION,
    source: options.source ?? 'workshop-board',
    exportedAt: (options.now ?? new Date()).toISOString(),
    board: {
      schemaVersion: readSchemaVersion(doc) ?? SCHEMA_VERSION,
      recordVersions: currentRecordVersions(),
      meta: readMeta(doc),
      setup: readSetup(doc),
      facilitation: readFacilitation(doc),
      records: hideAuthors(records, named),
      scribe,
    },
  }
}

/**
 * The record with its keys in one fixed order (id, kind, then the schema's fields, then any
 * unknown ones sorted): a Y.Map keeps insertion order, which differs between equal boards.
 */
function canonical<T extends AnyRecord>(record: T): T {
  const known = Object.keys(recordTypes[record.kind].schema.shape)
  const rest = Object.keys(record)
    .filter((k) => !known.includes(k))
    .sort()
  const keys = ['id', 'kind', ...known.filter((k) => k !== 'id' && k !== 'kind'), ...rest]
  const source = record as Record<string, unknown>
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]])) as T
}

export function exportJson(doc: Y.Doc, options: JsonExportOptions = {}): string {
  return JSON.stringify(buildExport(doc, options), null, 2) + '\n'
}

/**
 * Replaces authors who are not named with stand-ins. Voters of anonymous rounds always get
 * stand-ins of their own ("voter-1"), so that dots per person still count after an import.
 */
function hideAuthors(
  records: AnyRecord[],
  named: NamedAuthors | undefined,
): Record<string, unknown>[] {
  const anonymousRounds = new Set(
    records.filter((r) => r.kind === 'round' && r.anonymous).map((r) => r.id),
  )
  const kept = new Set<string>()
  for (const r of records) {
    for (const id of [authorOf(r, anonymousRounds), r.kind === 'entry' ? r.ownerId : null])
      if (id && visibleAuthor(id, named) !== null) kept.add(id)
  }
  const authors = new Pseudonyms('anon', kept)
  const voters = new Pseudonyms('voter', kept)
  return records.map((r) => {
    const out = { ...r } as Record<string, unknown>
    if (r.kind === 'dot') {
      out.voterId = anonymousRounds.has(r.roundId)
        ? voters.of(r.voterId)
        : kept.has(r.voterId)
          ? r.voterId
          : authors.of(r.voterId)
    } else if ('authorId' in r) {
      out.authorId = kept.has(r.authorId) ? r.authorId : authors.of(r.authorId)
    }
    // Who owns an action item is a person too: named only if they agreed.
    if (r.kind === 'entry' && r.ownerId !== null)
      out.ownerId = kept.has(r.ownerId) ? r.ownerId : authors.of(r.ownerId)
    return out
  })
}

function authorOf(r: AnyRecord, anonymousRounds: Set<string>): string | null {
  if (r.kind === 'dot') return anonymousRounds.has(r.roundId) ? null : r.voterId
  return 'authorId' in r ? r.authorId : null
}

export interface ImportResult {
  records: number
  scribeScopes: number
}

/**
 * Replaces the board held by `doc` with an export (a JSON string or its parsed value). Throws a
 * SchemaError saying what is wrong, and leaves the document untouched, if anything is invalid.
 */
export function importJson(doc: Y.Doc, data: unknown, origin: unknown = null): ImportResult {
  const file = validateExport(data)
  const records = file.board.records.map((raw, i) => validateRecord(raw, i, file))
  const seen = new Set<string>()
  for (const r of records) {
    const key = `${recordTypes[r.kind].collection}:${r.id}`
    if (seen.has(key)) throw new SchemaError(`records: duplicate ${r.kind} id "${r.id}"`)
    seen.add(key)
  }

  doc.transact(() => {
    // Every collection the registry declares is replaced as a whole, comments included.
    for (const coll of allCollections(doc)) coll.delete([...coll.map.keys()], origin)
    for (const scope of scribeScopes(doc)) {
      const fragment = scribeNotes(doc, scope)
      fragment.delete(0, fragment.length)
    }
    initBoard(doc, file.board.meta)
    updateSetup(doc, file.board.setup, origin)
    doc.getMap(FACILITATION).clear()
    updateFacilitation(doc, file.board.facilitation ?? facilitationDefaults(), origin)
    for (const name of COLLECTION_NAMES) {
      const group = records.filter((r) => recordTypes[r.kind].collection === name)
      if (group.length) collection(doc, name).add(group, origin)
    }
    for (const [scope, nodes] of Object.entries(file.board.scribe)) {
      writeNodes(scribeNotes(doc, scope), nodes)
    }
  }, origin)
  return { records: records.length, scribeScopes: Object.keys(file.board.scribe).length }
}

/** Checks the envelope, naming the first thing wrong in terms a person can act on. */
export function validateExport(data: unknown): BoardExport {
  let value = data
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data)
    } catch (err) {
      throw new SchemaError(`malformed JSON: ${(err as Error).message}`)
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SchemaError('not a board export: expected a JSON object')
  }
  const { type, version } = value as Record<string, unknown>
  if (type !== EXPORT_TYPE) {
    throw new SchemaError(
      `not a board export: type is ${JSON.stringify(type) ?? 'missing'}, expected "${EXPORT_TYPE}"`,
    )
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SchemaError(`version: expected a whole number from 1, got ${JSON.stringify(version)}`)
  }
  if (version > EXPORT_VERSION) {
    throw new SchemaError(
      `version: this export has format version ${version}, newer than this app reads ` +
        `(${EXPORT_VERSION}); update the app to import it`,
    )
  }
  const depth = jsonDepth(value)
  if (depth > MAX_SCRIBE_DEPTH * 2 + 8) {
    throw new SchemaError(`board: nested ${depth} levels deep, more than a board export can be`)
  }
  const parsed = boardExportSchema.safeParse(value)
  if (!parsed.success) throw new SchemaError(formatIssues(parsed.error))
  const { schemaVersion } = parsed.data.board
  if (schemaVersion > SCHEMA_VERSION) {
    throw new SchemaError(
      `board.schemaVersion: ${schemaVersion} is newer than this app (${SCHEMA_VERSION})`,
    )
  }
  if (parsed.data.board.records.length > MAX_RECORDS) {
    throw new SchemaError(`board.records: more than ${MAX_RECORDS} records`)
  }
  return parsed.data as BoardExport
}

/** One record, brought up to the current version and validated strictly. */
function validateRecord(raw: Record<string, unknown>, index: number, file: BoardExport): AnyRecord {
  const where = `board.records[${index}]`
  const kind = raw.kind
  if (!isRecordKind(kind)) {
    throw new SchemaError(`${where}.kind: unknown record kind ${JSON.stringify(kind)}`)
  }
  const label = `${where} (${kind} ${JSON.stringify(raw.id)})`
  try {
    const migrated = migrateRecord(kind, raw, file.board.recordVersions[kind] ?? 1)
    return parseRecord(migrated)
  } catch (err) {
    if (err instanceof SchemaError) throw new SchemaError(`${label}: ${err.message}`)
    throw err
  }
}

/**
 * The one registry of the board's shape. Every record kind is declared in its own file; this
 * module assembles them, owns the schema version, and restores records coming from outside.
 */
import { z } from 'zod'
import { COLLECTION_NAMES, type CollectionName, type RecordType } from './common.ts'
import { commentType, type CommentRecord } from './comment.ts'
import { connectorType, type ConnectorRecord } from './connector.ts'
import { entryType, type EntryRecord } from './entry.ts'
import { compileFastCheck, type FastCheck } from './fastCheck.ts'
import { frameType, type FrameRecord } from './frame.ts'
import { imageType, type ImageRecord } from './image.ts'
import { labelType, type LabelRecord } from './label.ts'
import { noteType, type NoteRecord } from './note.ts'
import { personType, type PersonRecord } from './person.ts'
import { dotType, roundType, type DotRecord, type RoundRecord } from './round.ts'
import { tagType, type TagRecord } from './tag.ts'

export * from './common.ts'
export * from './board.ts'
export * from './presence.ts'
export * from './setup.ts'
export * from './facilitation.ts'
export * from './roots.ts'
export { CONNECTOR_MARKERS, LINE_STYLES } from './connector.ts'
export type { ConnectorEnd, ConnectorMarker, LineStyle } from './connector.ts'
export { AGREEMENTS, NOTE_SECTIONS, URGENCIES } from './entry.ts'
export type { Agreement, NoteSection, Urgency } from './entry.ts'
export { STEP_STATES } from './note.ts'
export type { Lane } from './frame.ts'
export { isFrame } from './frame.ts'
export type {
  NoteRecord,
  FrameRecord,
  LabelRecord,
  ImageRecord,
  ConnectorRecord,
  TagRecord,
  EntryRecord,
  RoundRecord,
  DotRecord,
  PersonRecord,
  CommentRecord,
}

/** Version of the document layout as a whole (top-level maps and how records are stored). */
export const SCHEMA_VERSION = 1

/** Things placed on the canvas with a box of their own. */
export const itemTypes = {
  note: noteType,
  frame: frameType,
  label: labelType,
  image: imageType,
} as const

/** Every record kind, each stored in its own collection of the document. */
export const recordTypes = {
  ...itemTypes,
  connector: connectorType,
  tag: tagType,
  entry: entryType,
  round: roundType,
  dot: dotType,
  person: personType,
  comment: commentType,
} as const

export type ItemKind = keyof typeof itemTypes
export type RecordKind = keyof typeof recordTypes
export type Item = NoteRecord | FrameRecord | LabelRecord | ImageRecord
export type AnyRecord =
  | Item
  | ConnectorRecord
  | TagRecord
  | EntryRecord
  | RoundRecord
  | DotRecord
  | PersonRecord
  | CommentRecord
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>
export type RecordOf<K extends RecordKind> = Extract<AnyRecord, { kind: K }>
export const ITEM_KINDS = Object.keys(itemTypes) as ItemKind[]
export const RECORD_KINDS = Object.keys(recordTypes) as RecordKind[]

/** The kinds each collection holds, derived from the kinds' declarations. */
export const COLLECTION_KINDS: Readonly<Record<CollectionName, readonly RecordKind[]>> =
  Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      RECORD_KINDS.filter((k) => recordTypes[k].collection === name),
    ]),
  ) as Record<CollectionName, RecordKind[]>

export function isCollectionName(name: unknown): name is CollectionName {
  return typeof name === 'string' && (COLLECTION_NAMES as readonly string[]).includes(name)
}

/** The registry's entry for a kind, typed loosely for code that handles every kind alike. */
export const typeOf = (kind: RecordKind) =>
  recordTypes[kind] as unknown as RecordType<string, AnyRecord>

/** Every field a record of this kind may hold now, and the older ones a client may still send. */
export function fieldSchema(kind: RecordKind, field: string): z.ZodType | undefined {
  const type = typeOf(kind)
  if (Object.hasOwn(type.schema.shape, field)) return type.schema.shape[field]
  return type.legacyFields && Object.hasOwn(type.legacyFields, field)
    ? type.legacyFields[field]
    : undefined
}

/** Per-kind versions, stored in the document so that older documents can be migrated. */
export type RecordVersions = Record<string, number>
export const currentRecordVersions = (): RecordVersions =>
  Object.fromEntries(RECORD_KINDS.map((k) => [k, recordTypes[k].version]))

export const itemSchema = z.discriminatedUnion('kind', [
  itemTypes.note.schema,
  itemTypes.frame.schema,
  itemTypes.label.schema,
  itemTypes.image.schema,
]) as unknown as z.ZodType<Item>

export function isItemKind(kind: unknown): kind is ItemKind {
  return typeof kind === 'string' && Object.hasOwn(itemTypes, kind)
}

export function isRecordKind(kind: unknown): kind is RecordKind {
  return typeof kind === 'string' && Object.hasOwn(recordTypes, kind)
}

/** Brings a plain record of an older version up to the current one, as a new object. */
export function migrateRecord(
  kind: RecordKind,
  record: Readonly<Record<string, unknown>>,
  fromVersion: number,
): Record<string, unknown> {
  const type = typeOf(kind)
  if (fromVersion > type.version) {
    throw new SchemaError(
      `a ${kind} of version ${fromVersion} is newer than this app (${type.version})`,
    )
  }
  let out: Record<string, unknown> = { ...record }
  for (let v = fromVersion; v < type.version; v++) {
    const step = type.migrations[v]
    if (!step) throw new SchemaError(`no migration for ${kind} from version ${v}`)
    out = step(out)
  }
  return out
}

/**
 * Restores a record from untrusted data: each field that is missing or invalid gets its default,
 * unknown fields are kept for forward compatibility. Returns null only when the record cannot be
 * one at all (no id, an unknown kind, a version from the future); it never throws.
 */
export function restoreRecord(raw: unknown, fromVersion?: number): AnyRecord | null {
  if (typeof raw !== 'object' || raw === null) return null
  const rec = raw as Record<string, unknown>
  if (!isRecordKind(rec.kind)) return null
  const kind = rec.kind
  const type = typeOf(kind)
  let out: Record<string, unknown>
  try {
    // Every step is idempotent, so a record of unknown version is run through all of them.
    out = migrateRecord(kind, rec, fromVersion ?? 1)
  } catch {
    return null
  }
  out.id = rec.id
  out.kind = kind
  // A missing field takes its default (the document leaves out fields equal to their defaults).
  const defaults = type.defaults() as Record<string, unknown>
  for (const key in defaults) if (out[key] === undefined) out[key] = defaults[key]
  // Nearly every record is valid as it is: one check of the whole, field by field only if not.
  if (isValidRecord(kind, out)) return out as AnyRecord
  if (!type.schema.shape.id!.safeParse(rec.id).success) return null
  for (const [key, fallback] of Object.entries(defaults)) {
    const field = type.schema.shape[key]
    if (!field || !field.safeParse(out[key]).success) out[key] = fallback
  }
  return out as AnyRecord
}

const fastChecks = new Map<RecordKind, FastCheck | null>()

/**
 * Whether a plain record is valid for its kind as it is, as its schema's `safeParse` would say,
 * through the fast check derived from the schema (see fastCheck.ts) when there is one.
 */
export function isValidRecord(kind: RecordKind, record: unknown): boolean {
  let check = fastChecks.get(kind)
  if (check === undefined) fastChecks.set(kind, (check = compileFastCheck(typeOf(kind).schema)))
  return check ? check(record) : typeOf(kind).schema.safeParse(record).success
}

/** restoreRecord for canvas items only. */
export function restoreItem(raw: unknown, fromVersion?: number): Item | null {
  const rec = restoreRecord(raw, fromVersion)
  return rec && isItemKind(rec.kind) ? (rec as Item) : null
}

/** Validates a record from outside (API body, import) strictly, with readable errors. */
export function parseRecord(raw: unknown): AnyRecord {
  const kind = (raw as { kind?: unknown } | null)?.kind
  if (!isRecordKind(kind))
    throw new SchemaError(`kind: unknown record kind ${JSON.stringify(kind)}`)
  const result = typeOf(kind).schema.safeParse(raw)
  if (!result.success) throw new SchemaError(formatIssues(result.error))
  return result.data as AnyRecord
}

export function parseItem(raw: unknown): Item {
  const result = itemSchema.safeParse(raw)
  if (!result.success) throw new SchemaError(formatIssues(result.error))
  return result.data
}

export class SchemaError extends Error {
  override name = 'SchemaError'
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ')
}

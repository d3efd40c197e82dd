/**
 * The one registry of the board's shape. Every record kind is declared in its own file; this
 * module assembles them, owns the schema version, and restores records coming from outside.
 */
import { z } from 'zod'
import { frameType, type FrameRecord } from './frame.ts'
import { labelType, type LabelRecord } from './label.ts'
import { noteType, type NoteRecord } from './note.ts'

export * from './common.ts'
export * from './board.ts'
export * from './presence.ts'
export type { NoteRecord, FrameRecord, LabelRecord }

/** Version of the document layout as a whole (top-level maps and how records are stored). */
export const SCHEMA_VERSION = 1

export const recordTypes = {
  note: noteType,
  frame: frameType,
  label: labelType,
} as const

export type ItemKind = keyof typeof recordTypes
export type Item = NoteRecord | FrameRecord | LabelRecord
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>
export const ITEM_KINDS = Object.keys(recordTypes) as ItemKind[]

/** Per-kind versions, stored in the document so that older documents can be migrated. */
export type RecordVersions = Record<string, number>
export const currentRecordVersions = (): RecordVersions =>
  Object.fromEntries(ITEM_KINDS.map((k) => [k, recordTypes[k].version]))

export const itemSchema = z.discriminatedUnion('kind', [
  recordTypes.note.schema,
  recordTypes.frame.schema,
  recordTypes.label.schema,
]) as unknown as z.ZodType<Item>

export function isItemKind(kind: unknown): kind is ItemKind {
  return typeof kind === 'string' && Object.hasOwn(recordTypes, kind)
}

/** Brings a plain record of an older version up to the current one, without mutating it. */
export function migrateRecord(
  kind: ItemKind,
  record: Readonly<Record<string, unknown>>,
  fromVersion: number,
): Record<string, unknown> {
  const type = recordTypes[kind]
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
 * unknown fields are kept for forward compatibility. Returns null only when the record cannot be an
 * item at all (no id or an unknown kind); it never throws.
 */
export function restoreItem(raw: unknown, fromVersion?: number): Item | null {
  if (typeof raw !== 'object' || raw === null) return null
  const rec = raw as Record<string, unknown>
  if (!isItemKind(rec.kind)) return null
  const kind = rec.kind
  const type = recordTypes[kind]
  if (!type.schema.shape.id!.safeParse(rec.id).success) return null
  let migrated: Record<string, unknown>
  try {
    migrated = migrateRecord(kind, rec, fromVersion ?? type.version)
  } catch {
    return null
  }
  const defaults = type.defaults() as Record<string, unknown>
  const out: Record<string, unknown> = { ...migrated, id: rec.id, kind }
  for (const [key, fallback] of Object.entries(defaults)) {
    const field = type.schema.shape[key]
    if (!field || !field.safeParse(migrated[key]).success) out[key] = fallback
  }
  return out as Item
}

/** Validates an item from outside (API body, import) strictly, with readable errors. */
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

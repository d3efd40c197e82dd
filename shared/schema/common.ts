import { z } from 'zod'

/** Where a piece of state lives: in the shared document, in awareness, or only on this device. */
export type Scope = 'document' | 'presence' | 'session'

/** Post-it colours; names, not hex, so themes and high-contrast modes can map them. */
export const NOTE_COLORS = [
  'yellow',
  'pink',
  'green',
  'blue',
  'orange',
  'purple',
  'grey',
  'white',
] as const
export type NoteColor = (typeof NOTE_COLORS)[number]

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only')

export const coordinate = z.number().finite().min(-1e7).max(1e7)
export const extent = z.number().finite().min(1).max(1e6)
export const colorSchema = z.enum(NOTE_COLORS)
export const timestamp = z.number().int().nonnegative()
export const shortText = (max: number) => z.string().max(max)

/** Fields every item on the canvas has. */
export const baseItemShape = {
  id: idSchema,
  x: coordinate,
  y: coordinate,
  w: extent,
  h: extent,
  /** Stacking order; ties are broken by id so every client draws the same. */
  z: z.number().finite(),
  /** The frame (poster) this item belongs to, or null on the open canvas. */
  parentId: idSchema.nullable(),
  authorId: shortText(64),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Locked by a facilitator: nobody else may move or edit it. Absent means false. */
  locked: z.boolean().optional(),
}

/** The document's record collections: each a top-level Y.Map of id -> record (a Y.Map). */
export const COLLECTION_NAMES = [
  'items',
  'connectors',
  'tags',
  'entries',
  'rounds',
  'dots',
  'people',
  'comments',
] as const
export type CollectionName = (typeof COLLECTION_NAMES)[number]

/** Who may write a record kind at all: anyone with an editing link, facilitators, or the server. */
export type Writers = 'anyone' | 'facilitator' | 'server'

/**
 * Who may change what in records of a kind, enforced by the server on every update. Facilitators
 * may do anything anyone may; the server writes what it alone writes through its own origin.
 */
export interface RecordAccess<T> {
  writers: Writers
  /** Fields only a facilitator may set (e.g. `locked`), even where anyone writes the record. */
  facilitatorFields?: readonly (keyof T & string)[]
  /**
   * Fields only the record's owner may change, and whether only they may delete it. The owner is
   * the person whose id is in `ownerField` (`id` for a person record, `authorId` for a comment).
   */
  owner?: {
    field: keyof T & string
    fields: readonly (keyof T & string)[]
    deleteByOwnerOnly?: boolean
  }
}

/** A record kind: its collection, validator, access rules, version, defaults and migrations. */
export interface RecordType<K extends string, T extends { kind: K }> {
  kind: K
  /** The top-level map its records live in. */
  collection: CollectionName
  access: RecordAccess<T>
  /**
   * Fields of older versions that a client may still write (an old client, or an offline copy
   * made by one); the server accepts them if valid and migrates the record as it arrives.
   */
  legacyFields?: Record<string, z.ZodType>
  version: number
  schema: z.ZodObject<Record<string, z.ZodType>> & z.ZodType<T>
  /**
   * Values for every field a stored or imported record may lack. The document does not store a
   * field equal to its default, so changing a default needs a migration that writes the old one
   * into records of the older version.
   */
  defaults: () => Omit<T, 'id' | 'kind'>
  /**
   * migrations[n] turns a version-n record into version n+1. Each returns a new object and is
   * idempotent (a record already of the newer shape passes unchanged), because a board can hold
   * records of both shapes for a while: an old client's offline edits arrive after the server
   * migrated the board, and readers run every step on what they read.
   */
  migrations: Record<number, (record: Readonly<Record<string, unknown>>) => Record<string, unknown>>
  /** Names of fields held as collaborative text (Y.Text) in the document. */
  textFields: readonly (keyof T & string)[]
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'
const ID_LENGTH = 12
/** Random bytes for 256 ids at a time: one call into the platform's generator per batch, not per id. */
let idPool = new Uint8Array(0)
let idPoolAt = 0

export function newId(): string {
  if (idPoolAt + ID_LENGTH > idPool.length) {
    idPool = globalThis.crypto.getRandomValues(new Uint8Array(ID_LENGTH * 256))
    idPoolAt = 0
  }
  let out = ''
  for (let i = idPoolAt; i < idPoolAt + ID_LENGTH; i++) out += ID_ALPHABET[idPool[i]! & 63]
  idPoolAt += ID_LENGTH
  return out
}

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

/** A record kind: its validator, current version, defaults and migrations of plain records. */
export interface RecordType<K extends string, T extends { kind: K }> {
  kind: K
  version: number
  schema: z.ZodObject<Record<string, z.ZodType>> & z.ZodType<T>
  /**
   * Values for every field a stored or imported record may lack. The document does not store a
   * field equal to its default, so changing a default needs a migration that writes the old one
   * into records of the older version.
   */
  defaults: () => Omit<T, 'id' | 'kind'>
  /** migrations[n] turns a version-n record into version n+1. Each returns a new object. */
  migrations: Record<number, (record: Readonly<Record<string, unknown>>) => Record<string, unknown>>
  /** Names of fields held as collaborative text (Y.Text) in the document. */
  textFields: readonly (keyof T & string)[]
}

export function newId(): string {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes)
    out += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'[b & 63]
  return out
}

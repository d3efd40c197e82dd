/**
 * The document's top-level types other than the record collections, and who writes each. The
 * server refuses any update that writes a root not declared here or in the record registry.
 */
import { z } from 'zod'
import { boardMetaSchema } from './board.ts'
import type { Writers } from './common.ts'
import { facilitationSchema } from './facilitation.ts'
import { SETUP_TEXT_FIELDS, setupSchema } from './setup.ts'

/** A top-level Y.Map with a fixed set of fields (or, with `anyKey`, one schema for every key). */
export interface MapRoot {
  writers: Writers
  fields: Readonly<Record<string, z.ZodType>>
  /** Fields held as Y.Text. */
  textFields: readonly string[]
  /** Keys are ids (e.g. round ids) rather than field names; every value has this schema. */
  anyKey?: z.ZodType
}

/** Who has voted in a round: only the server writes it. */
export const votersEntrySchema = z.object({
  count: z.number().int().nonnegative(),
  ids: z.array(z.string().max(64)).nullable(),
})

export const MAP_ROOTS = {
  meta: {
    writers: 'facilitator',
    fields: {
      ...boardMetaSchema.shape,
      schemaVersion: z.number().int().min(1),
      recordVersions: z.record(z.string().max(64), z.number().int().min(1)),
    },
    textFields: [],
  },
  setup: { writers: 'anyone', fields: setupSchema.shape, textFields: SETUP_TEXT_FIELDS },
  facilitation: { writers: 'facilitator', fields: facilitationSchema.shape, textFields: [] },
  voters: { writers: 'server', fields: {}, textFields: [], anyKey: votersEntrySchema },
} as const satisfies Record<string, MapRoot>

export type MapRootName = keyof typeof MAP_ROOTS

/** Scribe notes: one rich-text fragment (Y.XmlFragment) per poster or for the plenary. */
export const SCRIBE_ROOT_PREFIX = 'scribe:'
/** What may follow the prefix: 'plenary' or a frame id. */
export const scribeScopeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)

export function isMapRoot(name: string): name is MapRootName {
  return Object.hasOwn(MAP_ROOTS, name)
}

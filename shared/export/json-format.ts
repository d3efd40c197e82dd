/**
 * The JSON export's envelope (see JSON_FORMAT.md). Records are checked separately, against the
 * schema registry, so that this file only knows the envelope's own shape.
 */
import { z } from 'zod'
import { boardMetaSchema, facilitationSchema, idSchema, setupSchema } from '../schema/index.ts'
import { scribeNodeSchema, type ScribeNode } from './scribe-json.ts'

export const EXPORT_TYPE = 'workshop-board'
/**
 * Version of the envelope. Bump it, and teach importJson the old one, when its shape changes.
 * 2 added `facilitation` (agenda, timer, phase); a version-1 file imports with its defaults.
 */
export const EXPORT_VERSION = 2
export const MAX_RECORDS = 200_000

export const scribeScopeSchema = z.union([z.literal('plenary'), idSchema])

export const boardExportSchema = z.strictObject({
  type: z.literal(EXPORT_TYPE),
  version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
  source: z.string().max(500),
  exportedAt: z.iso.datetime(),
  board: z.strictObject({
    schemaVersion: z.number().int().min(1),
    recordVersions: z.record(z.string(), z.number().int().min(1)),
    meta: boardMetaSchema,
    setup: setupSchema,
    facilitation: facilitationSchema.optional(),
    records: z.array(z.record(z.string(), z.unknown())).max(MAX_RECORDS),
    scribe: z.record(scribeScopeSchema, z.array(scribeNodeSchema).max(100_000)),
  }),
})

export interface BoardExport {
  type: typeof EXPORT_TYPE
  version: 1 | typeof EXPORT_VERSION
  /** What wrote the file: app name and, where known, the board's address. */
  source: string
  /** ISO 8601 time of the export. */
  exportedAt: string
  board: {
    schemaVersion: number
    recordVersions: Record<string, number>
    meta: z.infer<typeof boardMetaSchema>
    setup: z.infer<typeof setupSchema>
    /** Absent in version-1 files. */
    facilitation?: z.infer<typeof facilitationSchema>
    records: Record<string, unknown>[]
    scribe: Record<string, ScribeNode[]>
  }
}

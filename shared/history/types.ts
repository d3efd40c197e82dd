/**
 * What the history and activity endpoints answer, shared by the server routes and the client
 * panels. Neither lives in the board document: versions and activity are stored beside it.
 */
import { z } from 'zod'
import {
  COLLECTION_NAMES,
  idSchema,
  shortText,
  timestamp,
  type CollectionName,
} from '../schema/index.ts'

/** A named version of a board ("End of Part I"); its state is stored as a full copy. */
export const versionInfoSchema = z.object({
  id: idSchema,
  name: shortText(120),
  createdAt: timestamp,
  /** Display name of who saved it, as they gave it; may be empty. */
  createdBy: shortText(80),
})
export type VersionInfo = z.infer<typeof versionInfoSchema>

export const ACTIVITY_KINDS = ['added', 'changed', 'moved', 'deleted'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** One line of the activity feed: who did what to which record, when (server time). */
export const activityEntrySchema = z.object({
  id: idSchema,
  /** Server time of the last edit this entry covers. */
  at: timestamp,
  /** Server time of the first edit this entry covers (edits within a minute are coalesced). */
  firstAt: timestamp,
  /** The person the connection was opened for; null for the server itself (restores). */
  personId: shortText(64).nullable(),
  name: shortText(80),
  /** The collection the record lives in: items, connectors or comments. */
  collection: shortText(32),
  recordId: idSchema,
  /** The record's kind (note, frame, label, connector, comment) when known. */
  recordKind: shortText(32),
  kind: z.enum(ACTIVITY_KINDS),
  /** The poster (frame) the record is on, or null on the open canvas. */
  frameId: idSchema.nullable(),
  /** How many edits were coalesced into this entry. */
  count: z.number().int().positive(),
})
export type ActivityEntry = z.infer<typeof activityEntrySchema>

/** Restore never rewinds votes, rounds or consent to be named: those are not board content. */
const NOT_RESTORED: readonly CollectionName[] = ['rounds', 'dots', 'people']
/** Every other collection the registry declares is brought back by a restore. */
export const RESTORED_COLLECTIONS = COLLECTION_NAMES.filter((name) => !NOT_RESTORED.includes(name))

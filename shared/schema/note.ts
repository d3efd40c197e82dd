import { z } from 'zod'
import { baseItemShape, colorSchema, idSchema, shortText, type RecordType } from './common.ts'

/** Whether a process-map step exists today or is missing (the seed's last step). */
export const STEP_STATES = ['none', 'exists', 'missing'] as const

/** A post-it. */
export const noteSchema = z.object({
  ...baseItemShape,
  kind: z.literal('note'),
  color: colorSchema,
  text: shortText(5000),
  /** The lane of its frame it sits in, or null. */
  laneId: idSchema.nullable(),
  /** Ids of board tags it relates to ("Relates to: PM, SRE"). */
  tags: z.array(idSchema).max(50),
  step: z.enum(STEP_STATES),
  /** Who is involved at this step of a process. */
  involved: shortText(500),
  /** The takeaway heading of its poster this note is listed under, or null. */
  takeaway: shortText(200).nullable(),
})
export type NoteRecord = z.infer<typeof noteSchema>

export const noteType: RecordType<'note', NoteRecord> = {
  kind: 'note',
  collection: 'items',
  access: { writers: 'anyone', facilitatorFields: ['locked'] },
  version: 1,
  schema: noteSchema,
  defaults: () => ({
    x: 0,
    y: 0,
    w: 160,
    h: 160,
    z: 0,
    parentId: null,
    authorId: '',
    createdAt: 0,
    updatedAt: 0,
    color: 'yellow',
    text: '',
    laneId: null,
    tags: [],
    step: 'none',
    involved: '',
    takeaway: null,
  }),
  migrations: {},
  textFields: ['text', 'involved'],
}

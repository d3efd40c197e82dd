import { z } from 'zod'
import { baseItemShape, colorSchema, idSchema, shortText, type RecordType } from './common.ts'

/** A column of a poster with its heading ("Role / Motivation / Goal"). */
export const laneSchema = z.object({ id: idSchema, title: shortText(200) })
export type Lane = z.infer<typeof laneSchema>

/** A poster: a titled area that carries the items placed on it. */
export const frameSchema = z.object({
  ...baseItemShape,
  kind: z.literal('frame'),
  color: colorSchema,
  title: shortText(200),
  /** Columns, left to right, splitting the poster's width evenly. */
  lanes: z.array(laneSchema).max(12),
  /** Headings its takeaways are listed under ("Identified takeaways", "Open questions"...). */
  takeawayHeadings: z.array(shortText(200)).max(20),
  /** Hidden by a facilitator: only facilitators see the poster. Absent means false. */
  hidden: z.boolean().optional(),
})
export type FrameRecord = z.infer<typeof frameSchema>

export const frameType: RecordType<'frame', FrameRecord> = {
  kind: 'frame',
  collection: 'items',
  access: { writers: 'anyone', facilitatorFields: ['locked', 'hidden'] },
  version: 1,
  schema: frameSchema,
  defaults: () => ({
    x: 0,
    y: 0,
    w: 800,
    h: 600,
    z: 0,
    parentId: null,
    authorId: '',
    createdAt: 0,
    updatedAt: 0,
    color: 'white',
    title: '',
    lanes: [],
    takeawayHeadings: [],
  }),
  migrations: {},
  textFields: ['title'],
}

/** Whether an item is a poster. */
export const isFrame = (item: { kind: string }): item is FrameRecord => item.kind === 'frame'

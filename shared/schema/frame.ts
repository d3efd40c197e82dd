import { z } from 'zod'
import { baseItemShape, colorSchema, shortText, type RecordType } from './common.ts'

/** A poster: a titled area that carries the items placed on it. */
export const frameSchema = z.object({
  ...baseItemShape,
  kind: z.literal('frame'),
  color: colorSchema,
  title: shortText(200),
})
export type FrameRecord = z.infer<typeof frameSchema>

export const frameType: RecordType<'frame', FrameRecord> = {
  kind: 'frame',
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
  }),
  migrations: {},
  textFields: ['title'],
}

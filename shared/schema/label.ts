import { z } from 'zod'
import { baseItemShape, shortText, type RecordType } from './common.ts'

/** Free text on the canvas: headings, legends, remarks. */
export const labelSchema = z.object({
  ...baseItemShape,
  kind: z.literal('label'),
  text: shortText(5000),
  fontSize: z.number().finite().min(6).max(400),
})
export type LabelRecord = z.infer<typeof labelSchema>

export const labelType: RecordType<'label', LabelRecord> = {
  kind: 'label',
  collection: 'items',
  access: { writers: 'anyone', facilitatorFields: ['locked'] },
  version: 1,
  schema: labelSchema,
  defaults: () => ({
    x: 0,
    y: 0,
    w: 240,
    h: 40,
    z: 0,
    parentId: null,
    authorId: '',
    createdAt: 0,
    updatedAt: 0,
    text: '',
    fontSize: 24,
  }),
  migrations: {},
  textFields: ['text'],
}

import { z } from 'zod'
import { baseItemShape, colorSchema, shortText, type RecordType } from './common.ts'

/** A post-it. */
export const noteSchema = z.object({
  ...baseItemShape,
  kind: z.literal('note'),
  color: colorSchema,
  text: shortText(5000),
})
export type NoteRecord = z.infer<typeof noteSchema>

export const noteType: RecordType<'note', NoteRecord> = {
  kind: 'note',
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
  }),
  migrations: {},
  textFields: ['text'],
}

import { z } from 'zod'
import { colorSchema, idSchema, shortText, type RecordType } from './common.ts'

/** A board-wide tag such as "PM", "SRE" or "3rd party", which post-its "relate to". */
export const tagSchema = z.object({
  id: idSchema,
  kind: z.literal('tag'),
  name: shortText(60).min(1),
  color: colorSchema,
})
export type TagRecord = z.infer<typeof tagSchema>

export const tagType: RecordType<'tag', TagRecord> = {
  kind: 'tag',
  collection: 'tags',
  access: { writers: 'anyone' },
  version: 1,
  schema: tagSchema,
  defaults: () => ({ name: 'tag', color: 'blue' }),
  migrations: {},
  textFields: [],
}

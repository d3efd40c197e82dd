import { z } from 'zod'
import { idSchema, shortText, type RecordType } from './common.ts'

/**
 * Someone who took part, and whether they agreed to be named in exports. The id is the person's
 * user id (the `authorId` of what they wrote), so one person has one record. Not named unless
 * they said so: exports show stand-ins for everyone else.
 */
export const personSchema = z.object({
  id: idSchema,
  kind: z.literal('person'),
  name: shortText(80),
  named: z.boolean(),
})
export type PersonRecord = z.infer<typeof personSchema>

export const personType: RecordType<'person', PersonRecord> = {
  kind: 'person',
  collection: 'people',
  // Consent to be named is the person's own: nobody else may give or withdraw it.
  access: {
    writers: 'anyone',
    owner: { field: 'id', fields: ['name', 'named'], deleteByOwnerOnly: true },
  },
  version: 1,
  schema: personSchema,
  defaults: () => ({ name: '', named: false }),
  migrations: {},
  textFields: [],
}

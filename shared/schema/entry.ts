import { z } from 'zod'
import { idSchema, shortText, timestamp, type RecordType } from './common.ts'

/** The five sections of the structured notes, in the order the notes page lists them. */
export const NOTE_SECTIONS = ['answers', 'features', 'decisions', 'actions', 'questions'] as const
export type NoteSection = (typeof NOTE_SECTIONS)[number]

/** Whether the room agreed on a decision; 'open' until someone records it. */
export const AGREEMENTS = ['open', 'yes', 'mostly', 'no'] as const
export type Agreement = (typeof AGREEMENTS)[number]

/** How soon an item needs attention; 'none' when nobody said. */
export const URGENCIES = ['none', 'low', 'medium', 'high'] as const
export type Urgency = (typeof URGENCIES)[number]

/**
 * One item of the structured notes: its text and the three questions every item answers
 * ("Why is this important? What is it blocking? Who is responsible?"). An entry in "answers"
 * answers one of the setup questions. `sourceId` links back to the post-it or connector it was
 * promoted from. Action items name who does them (`ownerId`, a person of the board, or
 * `ownerName` for someone who is not) and by when (`dueAt`, shown in `dueZone`); decisions
 * record the room's agreement; any item may carry an urgency.
 */
export const entrySchema = z.object({
  id: idSchema,
  kind: z.literal('entry'),
  section: z.enum(NOTE_SECTIONS),
  text: shortText(5000),
  why: shortText(5000),
  blocking: shortText(5000),
  responsible: shortText(500),
  questionId: idSchema.nullable(),
  sourceId: idSchema.nullable(),
  order: z.number().finite(),
  ownerId: shortText(64).nullable(),
  ownerName: shortText(200),
  dueAt: timestamp.nullable(),
  /** IANA timezone the due time is shown in ("Europe/Berlin"); '' for UTC. */
  dueZone: shortText(64),
  agreement: z.enum(AGREEMENTS),
  urgency: z.enum(URGENCIES),
  authorId: shortText(64),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type EntryRecord = z.infer<typeof entrySchema>

export const entryType: RecordType<'entry', EntryRecord> = {
  kind: 'entry',
  collection: 'entries',
  access: { writers: 'anyone' },
  version: 1,
  schema: entrySchema,
  defaults: () => ({
    section: 'features',
    text: '',
    why: '',
    blocking: '',
    responsible: '',
    questionId: null,
    sourceId: null,
    order: 0,
    ownerId: null,
    ownerName: '',
    dueAt: null,
    dueZone: '',
    agreement: 'open',
    urgency: 'none',
    authorId: '',
    createdAt: 0,
    updatedAt: 0,
  }),
  migrations: {},
  textFields: ['text', 'why', 'blocking', 'responsible'],
}

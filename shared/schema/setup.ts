import { z } from 'zod'
import { idSchema, shortText } from './common.ts'

/** Licences content can be published under; stamped on every export. */
export const LICENSES = ['CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0', 'none'] as const

/** A question the session must answer. */
export const setupQuestionSchema = z.object({ id: idSchema, text: shortText(2000) })
export type SetupQuestion = z.infer<typeof setupQuestionSchema>

/** How the wikitext lists action items and decisions: the seed's lists, or sortable tables. */
export const ENTRY_LAYOUTS = ['list', 'table'] as const
export type EntryLayout = (typeof ENTRY_LAYOUTS)[number]

/** The session setup, edited together at the start (the seed's "Session Setup"). */
export const setupSchema = z.object({
  theme: shortText(500),
  exercises: shortText(2000),
  leaders: shortText(500),
  facilitator: shortText(500),
  scribes: shortText(500),
  description: shortText(10_000),
  attendees: shortText(10_000),
  license: z.enum(LICENSES),
  questions: z.array(setupQuestionSchema).max(100),
  entryLayout: z.enum(ENTRY_LAYOUTS),
  /** Voting results also list what nobody voted for, with "(0)". */
  showUnvoted: z.boolean(),
})
export type Setup = z.infer<typeof setupSchema>

export const setupDefaults = (): Setup => ({
  theme: '',
  exercises: '',
  leaders: '',
  facilitator: '',
  scribes: '',
  description: '',
  attendees: '',
  license: 'CC-BY-SA-4.0',
  questions: [],
  entryLayout: 'list',
  showUnvoted: false,
})

/** Setup fields held as collaborative text. */
export const SETUP_TEXT_FIELDS = [
  'theme',
  'exercises',
  'leaders',
  'facilitator',
  'scribes',
  'description',
  'attendees',
] as const

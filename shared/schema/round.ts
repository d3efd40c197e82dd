import { z } from 'zod'
import { idSchema, shortText, timestamp, type RecordType } from './common.ts'

/**
 * A dot-voting round. The facilitator opens it with its rules; results are the dots placed on
 * items while it was open, counted when it is revealed.
 */
export const roundSchema = z.object({
  id: idSchema,
  kind: z.literal('round'),
  title: shortText(200),
  /** What can be voted on: the whole board, the given frames, or notes marked as takeaways. */
  scope: z.enum(['board', 'frames', 'takeaways']),
  frameIds: z.array(idSchema).max(100),
  dotsPerPerson: z.number().int().min(1).max(100),
  allowStacking: z.boolean(),
  anonymous: z.boolean(),
  hideUntilReveal: z.boolean(),
  deadline: timestamp.nullable(),
  state: z.enum(['open', 'closed', 'revealed']),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  revealedAt: timestamp.nullable(),
})
export type RoundRecord = z.infer<typeof roundSchema>

export const roundType: RecordType<'round', RoundRecord> = {
  kind: 'round',
  version: 1,
  schema: roundSchema,
  defaults: () => ({
    title: 'Dot voting',
    scope: 'board',
    frameIds: [],
    dotsPerPerson: 3,
    allowStacking: true,
    anonymous: false,
    hideUntilReveal: false,
    deadline: null,
    state: 'open',
    openedAt: 0,
    closedAt: null,
    revealedAt: null,
  }),
  migrations: {},
  textFields: [],
}

/** One dot a voter placed on an item in a round. */
export const dotSchema = z.object({
  id: idSchema,
  kind: z.literal('dot'),
  roundId: idSchema,
  itemId: idSchema,
  voterId: shortText(64),
  createdAt: timestamp,
})
export type DotRecord = z.infer<typeof dotSchema>

export const dotType: RecordType<'dot', DotRecord> = {
  kind: 'dot',
  version: 1,
  schema: dotSchema,
  defaults: () => ({ roundId: 'none', itemId: 'none', voterId: '', createdAt: 0 }),
  migrations: {},
  textFields: [],
}

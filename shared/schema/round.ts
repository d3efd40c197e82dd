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
  /** Most dots one person may put on one item (1: no stacking). Version 1 had a yes/no flag. */
  maxPerItem: z.number().int().min(1).max(100),
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
  collection: 'rounds',
  access: { writers: 'facilitator' },
  version: 2,
  schema: roundSchema,
  legacyFields: { allowStacking: z.boolean() },
  defaults: () => ({
    title: 'Dot voting',
    scope: 'board',
    frameIds: [],
    dotsPerPerson: 3,
    maxPerItem: 3,
    anonymous: false,
    hideUntilReveal: false,
    deadline: null,
    state: 'open',
    openedAt: 0,
    closedAt: null,
    revealedAt: null,
  }),
  migrations: { 1: stackingToLimit },
  textFields: [],
}

/**
 * Version 1 allowed stacking or not; version 2 says how many dots may stack on one item. Stacking
 * allowed meant "as many as you have", so it becomes the round's dots per person.
 */
function stackingToLimit(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { allowStacking, ...rest } = record
  if (allowStacking === undefined) return { ...rest }
  if (rest.maxPerItem !== undefined) return rest
  const perPerson = typeof rest.dotsPerPerson === 'number' ? rest.dotsPerPerson : 3
  return { ...rest, maxPerItem: allowStacking === false ? 1 : perPerson }
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
  collection: 'dots',
  // Dots are placed through the server, which checks each round's rules (type 102).
  access: { writers: 'server' },
  version: 1,
  schema: dotSchema,
  defaults: () => ({ roundId: 'none', itemId: 'none', voterId: '', createdAt: 0 }),
  migrations: {},
  textFields: [],
}

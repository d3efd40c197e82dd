import { z } from 'zod'
import { coordinate, shortText } from './common.ts'

/**
 * What each client shares through awareness (scope: presence). Never persisted; validated when
 * read because any peer can put anything there.
 */
export const presenceSchema = z.object({
  user: z.object({
    id: shortText(64),
    name: shortText(80),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    role: z.enum(['facilitator', 'participant', 'viewer']),
  }),
  cursor: z.object({ x: coordinate, y: coordinate }).nullable(),
  selection: z.array(shortText(64)).max(10_000),
  /** The part of the board this person sees (board coordinates), for follow mode. */
  viewport: z
    .object({ x: coordinate, y: coordinate, w: z.number().finite().positive().max(1e8) })
    .nullable()
    .optional(),
  /** Whom this person follows (a user id), or null. */
  following: shortText(64).nullable().optional(),
  /** IANA time zone of the person's device ("Europe/Berlin"), to show their local time. */
  timeZone: shortText(64).optional(),
  /** When the person last did something here (ms since epoch, their clock). */
  lastActive: z.number().int().nonnegative().optional(),
})
export type Presence = z.infer<typeof presenceSchema>

export function readPresence(state: unknown): Presence | null {
  const parsed = presenceSchema.safeParse(state)
  return parsed.success ? parsed.data : null
}

/** The dot-voting messages between a client and the server (MESSAGE_VOTE, MESSAGE_MY_VOTES). */
import { z } from 'zod'
import { idSchema } from '../schema/common.ts'

export const voteRequestSchema = z.object({
  op: z.enum(['place', 'remove', 'mine']),
  roundId: idSchema,
  itemId: idSchema.optional(),
})
export type VoteRequest = z.infer<typeof voteRequestSchema>

export interface MyVotes {
  roundId: string
  /** This voter's own dots in the round. */
  dots: { id: string; itemId: string }[]
  /** Dots this voter may still place. */
  left: number
  /** Why the last request was refused, if it was. */
  error?: string
}

/** The dot-voting messages between a client and the server (MESSAGE_VOTE, MESSAGE_MY_VOTES). */
import { z } from 'zod'
import { idSchema } from '../schema/common.ts'

export const voteRequestSchema = z.object({
  op: z.enum(['place', 'remove', 'mine']),
  roundId: idSchema,
  itemId: idSchema.optional(),
  /** Echoed in the answer, so a client can match answers to requests. */
  ref: z.number().int().nonnegative().optional(),
})
export type VoteRequest = z.infer<typeof voteRequestSchema>

export interface MyVotes {
  roundId: string
  /** This voter's own dots in the round. */
  dots: { id: string; itemId: string }[]
  /** Dots this voter may still place. */
  left: number
  /** Why the request was refused, if it was. */
  error?: string
  /** The request's ref; absent when the answer is news from another tab of the same person. */
  ref?: number
}

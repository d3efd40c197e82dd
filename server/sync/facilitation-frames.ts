/** Frames of our facilitation extensions (MESSAGE_TIME, MESSAGE_MY_VOTES); see messages.ts. */
import * as encoding from 'lib0/encoding'
import type { MyVotes } from '../../shared/facilitation/votes.ts'
import { MESSAGE_MY_VOTES, MESSAGE_TIME } from '../../shared/protocol/messages.ts'

export function timeFrame(clientSentAt: number, serverTime: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_TIME)
  encoding.writeFloat64(e, clientSentAt)
  encoding.writeFloat64(e, serverTime)
  return encoding.toUint8Array(e)
}

export function myVotesFrame(votes: MyVotes): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_MY_VOTES)
  encoding.writeVarString(e, JSON.stringify(votes))
  return encoding.toUint8Array(e)
}

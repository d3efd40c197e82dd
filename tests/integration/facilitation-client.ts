/** Test clients for the facilitation extensions: a person's secret, votes, clock samples. */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { newUserSecret, personIdFromSecret } from '../../shared/facilitation/identity.ts'
import type { MyVotes, VoteRequest } from '../../shared/facilitation/votes.ts'
import { MESSAGE_MY_VOTES, MESSAGE_TIME, MESSAGE_VOTE } from '../../shared/protocol/messages.ts'
import type { CloseInfo } from '../helpers/client.ts'
import { wsBase } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'

export interface Person {
  secret: string
  id: string
}

export async function newPerson(): Promise<Person> {
  const secret = newUserSecret()
  return Promise.resolve({ secret, id: personIdFromSecret(secret) })
}

export interface PersonClient {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: CloseInfo[]
  /** MESSAGE_MY_VOTES answers, in order. */
  votes: MyVotes[]
  /** MESSAGE_TIME answers: [client send time, server time]. */
  times: [number, number][]
  synced(): Promise<void>
  /** Sends a vote request and resolves with the answer to it. */
  vote(request: VoteRequest): Promise<MyVotes>
  askTime(clientNow: number): Promise<[number, number]>
  destroy(): void
}

/** A stock WebsocketProvider with `user=<secret>` and handlers for our extra messages. */
export function connectPerson(
  url: string,
  room: string,
  token: string,
  person: Person | null,
): PersonClient {
  const doc = new Y.Doc()
  const params: Record<string, string> = { token }
  if (person) params.user = person.secret
  const provider = new WebsocketProvider(wsBase(url), room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  let nextRef = 1
  const closes: CloseInfo[] = []
  const votes: MyVotes[] = []
  const times: [number, number][] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  provider.messageHandlers[MESSAGE_MY_VOTES] = (_e, decoder) => {
    votes.push(JSON.parse(decoding.readVarString(decoder)) as MyVotes)
  }
  provider.messageHandlers[MESSAGE_TIME] = (_e, decoder) => {
    times.push([decoding.readFloat64(decoder), decoding.readFloat64(decoder)])
  }
  const send = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder()
    write(e)
    provider.ws!.send(encoding.toUint8Array(e))
  }
  return {
    doc,
    provider,
    closes,
    votes,
    times,
    synced: () =>
      eventually(() => {
        if (!provider.synced) throw new Error('not synced')
      }),
    vote: async (request) => {
      const ref = nextRef++
      send((e) => {
        encoding.writeVarUint(e, MESSAGE_VOTE)
        encoding.writeVarString(e, JSON.stringify({ ...request, ref }))
      })
      return eventually(() => {
        const answer = votes.find((v) => v.ref === ref)
        if (!answer) throw new Error('no answer to the vote')
        return answer
      })
    },
    askTime: async (clientNow) => {
      send((e) => {
        encoding.writeVarUint(e, MESSAGE_TIME)
        encoding.writeFloat64(e, clientNow)
      })
      return eventually(() => {
        const answer = times.find(([sent]) => sent === clientNow)
        if (!answer) throw new Error('no time answer')
        return answer
      })
    },
    destroy: () => {
      provider.destroy()
      provider.awareness.destroy()
      doc.destroy()
    },
  }
}

/**
 * The message handler table: one entry per message type a client may send (the constants in
 * shared/protocol/messages.ts). A handler reads its frame and acts on the room; anything it
 * does not accept is thrown as a ProtocolError and ends only that connection.
 */
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { voteRequestSchema } from '../../shared/facilitation/votes.ts'
import {
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  MESSAGE_TIME,
  MESSAGE_VOTE,
} from '../../shared/protocol/messages.ts'
import type { Connection } from './connection.ts'
import { forbidden, malformed, ProtocolError } from './errors.ts'
import { myVotesFrame, timeFrame } from './facilitation-frames.ts'
import type { Room } from './room.ts'

export type MessageHandler = (room: Room, conn: Connection, decoder: decoding.Decoder) => void

const handleSync: MessageHandler = (room, conn, decoder) => {
  const type = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  expectEnd(decoder)
  switch (type) {
    case syncProtocol.messageYjsSyncStep1:
      // Throws on a garbled state vector before we encode anything against it.
      Y.decodeStateVector(payload)
      room.answerSyncStep1(conn, payload)
      return
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      room.applyClientUpdate(conn, payload)
      return
    default:
      throw malformed(`unknown sync message type ${type}`)
  }
}

const handleAwareness: MessageHandler = (room, conn, decoder) => {
  const update = decoding.readVarUint8Array(decoder)
  expectEnd(decoder)
  room.applyAwareness(conn, update)
}

const handleQueryAwareness: MessageHandler = (room, conn, decoder) => {
  expectEnd(decoder)
  room.sendAwareness(conn)
}

/** Clock sync: echo the client's send time with ours, answered at once. */
const handleTime: MessageHandler = (_room, conn, decoder) => {
  const sentAt = decoding.readFloat64(decoder)
  expectEnd(decoder)
  if (!Number.isFinite(sentAt)) throw malformed('time request without a finite time')
  conn.send(timeFrame(sentAt, Date.now()))
}

/** Dot voting goes through the server, which checks the round's rules and the voter's dots. */
const handleVote: MessageHandler = (room, conn, decoder) => {
  const text = decoding.readVarString(decoder)
  expectEnd(decoder)
  let request
  try {
    request = voteRequestSchema.parse(JSON.parse(text))
  } catch (err) {
    throw malformed(`bad vote request: ${(err as Error).message.slice(0, 80)}`)
  }
  // A viewer (the projector) gets a refusal, not a closed socket: it must stay on the wall.
  if (conn.role === 'viewer') {
    const refusal = { roundId: request.roundId, dots: [], left: 0, error: 'viewers do not vote' }
    conn.send(myVotesFrame(request.ref === undefined ? refusal : { ...refusal, ref: request.ref }))
    return
  }
  if (!room.hooks || room.kind !== 'board') throw forbidden('forbidden: no voting here')
  room.hooks.vote(room, conn, request)
}

export const messageHandlers: Readonly<Record<number, MessageHandler>> = {
  [MESSAGE_SYNC]: handleSync,
  [MESSAGE_AWARENESS]: handleAwareness,
  [MESSAGE_QUERY_AWARENESS]: handleQueryAwareness,
  [MESSAGE_TIME]: handleTime,
  [MESSAGE_VOTE]: handleVote,
}

/** Message types whose handlers read or change the board's document. */
const DOCUMENT_MESSAGES: ReadonlySet<number> = new Set([MESSAGE_SYNC, MESSAGE_VOTE])

/** Whether handling this frame needs the room's document (garbled frames do not: they fail). */
export function needsDocument(frame: Uint8Array): boolean {
  try {
    return DOCUMENT_MESSAGES.has(decoding.readVarUint(decoding.createDecoder(frame)))
  } catch {
    return false
  }
}

/** The state vector of a well-formed sync step 1 frame; null for any other frame. */
export function readSyncStep1(frame: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return null
    const stateVector = decoding.readVarUint8Array(decoder)
    return decoding.hasContent(decoder) ? null : stateVector
  } catch {
    return null
  }
}

/** Reads one frame and runs its handler. Throws ProtocolError for anything malformed. */
export function dispatch(room: Room, conn: Connection, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame)
  try {
    const type = decoding.readVarUint(decoder)
    const handler = Object.hasOwn(messageHandlers, type) ? messageHandlers[type] : undefined
    if (!handler) throw malformed(`unknown message type ${type}`)
    handler(room, conn, decoder)
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw malformed(`malformed message: ${(err as Error).message}`)
  }
}

/** Called by a handler once it has read its frame and before it changes anything. */
function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw malformed('trailing bytes after message')
}

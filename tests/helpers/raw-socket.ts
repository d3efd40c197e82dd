import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE_SYNC } from '../../shared/protocol/messages.ts'
import type { CloseInfo } from './client.ts'
import { wsBase } from './client.ts'

export interface RawSocket {
  ws: WebSocket
  /** Binary frames received so far. */
  frames: Uint8Array[]
  opened: Promise<void>
  closed: Promise<CloseInfo>
  send(frame: Uint8Array): void
}

/** A bare WebSocket to a board, for sending frames no well-behaved client would send. */
export function openRawSocket(
  url: string,
  boardId: string,
  token: string | null,
  query = '',
): RawSocket {
  const params = new URLSearchParams(query)
  if (token !== null) params.set('token', token)
  const ws = new WebSocket(`${wsBase(url)}/${encodeURIComponent(boardId)}?${params}`)
  const frames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  ws.on('error', () => {})
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  const closed = new Promise<CloseInfo>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  return { ws, frames, opened, closed, send: (frame) => ws.send(frame) }
}

/** A sync "update" frame carrying `update`, as a client sends after a local change. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A sync step 1 frame for an empty document. */
export function syncStep1Frame(doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

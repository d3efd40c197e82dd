import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebSocket as NodeWebSocket } from 'ws'
import * as Y from 'yjs'
import { readMeta, updateItem, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const connect = (token: string, options?: { acks?: boolean }) => {
  const client = connectClient(server.url, board.id, token, options)
  clients.push(client)
  return client
}

beforeEach(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'How do we work together' })
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('sync', () => {
  it('gives a joining client the stored board', async () => {
    const a = connect(board.tokens.participant)
    await a.synced()
    expect(readMeta(a.doc).title).toBe('How do we work together')
  })

  it('makes two clients converge, including concurrent edits of one post-it', async () => {
    const a = connect(board.tokens.facilitator)
    const b = connect(board.tokens.participant)
    await Promise.all([a.synced(), b.synced()])
    addNotes(a.doc, note('n1', 'Define update mechanism'))
    addNotes(b.doc, note('n2', 'Code review'))
    await eventually(() => expect(noteTexts(b.doc)).toHaveProperty('n1'))
    await eventually(() => expect(noteTexts(a.doc)).toHaveProperty('n2'))
    updateItem(a.doc, 'n1', { text: 'Define the update mechanism' }, LOCAL_ORIGIN)
    updateItem(b.doc, 'n1', { text: 'Define update mechanism (9)' }, LOCAL_ORIGIN)
    await eventually(() => {
      expect(noteTexts(a.doc)).toEqual({
        n1: 'Define the update mechanism (9)',
        n2: 'Code review',
      })
      expect(Y.encodeStateAsUpdate(b.doc)).toEqual(Y.encodeStateAsUpdate(a.doc))
    })
    const room = await server.rooms.loaded(board.id)
    expect(noteTexts(room!.doc)).toEqual(noteTexts(a.doc))
  })

  it('shares awareness and removes a closed connection’s presence', async () => {
    const a = connect(board.tokens.participant)
    // Viewers see others' cursors only for facilitators (presence-relay.test.ts).
    const b = connect(board.tokens.participant)
    await Promise.all([a.synced(), b.synced()])
    a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    const aId = a.doc.clientID
    await eventually(() =>
      expect(b.provider.awareness.getStates().get(aId)).toMatchObject({ cursor: { x: 1, y: 2 } }),
    )
    // A socket that just drops (no goodbye awareness message) must not leave its cursor behind.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as NodeWebSocket).terminate()
    await eventually(() => expect(b.provider.awareness.getStates().has(aId)).toBe(false))
  })
})

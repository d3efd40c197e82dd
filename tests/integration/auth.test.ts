import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CLOSE_FORBIDDEN,
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
} from '../../shared/protocol/messages.ts'
import { createToken } from '../../server/auth/tokens.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const SECRET = 'test-secret-that-is-long-enough'
let server: TestServer
let board: CreatedBoard
let other: CreatedBoard

beforeAll(async () => {
  server = await startTestServer({ serverSecret: SECRET })
  board = await server.createBoard({ title: 'auth' })
  other = await server.createBoard()
})
afterAll(() => server.stop())

const closeCodeFor = async (boardId: string, token: string | null) => {
  const socket = openRawSocket(server.url, boardId, token)
  return (await socket.closed).code
}

describe('authentication at the upgrade', () => {
  it('closes with 4401 without a token, before loading any board', async () => {
    expect(await closeCodeFor(board.id, null)).toBe(CLOSE_UNAUTHORIZED)
    expect(server.rooms.loadedIds).not.toContain(board.id)
  })

  it('closes with 4401 for a forged token', async () => {
    const forged = 'p' + board.tokens.participant.slice(1, -2) + 'AA'
    expect(await closeCodeFor(board.id, forged)).toBe(CLOSE_UNAUTHORIZED)
    expect(await closeCodeFor(board.id, 'x' + board.tokens.viewer.slice(1))).toBe(
      CLOSE_UNAUTHORIZED,
    )
    // The right signature under a role letter it was not made for.
    expect(await closeCodeFor(board.id, 'f' + board.tokens.viewer.slice(1))).toBe(
      CLOSE_UNAUTHORIZED,
    )
    expect(server.rooms.loadedIds).toEqual([])
  })

  it('closes with 4401 for a token of another board', async () => {
    expect(await closeCodeFor(board.id, other.tokens.facilitator)).toBe(CLOSE_UNAUTHORIZED)
  })

  it('closes with 4401 for a malformed board id', async () => {
    expect(await closeCodeFor('bad id!', board.tokens.facilitator)).toBe(CLOSE_UNAUTHORIZED)
  })

  it('closes with 4404 for a well-signed token of a board that does not exist', async () => {
    const token = createToken(SECRET, 'nosuchboard', 'participant')
    expect(await closeCodeFor('nosuchboard', token)).toBe(CLOSE_NOT_FOUND)
  })

  it('tells a stock client 4401 and it stops reconnecting', async () => {
    const client = connectClient(server.url, board.id, 'nonsense')
    try {
      expect((await client.closed()).code).toBe(CLOSE_UNAUTHORIZED)
      expect(client.provider.shouldConnect).toBe(false)
    } finally {
      client.destroy()
    }
  })
})

describe('viewers', () => {
  it('can sync and follow along, but an update from them closes 4403 and changes nothing', async () => {
    const editor = connectClient(server.url, board.id, board.tokens.participant)
    const viewer = connectClient(server.url, board.id, board.tokens.viewer)
    try {
      await Promise.all([editor.synced(), viewer.synced()])
      addNotes(editor.doc, note('seen', 'visible to viewers'))
      await eventually(() => expect(noteTexts(viewer.doc)).toEqual({ seen: 'visible to viewers' }))
      viewer.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 })
      await eventually(() =>
        expect(editor.provider.awareness.getStates().has(viewer.doc.clientID)).toBe(true),
      )
      expect(viewer.closes).toEqual([])

      const before = Y.encodeStateVector((await server.rooms.loaded(board.id))!.doc)
      addNotes(viewer.doc, note('sneaky', 'a viewer edit'))
      expect((await viewer.closed()).code).toBe(CLOSE_FORBIDDEN)
      const room = (await server.rooms.loaded(board.id))!
      expect(Y.encodeStateVector(room.doc)).toEqual(before)
      expect(noteTexts(room.doc)).toEqual({ seen: 'visible to viewers' })
      expect(noteTexts(editor.doc)).not.toHaveProperty('sneaky')
      expect(editor.closes).toEqual([])
    } finally {
      editor.destroy()
      viewer.destroy()
    }
  })

  it('closes 4403 when a viewer joins with edits of its own', async () => {
    const doc = new Y.Doc()
    addNotes(doc, note('offline', 'made while offline'))
    const viewer = connectClient(server.url, other.id, other.tokens.viewer, { doc })
    try {
      expect((await viewer.closed()).code).toBe(CLOSE_FORBIDDEN)
      const room = await server.rooms.loaded(other.id)
      if (room) expect(noteTexts(room.doc)).toEqual({})
    } finally {
      viewer.destroy()
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { comments, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { CLOSE_FORBIDDEN } from '../../shared/protocol/messages.ts'
import { recordTypes, type CommentRecord } from '../../shared/schema/index.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { addNotes, note } from '../helpers/board.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

const comment = (id: string, extra: Partial<CommentRecord>): CommentRecord => ({
  ...recordTypes.comment.defaults(),
  id,
  kind: 'comment',
  ...extra,
})

describe('comment threads', () => {
  it('participants write, reply and resolve; viewers read and cannot write', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const join = async (role: 'participant' | 'viewer') => {
      const c = connectClient(server!.url, board.id, board.tokens[role])
      clients.push(c)
      await c.synced()
      return c
    }
    const ana = await join('participant')
    const ben = await join('participant')
    const viewer = await join('viewer')
    addNotes(ana.doc, note('n1', 'Deploys are slow'))
    comments(ana.doc).add(
      [comment('c1', { targetId: 'n1', text: 'Since when?', authorName: 'Ana' })],
      LOCAL_ORIGIN,
    )
    await eventually(() => expect(comments(ben.doc).get('c1')?.text).toBe('Since when?'))
    comments(ben.doc).add(
      [comment('c2', { targetId: 'n1', threadId: 'c1', text: 'Since May', authorName: 'Ben' })],
      LOCAL_ORIGIN,
    )
    comments(ben.doc).update([['c1', { resolved: true }]], LOCAL_ORIGIN)
    await eventually(() => {
      expect(comments(viewer.doc).get('c2')?.threadId).toBe('c1')
      expect(comments(viewer.doc).get('c1')?.resolved).toBe(true)
    })
    // Reopened by someone else.
    comments(ana.doc).update([['c1', { resolved: false }]], LOCAL_ORIGIN)
    await eventually(() => expect(comments(ben.doc).get('c1')?.resolved).toBe(false))

    comments(viewer.doc).add([comment('c3', { targetId: 'n1', text: 'me too' })], LOCAL_ORIGIN)
    expect((await viewer.closed()).code).toBe(CLOSE_FORBIDDEN)
    const late = await join('participant')
    expect(comments(late.doc).get('c3')).toBeNull()
    expect(
      comments(late.doc)
        .all()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c1', 'c2'])
  })
})

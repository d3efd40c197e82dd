import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { deleteItems, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { absorb, changesSince, takeLook } from '../../client/remote/catchUp.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

describe('catch-up after a long time offline', () => {
  it('merges the offline edits and shows only what others changed', async () => {
    // Compacting often: the board the client returns to was rewritten many times meanwhile.
    server = await startTestServer({ storage: 'sqlite', compactEvery: 5 })
    const board = await server.createBoard()
    const join = async () => {
      const c = connectClient(server!.url, board.id, board.tokens.participant, { acks: true })
      clients.push(c)
      await c.synced()
      return c
    }
    const away = await join()
    const here = await join()
    addNotes(here.doc, ...['a', 'b', 'c', 'd', 'mine'].map((id, i) => note(id, id, { x: i * 200 })))
    await eventually(() => expect(Object.keys(noteTexts(away.doc))).toHaveLength(5))
    let seen = takeLook(away.doc)

    away.provider.disconnect()
    // Offline: edits of its own, remembered as seen (they are not news to this person).
    updateItem(away.doc, 'mine', { text: 'edited offline' }, LOCAL_ORIGIN)
    addNotes(away.doc, note('offline', 'written on the train'))
    seen = absorb(seen, away.doc, ['mine', 'offline'])

    // Meanwhile the room goes on, for many more updates than the compaction interval.
    for (let i = 0; i < 30; i++) updateItem(here.doc, 'a', { text: `a v${i}` }, LOCAL_ORIGIN)
    updateItem(here.doc, 'b', { x: 900, y: 300 }, LOCAL_ORIGIN)
    deleteItems(here.doc, ['c'], LOCAL_ORIGIN)
    addNotes(here.doc, note('e', 'new while away', { y: 600 }))
    await eventually(() => expect(here.acks.length).toBeGreaterThan(1))

    away.provider.connect()
    await eventually(() => {
      expect(noteTexts(away.doc)).toEqual(noteTexts(here.doc))
      expect(noteTexts(here.doc)).toMatchObject({
        a: 'a v29',
        mine: 'edited offline',
        offline: 'written on the train',
        e: 'new while away',
      })
    })
    expect(Y.encodeStateVector(away.doc)).toEqual(Y.encodeStateVector(here.doc))
    const changes = changesSince(seen, away.doc).map((c) => `${c.status}:${c.id}`)
    expect(changes.sort()).toEqual(['deleted:c', 'edited:a', 'moved:b', 'new:e'])
  })
})

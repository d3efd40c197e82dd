/**
 * Migrations belong to the server. A round of version 1 (a yes/no `allowStacking`) becomes a
 * version-2 round (`maxPerItem`) whichever way it reaches a board: a board stored by an older
 * server, a JSON export of version 1, or an old client's offline copy arriving later; and the
 * participants and viewers on the board stay connected through it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportJson } from '../../shared/export/json.ts'
import { metaMap, rounds, schemaState } from '../../shared/doc/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectPerson, newPerson, type PersonClient } from './facilitation-client.ts'

let server: TestServer
let board: CreatedBoard
const clients: PersonClient[] = []

beforeEach(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'migrations' })
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

async function connect(token: string) {
  const client = connectPerson(server.url, board.id, token, await newPerson())
  clients.push(client)
  await client.synced()
  return client
}

/** A version-1 round as an older app wrote it into a document. */
function writeOldRound(doc: Y.Doc, id: string, allowStacking: boolean) {
  doc.transact(() => {
    const round = new Y.Map<unknown>()
    doc.getMap('rounds').set(id, round)
    round.set('kind', 'round')
    round.set('title', 'Old vote')
    round.set('dotsPerPerson', 4)
    round.set('allowStacking', allowStacking)
    round.set('state', 'open')
  })
}

const rawRound = (doc: Y.Doc, id: string) =>
  (doc.getMap<Y.Map<unknown>>('rounds').get(id)?.toJSON() ?? null) as Record<string, unknown> | null

function expectMigrated(doc: Y.Doc, id: string, maxPerItem: number) {
  const raw = rawRound(doc, id)
  expect(raw).not.toBeNull()
  expect(raw).not.toHaveProperty('allowStacking')
  expect(raw!.maxPerItem).toBe(maxPerItem)
  expect(metaMap(doc).get('recordVersions')).toMatchObject({ round: recordTypes.round.version })
}

const closedWith = (c: PersonClient) => c.closes.filter((e) => e.code >= 4000)

describe('the server migrates boards', () => {
  it('opens a board stored by an older version and migrates it as the system', async () => {
    // What an older server stored: its meta says rounds are of version 1.
    const stored = await server.store.load(board.id)
    const old = new Y.Doc()
    for (const u of stored!.updates) Y.applyUpdate(old, u)
    const before = Y.encodeStateVector(old)
    old.transact(() => {
      metaMap(old).set('recordVersions', {
        ...(metaMap(old).get('recordVersions') as object),
        round: 1,
      })
      writeOldRound(old, 'r-old', false)
    })
    await server.store.append(board.id, [Y.encodeStateAsUpdate(old, before)])

    const viewer = await connect(board.tokens.viewer)
    const participant = await connect(board.tokens.participant)
    // Something that needs the document builds the room, and the build migrates it.
    await server.rooms.loaded(board.id).then((room) => room?.doc)
    await eventually(() => {
      expectMigrated(viewer.doc, 'r-old', 1)
      expectMigrated(participant.doc, 'r-old', 1)
    })
    expect(schemaState(viewer.doc).result).toBe('current')
    expect(rounds(viewer.doc).get('r-old')?.maxPerItem).toBe(1)
    expect(closedWith(viewer)).toEqual([])
    expect(closedWith(participant)).toEqual([])
    // ...and stored: a restart reads the migrated board.
    await server.rooms.flushAll()
    const again = new Y.Doc()
    for (const u of (await server.store.load(board.id))!.updates) Y.applyUpdate(again, u)
    expectMigrated(again, 'r-old', 1)
  })

  it('imports a JSON export of version 1 with its rounds migrated', async () => {
    const file = JSON.parse(exportJson(new Y.Doc())) as {
      version: number
      board: { recordVersions: Record<string, number>; records: unknown[]; facilitation?: unknown }
    }
    file.version = 1
    delete file.board.facilitation
    file.board.recordVersions.round = 1
    // A whole version-1 round, as an older app exported it: every field, the old flag included.
    const { maxPerItem: _new, ...v1Defaults } = recordTypes.round.defaults()
    file.board.records = [
      { id: 'r-json', kind: 'round', ...v1Defaults, dotsPerPerson: 4, allowStacking: true },
    ]
    const viewer = await connect(board.tokens.viewer)
    const res = await fetch(`${server.url}/api/boards/${board.id}/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${board.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(file),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    await eventually(() => expectMigrated(viewer.doc, 'r-json', 4))
    expect(closedWith(viewer)).toEqual([])
  })

  it("migrates an old client's offline edits as they arrive, keeping everyone connected", async () => {
    const facilitator = await connect(board.tokens.facilitator)
    const viewer = await connect(board.tokens.viewer)
    const participant = await connect(board.tokens.participant)
    // An older facilitator app, offline: it writes a round in the old shape.
    facilitator.provider.disconnect()
    writeOldRound(facilitator.doc, 'r-offline', false)
    facilitator.provider.connect()
    await eventually(() => {
      for (const c of [viewer, participant, facilitator]) expectMigrated(c.doc, 'r-offline', 1)
    })
    for (const c of [viewer, participant, facilitator]) expect(closedWith(c)).toEqual([])
  })
})

/**
 * Two server processes on one PostgreSQL database and one Redis serve the same board, with no
 * sticky routing: stock y-websocket clients on either converge, awareness crosses, votes and
 * private writing follow the rules whichever process each person is on, and a process killed
 * mid-burst loses nothing it acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItems,
  dots,
  items,
  LOCAL_ORIGIN,
  readFacilitation,
  readVoters,
  rounds,
  updateFacilitation,
} from '../../shared/doc/index.ts'
import { privateRoomId } from '../../shared/facilitation/identity.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, wsBase, type TestClient } from '../helpers/client.ts'
import { startCluster, type Cluster } from '../helpers/cluster.ts'
import { eventually } from '../helpers/eventually.ts'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { gate, postgresAvailable, redisAvailable } from '../helpers/services.ts'
import { connectPerson, newPerson, type PersonClient } from './facilitation-client.ts'

const run =
  gate('PostgreSQL at 127.0.0.1:5432', await postgresAvailable()) &&
  gate('Redis at 127.0.0.1:6379', await redisAvailable())

let cluster: Cluster
let a: string
let b: string
const open: { destroy(): void }[] = []

function client(url: string, board: CreatedBoard, acks = false): TestClient {
  const c = connectClient(url, board.id, board.tokens.participant, { acks })
  open.push(c)
  return c
}

function person(
  url: string,
  room: string,
  token: string,
  p: Awaited<ReturnType<typeof newPerson>>,
) {
  const c = connectPerson(url, room, token, p)
  open.push(c)
  return c
}

/** Every (client, clock) in `sv` is covered by `doc`. */
function expectCovers(doc: Y.Doc, sv: Uint8Array) {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [id, clock] of Y.decodeStateVector(sv))
    expect(have.get(id) ?? 0).toBeGreaterThanOrEqual(clock)
}

describe.skipIf(!run)('two server processes on PostgreSQL and Redis', () => {
  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.processes.map((p) => p.url) as [string, string]
  })
  afterAll(async () => {
    for (const c of open) c.destroy()
    await cluster?.stop()
  })

  it('brings stock clients on both to the same board, and their awareness across', async () => {
    const board = await createBoard(a, { title: 'two processes' })
    const [onA, onB] = [client(a, board), client(b, board)]
    await Promise.all([onA.synced(), onB.synced()])
    for (let i = 0; i < 20; i++) {
      addNotes(onA.doc, note(`a${i}`, `from A ${i}`))
      addNotes(onB.doc, note(`b${i}`, `from B ${i}`))
    }
    await eventually(() => {
      expect(Object.keys(noteTexts(onA.doc))).toHaveLength(40)
      expect(noteTexts(onB.doc)).toEqual(noteTexts(onA.doc))
    }, 15_000)
    // Either process answers the activity of both processes' clients.
    await eventually(async () => {
      const res = await fetch(`${b}/api/boards/${board.id}/activity`, {
        headers: { authorization: `Bearer ${board.tokens.participant}` },
      })
      const { entries } = (await res.json()) as { entries: { recordId: string }[] }
      const ids = new Set(entries.map((e) => e.recordId))
      for (let i = 0; i < 20; i++) expect(ids.has(`a${i}`) && ids.has(`b${i}`)).toBe(true)
    })
    // Each process times the stream: its own publications, the other's deliveries.
    const metrics = await (await fetch(`${b}/metrics`)).text()
    expect(metrics).toMatch(/^board_stream_seconds_count\{stage="deliver"\} [1-9]/m)
    expect(metrics).toMatch(/^board_stream_seconds_count\{stage="publish"\} [1-9]/m)
    // A third client, on B, that arrives later gets everything from the store.
    const late = client(b, board)
    await late.synced()
    await eventually(() => expect(noteTexts(late.doc)).toEqual(noteTexts(onA.doc)))

    onA.provider.awareness.setLocalStateField('user', { name: 'Ana on A' })
    await eventually(() =>
      expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
        user: { name: 'Ana on A' },
      }),
    )
    onB.provider.awareness.setLocalStateField('user', { name: 'Ben on B' })
    await eventually(() =>
      expect(onA.provider.awareness.getStates().get(onB.doc.clientID)).toMatchObject({
        user: { name: 'Ben on B' },
      }),
    )
    // Leaving is seen across too.
    onB.provider.disconnect()
    await eventually(() =>
      expect(onA.provider.awareness.getStates().has(onB.doc.clientID)).toBe(false),
    )
  })

  it('keeps 5 people with 6 requests each over both processes to 3 dots: exactly 15', async () => {
    const board = await createBoard(a, { title: 'votes' })
    const lead = person(a, board.id, board.tokens.facilitator, await newPerson())
    await lead.synced()
    addItems(lead.doc, [note('n1'), note('n2'), note('n3')], LOCAL_ORIGIN)
    const roundId = 'r1'
    rounds(lead.doc).add(
      [
        {
          ...recordTypes.round.defaults(),
          id: roundId,
          kind: 'round',
          openedAt: Date.now(),
          dotsPerPerson: 3,
          maxPerItem: 3,
        },
      ],
      LOCAL_ORIGIN,
    )
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => newPerson()))
    // Each person on both processes at once, three requests on each.
    const tabs: PersonClient[][] = people.map((p) => [
      person(a, board.id, board.tokens.participant, p),
      person(b, board.id, board.tokens.participant, p),
    ])
    await Promise.all(tabs.flat().map((t) => t.synced()))
    await eventually(() =>
      tabs.flat().forEach((t) => expect(rounds(t.doc).get(roundId)?.state).toBe('open')),
    )
    const answers = await Promise.all(
      tabs.flatMap((pair) =>
        [0, 1, 2, 3, 4, 5].map((k) =>
          pair[k % 2]!.vote({ op: 'place', roundId, itemId: `n${(k % 3) + 1}` }),
        ),
      ),
    )
    expect(answers.filter((x) => !x.error)).toHaveLength(15)
    expect(answers.filter((x) => x.error === 'no dots left')).toHaveLength(15)
    for (const pair of tabs) {
      for (const tab of pair) {
        const mine = await tab.vote({ op: 'mine', roundId })
        expect(mine.dots).toHaveLength(3)
        expect(mine.left).toBe(0)
      }
    }
    // The board shows the same on both processes: 15 live dots, 5 voters.
    const watcherB = person(b, board.id, board.tokens.viewer, await newPerson())
    await watcherB.synced()
    for (const doc of [lead.doc, watcherB.doc])
      await eventually(() => {
        expect(
          dots(doc)
            .all()
            .filter((d) => d.roundId === roundId),
        ).toHaveLength(15)
        expect(readVoters(doc, roundId).count).toBe(5)
      }, 10_000)
  })

  it('moves private writing written on one process to the board when it ends on the other', async () => {
    const board = await createBoard(a, { title: 'private' })
    const lead = person(a, board.id, board.tokens.facilitator, await newPerson())
    await lead.synced()
    const setPrivate = (on: boolean) =>
      updateFacilitation(
        lead.doc,
        { phase: { kind: on ? 'writing' : 'none', deadline: null, private: on, frameId: null } },
        LOCAL_ORIGIN,
      )
    setPrivate(true)
    const alice = await newPerson()
    const watcher = client(b, board)
    await watcher.synced()
    const mine = person(b, privateRoomId(board.id, alice.id), board.tokens.participant, alice)
    await mine.synced()
    // B's copy of the board has private writing on before B takes private post-its.
    await eventually(() => expect(readFacilitation(watcher.doc).phase.private).toBe(true))
    addNotes(mine.doc, note('secret', 'only mine for now'))
    // Stored by B: alice's other tab, on A, reads it from the database or the stream.
    const other = person(a, privateRoomId(board.id, alice.id), board.tokens.participant, alice)
    await eventually(() => expect(noteTexts(other.doc).secret).toBe('only mine for now'))
    expect(noteTexts(watcher.doc).secret).toBeUndefined()
    setPrivate(false)
    for (const doc of [lead.doc, watcher.doc])
      await eventually(() => {
        expect(noteTexts(doc).secret).toBe('only mine for now')
        expect(items(doc).get('secret')?.authorId).toBe(alice.id)
      }, 10_000)
    await eventually(() => expect(items(mine.doc).get('secret')).toBeNull())
  })

  it('loses nothing acknowledged when a process is killed mid-burst; its clients move on', async () => {
    const board = await createBoard(a, { title: 'crash' })
    const writer = client(a, board, true)
    const receiver = client(b, board)
    await Promise.all([writer.synced(), receiver.synced()])
    let written = 0
    const burst = setInterval(() => {
      if (!writer.provider.wsconnected) return
      for (let i = 0; i < 5; i++) addNotes(writer.doc, note(`n${written++}`, `burst ${written}`))
    }, 1)
    try {
      await eventually(
        () => expect(Object.keys(noteTexts(receiver.doc)).length).toBeGreaterThan(150),
        15_000,
      )
      cluster.processes[0]!.kill('SIGKILL')
      await eventually(() => expect(writer.provider.wsconnected).toBe(false))
    } finally {
      clearInterval(burst)
    }
    // Frozen: the writer cannot send again what A acknowledged, so B must have it already.
    writer.provider.disconnect()
    const acked = writer.acks.at(-1)!
    expect(acked).toBeDefined()
    expect((await cluster.processes[0]!.exited).signal).toBe('SIGKILL')
    const reader = client(b, board)
    await reader.synced()
    await eventually(() => expectCovers(reader.doc, acked), 10_000)

    // The writer reconnects to the surviving process and everyone converges on all of it.
    writer.provider.serverUrl = wsBase(b)
    writer.provider.connect()
    await writer.synced(10_000)
    addNotes(writer.doc, note('after', 'written on B after the crash'))
    for (const c of [receiver, reader])
      await eventually(() => expect(noteTexts(c.doc)).toEqual(noteTexts(writer.doc)), 15_000)
    expect(Object.keys(noteTexts(reader.doc)).length).toBe(written + 1)
  }, 120_000)
})

/**
 * Seeded convergence fuzz: stock y-websocket clients create, move, retype and delete post-its and
 * arrows at random, drop off and come back with offline edits, and live through a server restart.
 * In the end every client and the server hold the same board, and no client was closed for an
 * ordinary edit (an edit of a post-it someone else deleted meanwhile included), since a refused
 * update is sent again on every reconnect and would lock that person out for good.
 *
 * A seed that ever fails is added to REGRESSION_SEEDS with the operation count it failed at.
 */
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItems,
  connectors,
  deleteItems,
  items,
  LOCAL_ORIGIN,
  updateItem,
} from '../../shared/doc/index.ts'
import { recordTypes, type ConnectorRecord } from '../../shared/schema/index.ts'
import { note } from '../helpers/board.ts'
import { eventually } from '../helpers/eventually.ts'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts'
import { connectPerson, newPerson, type PersonClient } from './facilitation-client.ts'

/** Seeds with the number of operations each runs; together at least 10,000 per run. */
const SEEDS: [number, number][] = [
  [20261203, Number(process.env.FUZZ_OPS ?? 5000)],
  [7, Number(process.env.FUZZ_OPS ?? 5000)],
]
/** Seeds that once failed, kept so that what broke stays fixed. */
const REGRESSION_SEEDS: [number, number][] = [
  // Offline edits merged into one update carry records created and deleted meanwhile
  // (ContentDeleted), and a reconnecting client's new edit arrives before the offline edits it
  // builds on: both were refused with 4400.
  [7, 600],
  // A client reconnecting while the server shut down kept the shutdown waiting for ever.
  [20261203, 600],
]

const CLIENTS = 5

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)],
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 2))

/** The board as plain data, for comparing replicas. */
function contents(doc: Y.Doc) {
  return {
    items: items(doc).map.toJSON(),
    connectors: connectors(doc).map.toJSON(),
  }
}

async function runFuzz(seed: number, operations: number) {
  const rnd = prng(seed)
  const dataDir = tempDir('fuzz-')
  let server: TestServer = await startTestServer({ storage: 'sqlite', dataDir })
  const port = server.port
  const board = await server.createBoard({ title: `fuzz ${seed}` })
  const people = await Promise.all(Array.from({ length: CLIENTS }, () => newPerson()))
  const clients: PersonClient[] = people.map((p) =>
    connectPerson(server.url, board.id, board.tokens.participant, p),
  )
  let nextId = 0
  const ops = { create: 0, move: 0, type: 0, erase: 0, remove: 0, arrow: 0, unarrow: 0, label: 0 }
  try {
    await Promise.all(clients.map((c) => c.synced()))
    for (let i = 0; i < operations; i++) {
      const who = rnd.int(CLIENTS)
      const client = clients[who]!
      const doc = client.doc
      const notes = [...items(doc).map.keys()]
      const arrows = [...connectors(doc).map.keys()]
      const roll = rnd.next()
      if (roll < 0.02) {
        // Drop off or come back; offline edits pile up meanwhile.
        if (client.provider.wsconnected || client.provider.shouldConnect)
          client.provider.disconnect()
        else client.provider.connect()
      } else if (roll < 0.2 || notes.length < 3) {
        const id = `n${seed}-${nextId++}`
        addItems(
          doc,
          [note(id, `note ${id}`, { authorId: people[who]!.id, x: rnd.int(2000) })],
          LOCAL_ORIGIN,
        )
        ops.create++
      } else if (roll < 0.4) {
        updateItem(doc, rnd.pick(notes)!, { x: rnd.int(2000), y: rnd.int(2000) }, LOCAL_ORIGIN)
        ops.move++
      } else if (roll < 0.6) {
        const text = items(doc).map.get(rnd.pick(notes)!)?.get('text')
        if (text instanceof Y.Text) {
          text.insert(rnd.int(text.length + 1), 'abcdefgh'.slice(0, 1 + rnd.int(8)))
          ops.type++
        }
      } else if (roll < 0.7) {
        const text = items(doc).map.get(rnd.pick(notes)!)?.get('text')
        if (text instanceof Y.Text && text.length > 0) {
          const at = rnd.int(text.length)
          text.delete(at, Math.min(text.length - at, 1 + rnd.int(5)))
          ops.erase++
        }
      } else if (roll < 0.8) {
        deleteItems(doc, [rnd.pick(notes)!], LOCAL_ORIGIN)
        ops.remove++
      } else if (roll < 0.9) {
        const from = rnd.pick(notes)!
        const to = rnd.pick(notes)!
        const arrow: ConnectorRecord = {
          ...recordTypes.connector.defaults(),
          id: `c${seed}-${nextId++}`,
          kind: 'connector',
          from: { itemId: from, x: 0, y: 0 },
          to: { itemId: to, x: 10, y: 10 },
          marker: rnd.pick(['none', 'heart', 'question'] as const)!,
          line: rnd.pick(['solid', 'broken'] as const)!,
          authorId: people[who]!.id,
        }
        connectors(doc).add([arrow], LOCAL_ORIGIN)
        ops.arrow++
      } else if (roll < 0.95 && arrows.length > 0) {
        connectors(doc).delete([rnd.pick(arrows)!], LOCAL_ORIGIN)
        ops.unarrow++
      } else if (arrows.length > 0) {
        const label = connectors(doc).map.get(rnd.pick(arrows)!)?.get('label')
        if (label instanceof Y.Text) {
          label.insert(0, 'why? ')
          ops.label++
        }
      }
      if (i % 25 === 0) await tick()
      if (i === Math.floor(operations / 2)) {
        // A restart in the middle of it all: clients reconnect to the same address.
        await server.close()
        server = await startTestServer({ storage: 'sqlite', dataDir, port })
      }
    }
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect()
    await server.rooms.flushAll()
    const closedFor = () => clients.flatMap((c) => c.closes).filter((e) => e.code >= 4000)
    await eventually(
      async () => {
        expect(closedFor()).toEqual([])
        const room = await server.rooms.loaded(board.id)
        if (!room) throw new Error('the board is not loaded: nobody is connected')
        const expected = contents(room.doc)
        for (const c of clients) expect(contents(c.doc)).toEqual(expected)
      },
      30_000,
      50,
    )
    expect(closedFor()).toEqual([])
    // The fuzz did what it says: every kind of operation, many times.
    for (const [op, count] of Object.entries(ops)) expect(count, op).toBeGreaterThan(5)
  } finally {
    for (const c of clients) c.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('convergence fuzz', () => {
  it.each([...SEEDS, ...REGRESSION_SEEDS])(
    'seed %i, %i operations: every replica converges, nobody is locked out',
    async (seed, operations) => {
      await runFuzz(seed, operations)
    },
    180_000,
  )
})

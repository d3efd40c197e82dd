/** The server as its own process: crash safety (SIGKILL) and a clean drain on SIGTERM. */
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { createBoard } from '../helpers/http.ts'
import { spawnServerProcess, type ServerProcess } from '../helpers/process.ts'
import { startTestServer, tempDir } from '../helpers/server.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** The burst below floods on purpose (5 updates a millisecond): rates are not what it tests. */
const RATES_OFF = { WS_MESSAGES_PER_SECOND: '0', WS_ADDRESS_MESSAGES_PER_SECOND: '0' }

function start(dataDir: string): Promise<ServerProcess> {
  return spawnServerProcess({ DATA_DIR: dataDir, ...RATES_OFF }).then((p) => {
    cleanup.push(
      () => p.child.exitCode === null && p.child.signalCode === null && p.kill('SIGKILL'),
    )
    return p
  })
}

function connect(url: string, boardId: string, token: string): TestClient {
  const client = connectClient(url, boardId, token)
  cleanup.push(() => client.destroy())
  return client
}

/** Every (client, clock) in `sv` is covered by `doc`. */
function expectCovers(doc: Y.Doc, sv: Uint8Array) {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(sv)) {
    expect(have.get(client) ?? 0).toBeGreaterThanOrEqual(clock)
  }
}

describe('server process', () => {
  it('keeps every update it relayed when killed with SIGKILL during a burst', async () => {
    const dataDir = tempDir()
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await start(dataDir)
    const board = await createBoard(first.url, { title: 'crash' })
    const writer = connect(first.url, board.id, board.tokens.participant)
    const receiver = connect(first.url, board.id, board.tokens.participant)
    await Promise.all([writer.synced(), receiver.synced()])

    // Edits keep coming, in many small transactions, until the connection dies.
    let written = 0
    const burst = setInterval(() => {
      if (!writer.provider.wsconnected) return
      for (let i = 0; i < 5; i++) addNotes(writer.doc, note(`n${written++}`, `burst ${written}`))
    }, 1)
    cleanup.push(() => clearInterval(burst))
    await eventually(() => expect(Object.keys(noteTexts(receiver.doc)).length).toBeGreaterThan(150))
    first.kill('SIGKILL')
    await eventually(() => expect(receiver.provider.wsconnected).toBe(false))
    clearInterval(burst)
    // Freeze both clients before a new server exists, so nobody can re-send what was lost.
    receiver.provider.disconnect()
    writer.provider.disconnect()
    const relayed = noteTexts(receiver.doc)
    const relayedState = Y.encodeStateVector(receiver.doc)
    expect(written).toBeGreaterThan(Object.keys(relayed).length - 1)
    expect((await first.exited).signal).toBe('SIGKILL')

    // Restarted in this process (same DATA_DIR, same SQLite file): quicker than a new process.
    const second = await startTestServer({ storage: 'sqlite', dataDir })
    cleanup.push(() => second.close())
    const reader = connect(second.url, board.id, board.tokens.viewer)
    await reader.synced()
    expectCovers(reader.doc, relayedState)
    const restored = noteTexts(reader.doc)
    for (const [id, text] of Object.entries(relayed)) expect(restored[id]).toBe(text)
  })

  it('drains on SIGTERM: stores, closes sockets with 1001 and exits 0', async () => {
    const dataDir = tempDir()
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await start(dataDir)
    const board = await createBoard(first.url)
    const client = connect(first.url, board.id, board.tokens.facilitator)
    await client.synced()
    addNotes(client.doc, note('last', 'written just before shutdown'))
    first.kill('SIGTERM')
    expect((await client.closed()).code).toBe(1001)
    client.provider.disconnect()
    expect(await first.exited).toEqual({ code: 0, signal: null })
    expect(first.output.some((line) => line.includes('server closed'))).toBe(true)

    const second = await startTestServer({ storage: 'sqlite', dataDir })
    cleanup.push(() => second.close())
    const reader = connect(second.url, board.id, board.tokens.viewer)
    await reader.synced()
    expect(noteTexts(reader.doc)).toEqual({ last: 'written just before shutdown' })
  })
})

/**
 * Pictures live in the board store, not on one process's disk: with two server processes on one
 * PostgreSQL database (each with a data directory of its own), a photo uploaded through one is
 * served by the other, byte for byte, also after the process it was uploaded to is gone.
 */
import { rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { tinyPng } from '../helpers/png.ts'
import { spawnServerProcess, type ServerProcess } from '../helpers/process.ts'
import { tempDir } from '../helpers/server.ts'
import {
  createTestDatabase,
  gate,
  postgresAvailable,
  type TestDatabase,
} from '../helpers/services.ts'

const run = gate('PostgreSQL at 127.0.0.1:5432', await postgresAvailable())

describe.skipIf(!run)('pictures with two server processes on PostgreSQL', () => {
  let db: TestDatabase
  const dirs: string[] = []
  const processes: ServerProcess[] = []
  let board: CreatedBoard

  beforeAll(async () => {
    db = await createTestDatabase()
    const secret = randomBytes(24).toString('base64url')
    // One after the other, so that the first creates the tables.
    for (let i = 0; i < 2; i++) {
      const dataDir = tempDir('board-images-')
      dirs.push(dataDir)
      processes.push(
        await spawnServerProcess({
          DATA_DIR: dataDir,
          DATABASE_URL: db.url,
          SERVER_SECRET: secret,
        }),
      )
    }
    board = await createBoard(processes[0]!.url, { title: 'photos on two processes' })
  }, 60_000)

  afterAll(async () => {
    for (const p of processes) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.kill('SIGKILL')
      await p.exited
    }
    await db?.drop().catch(() => {})
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  const upload = async (url: string, bytes: Uint8Array) => {
    const res = await fetch(`${url}/api/boards/${board.id}/images`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${board.tokens.participant}` },
      body: Buffer.from(bytes),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { hash: string }).hash
  }
  const fetchImage = (url: string, hash: string, token = board.tokens.viewer) =>
    fetch(`${url}/api/boards/${board.id}/images/${hash}`, {
      headers: { Authorization: `Bearer ${token}` },
    })

  it('serves a photo uploaded through one process from the other', async () => {
    const [a, b] = processes as [ServerProcess, ServerProcess]
    const png = tinyPng(640, 480)
    const hash = await upload(a.url, png)
    const res = await fetchImage(b.url, hash)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
    // The same photo uploaded through the other process is the same picture, stored once.
    expect(await upload(b.url, png)).toBe(hash)
    // A picture the board does not have is not found through either.
    for (const p of [a, b]) expect((await fetchImage(p.url, 'a'.repeat(64))).status).toBe(404)
    // With the token in the query, as an <img> asks for it.
    const img = await fetch(
      `${b.url}/api/boards/${board.id}/images/${hash}?token=${board.tokens.participant}`,
    )
    expect(img.status).toBe(200)
  })

  it('keeps serving it once the process it was uploaded to is gone', async () => {
    const [a, b] = processes as [ServerProcess, ServerProcess]
    const png = tinyPng(200, 100)
    const hash = await upload(a.url, png)
    a.kill('SIGKILL')
    await a.exited
    const res = await fetchImage(b.url, hash, board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
  })
})

/**
 * Pictures on a board (photos of paper posters): uploaded with a facilitator's or participant's
 * token, stored beside the board under their SHA-256 (never in the Yjs updates), served with any
 * of the board's tokens, refused clearly when too large or not a picture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addItems, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { recordTypes, type ImageRecord } from '../../shared/schema/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { tinyPng } from '../helpers/png.ts'
import { connectPerson, newPerson } from './facilitation-client.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'photos' })
})
afterAll(() => server.stop())

const upload = (bytes: Uint8Array, token: string | null, boardId = board.id) =>
  fetch(`${server.url}/api/boards/${boardId}/images`, {
    method: 'POST',
    headers: {
      'Content-Type': 'image/png',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: Buffer.from(bytes),
  })

describe('pictures on a board', () => {
  it('stores a participant’s photo by its hash and serves it to every token', async () => {
    const png = tinyPng(40, 30)
    const res = await upload(png, board.tokens.participant)
    expect(res.status).toBe(201)
    const body = (await res.json()) as { hash: string; width: number; height: number }
    expect(body).toMatchObject({ mime: 'image/png', width: 40, height: 30, size: png.length })
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/)
    // The same photo again is the same picture.
    const again = (await (await upload(png, board.tokens.facilitator)).json()) as { hash: string }
    expect(again.hash).toBe(body.hash)
    for (const token of Object.values(board.tokens)) {
      const got = await fetch(`${server.url}/api/boards/${board.id}/images/${body.hash}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(got.status).toBe(200)
      expect(got.headers.get('content-type')).toBe('image/png')
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(png)
    }
    // An <img> sends the token in the query.
    const img = await fetch(
      `${server.url}/api/boards/${board.id}/images/${body.hash}?token=${board.tokens.viewer}`,
    )
    expect(img.status).toBe(200)
    // Never inside the board's document updates.
    const stored = await server.store.load(board.id)
    const all = Buffer.concat((stored?.updates ?? []).map((u) => Buffer.from(u)))
    expect(all.includes(Buffer.from(png.slice(0, 64)))).toBe(false)
  })

  it('refuses a viewer’s upload, a missing token, and another board’s token', async () => {
    const png = tinyPng(4, 4)
    expect((await upload(png, board.tokens.viewer)).status).toBe(403)
    expect((await upload(png, null)).status).toBe(401)
    const other = await server.createBoard({ title: 'other' })
    expect((await upload(png, other.tokens.participant)).status).toBe(401)
  })

  it('refuses what is not a PNG, JPEG or WebP, and pictures over the limit, with a reason', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')
    const res = await upload(svg, board.tokens.participant)
    expect(res.status).toBe(415)
    expect(((await res.json()) as { error: string }).error).toMatch(/PNG, JPEG and WebP/)
    const huge = new Uint8Array(10 * 1024 * 1024 + 1)
    huge.set(tinyPng(2, 2))
    const big = await upload(huge, board.tokens.participant)
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: string }).error).toMatch(/larger than 10 MB/)
  })

  it('serves nothing it does not have, and only by a hash', async () => {
    const none = '0'.repeat(64)
    const auth = { headers: { Authorization: `Bearer ${board.tokens.viewer}` } }
    expect((await fetch(`${server.url}/api/boards/${board.id}/images/${none}`, auth)).status).toBe(
      404,
    )
    expect(
      (await fetch(`${server.url}/api/boards/${board.id}/images/..%2Fsecret`, auth)).status,
    ).toBe(400)
    expect(
      (await fetch(`${server.url}/api/boards/${board.id}/images/${none}?token=nope`)).status,
    ).toBe(401)
  })

  it('lists a board’s pictures in its JSON export, by hash', async () => {
    const png = tinyPng(8, 6)
    const { hash } = (await (await upload(png, board.tokens.participant)).json()) as {
      hash: string
    }
    const person = await newPerson()
    const client = connectPerson(server.url, board.id, board.tokens.participant, person)
    await client.synced()
    const photo: ImageRecord = {
      ...recordTypes.image.defaults(),
      id: 'photo-1',
      kind: 'image',
      hash,
      pixelWidth: 8,
      pixelHeight: 6,
      alt: 'Group 1 poster',
      authorId: person.id,
    }
    addItems(client.doc, [photo], LOCAL_ORIGIN)
    const exported = await eventually(async () => {
      const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=json`, {
        headers: { Authorization: `Bearer ${board.tokens.viewer}` },
      })
      const text = await res.text()
      expect(text).toContain(hash)
      return text
    })
    const records = JSON.stringify(JSON.parse(exported))
    expect(records).toContain('"kind":"image"')
    expect(records).toContain(`"hash":"${hash}"`)
    expect(records).toContain('Group 1 poster')
    expect(client.closes).toEqual([])
    client.destroy()
  })
})

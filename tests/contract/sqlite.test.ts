import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { SqliteStore } from '../../server/persistence/sqlite.ts'
import { storeContract } from './store.contract.ts'

const dirs: string[] = []
let file = ''

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

storeContract('sqlite', {
  create: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-sqlite-'))
    dirs.push(dir)
    file = join(dir, 'boards.sqlite')
    return new SqliteStore(file)
  },
  reopen: async () => new SqliteStore(file),
  second: async () => new SqliteStore(file),
})

describe('sqlite storage size', () => {
  it('compresses snapshots and gives compacted log pages back to the file system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-sqlite-'))
    dirs.push(dir)
    const path = join(dir, 'boards.sqlite')
    const store = new SqliteStore(path)
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 2000; i++) {
      doc
        .getMap('items')
        .set(`n${i}`, `Post-it number ${i}: what gaps hinder collaboration for you?`)
    }
    await store.append('big', updates)
    const state = Y.encodeStateAsUpdate(doc)
    await store.compact('big', state)
    await store.close()
    const reopened = new SqliteStore(path)
    const loaded = await reopened.load('big')
    await reopened.close()
    expect(loaded?.updates).toEqual([state])
    // Log rows are gone and the snapshot is stored compressed: the file is smaller than the state.
    const fileBytes =
      statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)
    expect(fileBytes).toBeLessThan(state.length)
  })
})

describe('sqlite files of the single-log layout', () => {
  it('are moved into the tables per concern on open, with nothing lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-sqlite-'))
    dirs.push(dir)
    const path = join(dir, 'boards.sqlite')
    const old = new Database(path)
    old.exec(`
      CREATE TABLE updates (board_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY (board_id, seq)) WITHOUT ROWID;
      CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data BLOB NOT NULL,
        codec TEXT NOT NULL DEFAULT 'raw');`)
    const put = old.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)')
    const json = (v: unknown) => Buffer.from(JSON.stringify(v))
    const board = new Y.Doc()
    board.getMap('m').set('a', '1')
    const person = 'p123456789abcdef'
    put.run('b1', 1, Buffer.from(Y.encodeStateAsUpdate(board)))
    put.run(`b1~private~${person}`, 1, Buffer.from([0, 0]))
    const info = { id: 'v1', name: 'Start', createdAt: 5, createdBy: 'Ana' }
    put.run('b1~versions', 1, json(info))
    put.run('b1~v~v1', 1, Buffer.from(Y.encodeStateAsUpdate(board)))
    const entry = {
      id: 'e1',
      at: 7,
      firstAt: 7,
      personId: null,
      name: 'Ana',
      collection: 'items',
      recordId: 'n1',
      recordKind: 'note',
      kind: 'added',
      frameId: null,
      count: 1,
    }
    put.run('b1~activity', 1, json([entry]))
    const ledger = new Y.Doc()
    const dot = { id: 'd1', roundId: 'r1', itemId: 'n1', voterId: 'ana', createdAt: 9 }
    ledger.getMap('dots').set('d1', dot)
    put.run('b1~votes', 1, Buffer.from(Y.encodeStateAsUpdate(ledger)))
    old.close()

    const store = new SqliteStore(path)
    try {
      expect(await store.list()).toEqual(['b1'])
      const loaded = await store.load('b1')
      const doc = new Y.Doc()
      for (const u of loaded!.updates) Y.applyUpdate(doc, u)
      expect(doc.getMap('m').toJSON()).toEqual({ a: '1' })
      expect(await store.privateRooms('b1')).toEqual([`b1~private~${person}`])
      expect(await store.versions.list('b1')).toEqual([info])
      expect(await store.versions.state('b1', 'v1')).not.toBeNull()
      expect(await store.activity.query('b1')).toEqual([entry])
      expect(await store.votes.dots('b1', 'r1')).toEqual([dot])
      expect(await store.load('b1~votes')).toBeNull()
    } finally {
      await store.close()
    }
  })
})

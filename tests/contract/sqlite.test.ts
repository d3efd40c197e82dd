import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
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

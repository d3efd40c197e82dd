import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
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

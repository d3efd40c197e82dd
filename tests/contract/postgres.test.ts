import { afterAll, beforeAll, describe } from 'vitest'
import { PostgresStore } from '../../server/persistence/postgres.ts'
import {
  createTestDatabase,
  gate,
  postgresAvailable,
  type TestDatabase,
} from '../helpers/services.ts'
import { storeContract } from './store.contract.ts'

const run = gate('PostgreSQL at 127.0.0.1:5432', await postgresAvailable())

describe.skipIf(!run)('postgres', () => {
  let db: TestDatabase
  let n = 0
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => {
    await db?.drop()
  })

  // Each test in a schema of its own within this file's database.
  const schema = () => `contract_${n}`
  storeContract('postgres', {
    create: async () => PostgresStore.open(db.url, { schema: `contract_${++n}` }),
    reopen: async () => PostgresStore.open(db.url, { schema: schema() }),
    second: async () => PostgresStore.open(db.url, { schema: schema() }),
  })
})

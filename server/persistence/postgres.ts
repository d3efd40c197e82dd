/**
 * PostgreSQL storage (DATABASE_URL), for several server processes on one database. The same
 * tables as the SQLite adapter. Sequence numbers come from each document's head row, raised and
 * read in the statement that inserts the batch, so processes appending to one board at once get
 * consecutive, distinct numbers; a voter's dots change under that voter's row lock.
 */
import { promisify } from 'node:util'
import { deflateRaw, inflateRawSync } from 'node:zlib'
import pg from 'pg'
import { parsePrivateRoomId, privateRoomId } from '../../shared/facilitation/identity.ts'
import type { ActivityEntry, VersionInfo } from '../../shared/history/types.ts'
import { parseEntries } from './activity-query.ts'
import { hashImage, IMAGE_HASH } from '../images/hash.ts'
import { BOARD_TABLES, docKey, PRIVATE_TABLES, type DocTables } from './doc-key.ts'
import {
  byPlacement,
  type ActivityQuery,
  type ActivityStore,
  type BoardStore,
  type DotChange,
  type ImageStore,
  type LedgerDot,
  type StoredBoard,
  type VersionStore,
  type VoteStore,
} from './store.ts'

const docSchema = (t: DocTables) => {
  const keys = t.keys.map((k) => `${k} TEXT NOT NULL`).join(', ')
  const pk = t.keys.join(', ')
  return `
CREATE TABLE IF NOT EXISTS ${t.head} (${keys}, last_seq BIGINT NOT NULL, PRIMARY KEY (${pk}));
CREATE TABLE IF NOT EXISTS ${t.updates} (
  ${keys}, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (${pk}, seq));
CREATE TABLE IF NOT EXISTS ${t.snapshots} (
  ${keys}, seq BIGINT NOT NULL, data BYTEA NOT NULL, codec TEXT NOT NULL DEFAULT 'raw',
  PRIMARY KEY (${pk}));`
}

const SCHEMA = `
${docSchema(BOARD_TABLES)}
${docSchema(PRIVATE_TABLES)}
CREATE TABLE IF NOT EXISTS versions (
  board_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL, state BYTEA NOT NULL, codec TEXT NOT NULL,
  PRIMARY KEY (board_id, id));
CREATE SEQUENCE IF NOT EXISTS activity_ord;
CREATE TABLE IF NOT EXISTS activity (
  board_id TEXT NOT NULL, id TEXT NOT NULL, ord BIGINT NOT NULL DEFAULT nextval('activity_ord'),
  at BIGINT NOT NULL, person_id TEXT, frame_id TEXT, entry JSONB NOT NULL,
  PRIMARY KEY (board_id, id));
CREATE INDEX IF NOT EXISTS activity_by_time ON activity (board_id, at, ord);
CREATE TABLE IF NOT EXISTS vote_voters (
  board_id TEXT NOT NULL, round_id TEXT NOT NULL, voter_id TEXT NOT NULL,
  changes BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (board_id, round_id, voter_id));
CREATE TABLE IF NOT EXISTS vote_dots (
  board_id TEXT NOT NULL, id TEXT NOT NULL, round_id TEXT NOT NULL, voter_id TEXT NOT NULL,
  item_id TEXT NOT NULL, created_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, id));
CREATE INDEX IF NOT EXISTS vote_dots_by_voter ON vote_dots (board_id, round_id, voter_id);
CREATE TABLE IF NOT EXISTS images (
  board_id TEXT NOT NULL, hash TEXT NOT NULL, data BYTEA NOT NULL, created_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, hash));
`

/** Any fixed number: processes starting at once create the schema one after another. */
const SCHEMA_LOCK = 7_140_142

const deflate = promisify(deflateRaw)
const unpack = (data: Buffer, codec: string | null) =>
  new Uint8Array(codec === 'deflate' ? inflateRawSync(data) : data)
const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/** `a = $1 AND b = $2`, numbered from `from`. */
const whereKeys = (t: DocTables, from = 1) =>
  t.keys.map((k, i) => `${k} = $${from + i}`).join(' AND ')

type Queryable = pg.Pool | pg.PoolClient

export class PostgresStore implements BoardStore {
  readonly versions: VersionStore
  readonly activity: ActivityStore
  readonly votes: VoteStore
  readonly images: ImageStore

  private constructor(private readonly pool: pg.Pool) {
    this.versions = new PgVersions(pool)
    this.activity = new PgActivity(pool)
    this.votes = new PgVotes(pool)
    this.images = new PgImages(pool)
  }

  /** Connects and creates the tables that are missing. */
  static async open(
    connectionString: string,
    options: { schema?: string; onError?: (err: Error) => void } = {},
  ): Promise<PostgresStore> {
    const { schema, onError = () => {} } = options
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(`not a schema name: ${schema}`)
    const pool = new pg.Pool({
      connectionString,
      max: 10,
      connectionTimeoutMillis: 5000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    })
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', onError)
    try {
      await transaction(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
        if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
        await c.query(SCHEMA)
      })
    } catch (err) {
      await pool.end()
      throw err
    }
    return new PostgresStore(pool)
  }

  async load(docId: string): Promise<StoredBoard | null> {
    return this.loadAfter(docId, 0)
  }

  async loadAfter(docId: string, seq: number): Promise<StoredBoard | null> {
    const { tables: t, values } = docKey(docId)
    const n = values.length
    const key = whereKeys(t)
    // One statement, so one consistent view: the head, the snapshot when it holds something
    // after `seq`, and the updates after it.
    const { rows } = await this.pool.query<{
      part: string
      seq: string
      data: Buffer | null
      codec: string | null
    }>(
      `WITH snap AS (SELECT seq, data, codec FROM ${t.snapshots} WHERE ${key}),
            base AS (SELECT CASE WHEN $${n + 1}::bigint = 0 OR (SELECT seq FROM snap) > $${n + 1}
                     THEN -1 ELSE $${n + 1}::bigint END AS after)
       SELECT 'h' AS part, last_seq AS seq, NULL::bytea AS data, NULL AS codec
         FROM ${t.head} WHERE ${key}
       UNION ALL SELECT 's', seq, data, codec FROM snap WHERE (SELECT after FROM base) = -1
       UNION ALL SELECT 'u', seq, data, NULL FROM ${t.updates}
         WHERE ${key} AND seq > (SELECT after FROM base)
       ORDER BY part, seq`,
      [...values, seq],
    )
    if (rows[0]?.part !== 'h') return null
    const snap = rows.find((r) => r.part === 's')
    const logged = rows.filter((r) => r.part === 'u')
    const updates = logged.map((r) => new Uint8Array(r.data!))
    if (snap) updates.unshift(unpack(snap.data!, snap.codec))
    const last = logged.at(-1)?.seq ?? snap?.seq
    return { updates, seq: last !== undefined ? Number(last) : seq }
  }

  async append(docId: string, updates: readonly Uint8Array[]): Promise<number> {
    const { tables: t, values } = docKey(docId)
    const n = values.length
    const cols = t.keys.join(', ')
    const marks = values.map((_, i) => `$${i + 1}`).join(', ')
    const count = `$${n + 1}::bigint`
    // The head row's lock (held to the end of the statement) orders concurrent appends.
    const head = `INSERT INTO ${t.head} (${cols}, last_seq) VALUES (${marks}, ${count})
      ON CONFLICT (${cols}) DO UPDATE SET last_seq = ${t.head}.last_seq + ${count}
      RETURNING last_seq`
    if (updates.length === 0) {
      const { rows } = await this.pool.query<{ last_seq: string }>(head, [...values, 0])
      return Number(rows[0]!.last_seq)
    }
    const { rows } = await this.pool.query<{ last_seq: string }>(
      `WITH head AS (${head})
       INSERT INTO ${t.updates} (${cols}, seq, data)
       SELECT ${marks}, head.last_seq - ${count} + u.ord, u.data
         FROM head, unnest($${n + 2}::bytea[]) WITH ORDINALITY AS u(data, ord)
       RETURNING seq AS last_seq`,
      [...values, updates.length, updates.map(toBuffer)],
    )
    return Math.max(...rows.map((r) => Number(r.last_seq)))
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void> {
    const packed = await deflate(snapshot, { level: 6 })
    const { tables: t, values } = docKey(docId)
    const n = values.length
    const cols = t.keys.join(', ')
    const marks = values.map((_, i) => `$${i + 1}`).join(', ')
    const key = whereKeys(t)
    await transaction(this.pool, async (c) => {
      // Locks the head row: appends and other compactions of this document wait.
      const { rows } = await c.query<{ last_seq: string }>(
        `INSERT INTO ${t.head} (${cols}, last_seq) VALUES (${marks}, $${n + 1})
         ON CONFLICT (${cols}) DO UPDATE SET last_seq = GREATEST(${t.head}.last_seq, $${n + 1})
         RETURNING last_seq`,
        [...values, throughSeq ?? 0],
      )
      const through = throughSeq ?? Number(rows[0]!.last_seq)
      const current = await c.query<{ seq: string }>(
        `SELECT seq FROM ${t.snapshots} WHERE ${key}`,
        values,
      )
      if (current.rows[0] && Number(current.rows[0].seq) > through) return
      await c.query(
        `INSERT INTO ${t.snapshots} (${cols}, seq, data, codec)
         VALUES (${marks}, $${n + 1}, $${n + 2}, 'deflate')
         ON CONFLICT (${cols}) DO UPDATE SET seq = excluded.seq, data = excluded.data,
           codec = excluded.codec`,
        [...values, through, packed],
      )
      await c.query(`DELETE FROM ${t.updates} WHERE ${key} AND seq <= $${n + 1}`, [
        ...values,
        through,
      ])
    })
  }

  async list(): Promise<string[]> {
    const { rows } = await this.pool.query<{ board_id: string }>('SELECT board_id FROM boards')
    return rows.map((r) => r.board_id)
  }

  async privateRooms(boardId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ person_id: string }>(
      'SELECT person_id FROM private_rooms WHERE board_id = $1',
      [boardId],
    )
    return rows.map((r) => privateRoomId(boardId, r.person_id))
  }

  async delete(docId: string): Promise<void> {
    const { tables: t, values } = docKey(docId)
    await transaction(this.pool, async (c) => {
      for (const table of [t.head, t.updates, t.snapshots])
        await c.query(`DELETE FROM ${table} WHERE ${whereKeys(t)}`, values)
      if (parsePrivateRoomId(docId)) return
      for (const table of [
        PRIVATE_TABLES.head,
        PRIVATE_TABLES.updates,
        PRIVATE_TABLES.snapshots,
        'versions',
        'activity',
        'vote_voters',
        'vote_dots',
        'images',
      ])
        await c.query(`DELETE FROM ${table} WHERE board_id = $1`, [docId])
    })
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('PostgreSQL did not answer in 2 s')), 2000)
    })
    try {
      await Promise.race([this.pool.query('SELECT 1'), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end()
  }
}

async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

class PgVersions implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(boardId: string): Promise<VersionInfo[]> {
    const { rows } = await this.pool.query<{
      id: string
      name: string
      created_at: string
      created_by: string
    }>(
      'SELECT id, name, created_at, created_by FROM versions WHERE board_id = $1 ORDER BY created_at',
      [boardId],
    )
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: Number(r.created_at),
      createdBy: r.created_by,
    }))
  }

  async add(boardId: string, info: VersionInfo, state: Uint8Array, max: number): Promise<boolean> {
    const packed = await deflate(state, { level: 6 })
    return transaction(this.pool, async (c) => {
      // Two processes saving at once count one after the other.
      await c.query("SELECT pg_advisory_xact_lock(hashtextextended('versions:' || $1, 0))", [
        boardId,
      ])
      const { rows } = await c.query<{ n: string }>(
        'SELECT COUNT(*) AS n FROM versions WHERE board_id = $1',
        [boardId],
      )
      if (Number(rows[0]!.n) >= max) return false
      await c.query(
        `INSERT INTO versions (board_id, id, name, created_at, created_by, state, codec)
         VALUES ($1, $2, $3, $4, $5, $6, 'deflate')`,
        [boardId, info.id, info.name, info.createdAt, info.createdBy, packed],
      )
      return true
    })
  }

  async state(boardId: string, versionId: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer; codec: string }>(
      'SELECT state, codec FROM versions WHERE board_id = $1 AND id = $2',
      [boardId, versionId],
    )
    return rows[0] ? unpack(rows[0].state, rows[0].codec) : null
  }
}

class PgActivity implements ActivityStore {
  constructor(private readonly pool: pg.Pool) {}

  async put(boardId: string, entries: readonly ActivityEntry[]): Promise<void> {
    // One row per id (the last one wins), in the order given.
    const unique = [...new Map(entries.map((e) => [e.id, e])).values()]
    if (unique.length === 0) return
    await this.pool.query(
      `INSERT INTO activity (board_id, id, at, person_id, frame_id, entry)
       SELECT $1, e.id, e.at, e.person_id, e.frame_id, e.entry
         FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::jsonb[])
           WITH ORDINALITY AS e(id, at, person_id, frame_id, entry, n)
         ORDER BY e.n
       ON CONFLICT (board_id, id) DO UPDATE SET at = excluded.at, person_id = excluded.person_id,
         frame_id = excluded.frame_id, entry = excluded.entry, ord = nextval('activity_ord')`,
      [
        boardId,
        unique.map((e) => e.id),
        unique.map((e) => e.at),
        unique.map((e) => e.personId),
        unique.map((e) => e.frameId),
        unique.map((e) => JSON.stringify(e)),
      ],
    )
  }

  async query(boardId: string, q: ActivityQuery = {}): Promise<ActivityEntry[]> {
    if (q.limit !== undefined && q.limit <= 0) return []
    const where = ['board_id = $1']
    const params: (string | number)[] = [boardId]
    const add = (sql: string, value: string | number) => {
      params.push(value)
      where.push(`${sql} $${params.length}`)
    }
    if (q.since !== undefined) add('at >', q.since)
    if (q.personId !== undefined) add('person_id =', q.personId)
    if (q.frameId !== undefined) add('frame_id =', q.frameId)
    const limit = q.limit !== undefined ? `LIMIT ${Math.floor(q.limit)}` : ''
    const { rows } = await this.pool.query<{ entry: unknown }>(
      `SELECT entry FROM activity WHERE ${where.join(' AND ')} ORDER BY at DESC, ord DESC ${limit}`,
      params,
    )
    return parseEntries(rows.map((r) => r.entry).reverse())
  }

  async trim(boardId: string, keep: number): Promise<void> {
    await this.pool.query(
      `DELETE FROM activity WHERE board_id = $1 AND id NOT IN (
         SELECT id FROM activity WHERE board_id = $1 ORDER BY at DESC, ord DESC LIMIT $2)`,
      [boardId, keep],
    )
  }
}

interface DotRow {
  id: string
  round_id: string
  voter_id: string
  item_id: string
  created_at: string
}

const dotOf = (r: DotRow): LedgerDot => ({
  id: r.id,
  roundId: r.round_id,
  voterId: r.voter_id,
  itemId: r.item_id,
  createdAt: Number(r.created_at),
})

class PgVotes implements VoteStore {
  constructor(private readonly pool: pg.Pool) {}

  async change<T>(
    boardId: string,
    roundId: string,
    voterId: string,
    decide: (mine: LedgerDot[]) => DotChange<T>,
  ): Promise<T> {
    return transaction(this.pool, async (c) => {
      // The voter's row, locked to the end of the transaction: this voter's other requests, on
      // any process, wait here and then read what this one stored.
      await c.query(
        `INSERT INTO vote_voters (board_id, round_id, voter_id, changes) VALUES ($1, $2, $3, 1)
         ON CONFLICT (board_id, round_id, voter_id)
         DO UPDATE SET changes = vote_voters.changes + 1`,
        [boardId, roundId, voterId],
      )
      const { add, removeId, value } = decide(await this.read(c, boardId, roundId, voterId))
      if (removeId)
        await c.query('DELETE FROM vote_dots WHERE board_id = $1 AND id = $2', [boardId, removeId])
      if (add)
        await c.query(
          `INSERT INTO vote_dots (board_id, id, round_id, voter_id, item_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [boardId, add.id, add.roundId, add.voterId, add.itemId, add.createdAt],
        )
      return value
    })
  }

  dots(boardId: string, roundId: string, voterId?: string): Promise<LedgerDot[]> {
    return this.read(this.pool, boardId, roundId, voterId)
  }

  private async read(c: Queryable, boardId: string, roundId: string, voterId?: string) {
    const byVoter = voterId === undefined ? '' : 'AND voter_id = $3'
    const params = voterId === undefined ? [boardId, roundId] : [boardId, roundId, voterId]
    const { rows } = await c.query<DotRow>(
      `SELECT id, round_id, voter_id, item_id, created_at FROM vote_dots
       WHERE board_id = $1 AND round_id = $2 ${byVoter}`,
      params,
    )
    return rows.map(dotOf).sort(byPlacement)
  }
}

/** Pictures as they are (already compressed formats), once per board and hash. */
class PgImages implements ImageStore {
  constructor(private readonly pool: pg.Pool) {}

  async put(boardId: string, bytes: Uint8Array): Promise<string> {
    const hash = hashImage(bytes)
    await this.pool.query(
      `INSERT INTO images (board_id, hash, data, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [boardId, hash, toBuffer(bytes), Date.now()],
    )
    return hash
  }

  async get(boardId: string, hash: string): Promise<Uint8Array | null> {
    if (!IMAGE_HASH.test(hash)) return null
    const { rows } = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM images WHERE board_id = $1 AND hash = $2',
      [boardId, hash],
    )
    return rows[0] ? new Uint8Array(rows[0].data) : null
  }
}

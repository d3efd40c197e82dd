import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import { deflateRaw, inflateRawSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { parsePrivateRoomId, privateRoomId } from '../../shared/facilitation/identity.ts'
import type { ActivityEntry } from '../../shared/history/types.ts'
import type { VersionInfo } from '../../shared/history/types.ts'
import { BOARD_TABLES, docKey, PRIVATE_TABLES, type DocTables } from './doc-key.ts'
import { parseEntries } from './activity-query.ts'
import { migrateLegacyLog } from './sqlite-legacy.ts'
import { hashImage, IMAGE_HASH } from '../images/hash.ts'
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
CREATE TABLE IF NOT EXISTS ${t.head} (${keys}, last_seq INTEGER NOT NULL, PRIMARY KEY (${pk}))
  WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ${t.updates} (
  ${keys}, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (${pk}, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ${t.snapshots} (
  ${keys}, seq INTEGER NOT NULL, data BLOB NOT NULL,
  -- 'deflate' (raw DEFLATE) or 'raw': Yjs snapshots shrink about sixfold.
  codec TEXT NOT NULL DEFAULT 'raw',
  PRIMARY KEY (${pk})
);`
}

const SCHEMA = `
${docSchema(BOARD_TABLES)}
${docSchema(PRIVATE_TABLES)}
CREATE TABLE IF NOT EXISTS versions (
  board_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL, state BLOB NOT NULL, codec TEXT NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS activity (
  -- The order entries were put in: a replaced entry gets a new one (INSERT OR REPLACE).
  ord INTEGER PRIMARY KEY,
  board_id TEXT NOT NULL, id TEXT NOT NULL, at INTEGER NOT NULL,
  person_id TEXT, frame_id TEXT, entry TEXT NOT NULL,
  UNIQUE (board_id, id)
);
CREATE INDEX IF NOT EXISTS activity_by_time ON activity (board_id, at, ord);
CREATE TABLE IF NOT EXISTS vote_dots (
  board_id TEXT NOT NULL, id TEXT NOT NULL, round_id TEXT NOT NULL, voter_id TEXT NOT NULL,
  item_id TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE INDEX IF NOT EXISTS vote_dots_by_voter ON vote_dots (board_id, round_id, voter_id);
CREATE TABLE IF NOT EXISTS images (
  board_id TEXT NOT NULL, hash TEXT NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, hash)
);
`

const deflate = promisify(deflateRaw)
const unpack = (data: Buffer, codec: string) =>
  new Uint8Array(codec === 'deflate' ? inflateRawSync(data) : data)

/** The embedded default: one SQLite file (WAL) holding every board and what belongs to it. */
export class SqliteStore implements BoardStore {
  private readonly db: Database.Database
  readonly versions: VersionStore
  readonly activity: ActivityStore
  readonly votes: VoteStore
  readonly images: ImageStore

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    // Compaction deletes many log rows; give their pages back instead of keeping them as free.
    // (Takes effect only on a new file, so before anything else writes to it.)
    this.db.pragma('auto_vacuum = INCREMENTAL')
    this.db.pragma('journal_mode = WAL')
    // NORMAL is durable against a killed process; only a power cut may lose the last commits.
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(SCHEMA)
    this.versions = new SqliteVersions(this.db)
    this.activity = new SqliteActivity(this.db)
    this.votes = new SqliteVotes(this.db)
    this.images = new SqliteImages(this.db)
    migrateLegacyLog(this.db)
  }

  private where(tables: DocTables) {
    return tables.keys.map((k) => `${k} = ?`).join(' AND ')
  }

  /** A transaction function, made once (the database is opened in the constructor). */
  private transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    let tx: Database.Transaction<(...args: A) => R> | null = null
    return (...args) => (tx ??= this.db.transaction(fn))(...args)
  }

  /** Prepared once per SQL text: preparing costs more than running a small statement. */
  private readonly statements = new Map<string, Database.Statement>()

  private stmt<T>(sql: string) {
    let statement = this.statements.get(sql)
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)))
    return statement as Database.Statement<unknown[], T>
  }

  private readonly loadTx = (docId: string, after: number): StoredBoard | null => {
    const { tables: t, values } = docKey(docId)
    const where = this.where(t)
    const head = this.stmt<{ last_seq: number }>(
      `SELECT last_seq FROM ${t.head} WHERE ${where}`,
    ).get(...values)
    if (!head) return null
    const snap = this.stmt<{ seq: number; data: Buffer; codec: string }>(
      `SELECT seq, data, codec FROM ${t.snapshots} WHERE ${where}`,
    ).get(...values)
    const withSnapshot = snap !== undefined && (after === 0 || snap.seq > after)
    const from = withSnapshot ? snap.seq : after
    const rows = this.stmt<{ seq: number; data: Buffer }>(
      `SELECT seq, data FROM ${t.updates} WHERE ${where} AND seq > ? ORDER BY seq`,
    ).all(...values, from)
    const updates = rows.map((r) => new Uint8Array(r.data))
    if (withSnapshot) updates.unshift(unpack(snap.data, snap.codec))
    return { updates, seq: rows.at(-1)?.seq ?? Math.max(snap?.seq ?? 0, after) }
  }

  private readonly load$ = this.transaction(this.loadTx)

  async load(docId: string): Promise<StoredBoard | null> {
    return this.load$(docId, 0)
  }

  async loadAfter(docId: string, seq: number): Promise<StoredBoard | null> {
    return this.load$(docId, seq)
  }

  /** Hands out `count` sequence numbers; returns the last one. Runs inside a transaction. */
  private claimSeq(docId: string, count: number, atLeast = 0): number {
    const { tables: t, values } = docKey(docId)
    const cols = t.keys.join(', ')
    const marks = t.keys.map(() => '?').join(', ')
    // One statement: a new head starts at `atLeast`, as if it had been there all along.
    return this.stmt<{ last_seq: number }>(
      `INSERT INTO ${t.head} (${cols}, last_seq) VALUES (${marks}, ? + ?)
       ON CONFLICT (${cols}) DO UPDATE SET last_seq = MAX(last_seq, ?) + ?
       RETURNING last_seq`,
    ).get(...values, atLeast, count, atLeast, count)!.last_seq
  }

  private readonly append$ = this.transaction(
    (docId: string, updates: readonly Uint8Array[]): number => {
      const { tables: t, values } = docKey(docId)
      const cols = t.keys.join(', ')
      const marks = t.keys.map(() => '?').join(', ')
      const last = this.claimSeq(docId, updates.length)
      const insert = this.stmt(
        `INSERT INTO ${t.updates} (${cols}, seq, data) VALUES (${marks}, ?, ?)`,
      )
      updates.forEach((data, i) => insert.run(...values, last - updates.length + 1 + i, data))
      return last
    },
  )

  async append(docId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.append$(docId, updates)
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void> {
    // Compressed off the event loop, before the (synchronous) transaction.
    const packed = await deflate(snapshot, { level: 6 })
    const { tables: t, values } = docKey(docId)
    const where = this.where(t)
    const cols = t.keys.join(', ')
    const marks = t.keys.map(() => '?').join(', ')
    this.db
      .transaction(() => {
        const head = this.claimSeq(docId, 0, throughSeq ?? 0)
        const through = throughSeq ?? head
        const current = this.stmt<{ seq: number }>(
          `SELECT seq FROM ${t.snapshots} WHERE ${where}`,
        ).get(...values)
        if (current && current.seq > through) return
        this.stmt(
          `INSERT OR REPLACE INTO ${t.snapshots} (${cols}, seq, data, codec)
           VALUES (${marks}, ?, ?, 'deflate')`,
        ).run(...values, through, packed)
        this.stmt(`DELETE FROM ${t.updates} WHERE ${where} AND seq <= ?`).run(...values, through)
      })
      .immediate()
    this.db.pragma('incremental_vacuum')
  }

  async list(): Promise<string[]> {
    return this.stmt<{ board_id: string }>('SELECT board_id FROM boards')
      .all()
      .map((r) => r.board_id)
  }

  async privateRooms(boardId: string): Promise<string[]> {
    return this.stmt<{ person_id: string }>(
      'SELECT person_id FROM private_rooms WHERE board_id = ?',
    )
      .all(boardId)
      .map((r) => privateRoomId(boardId, r.person_id))
  }

  async delete(docId: string): Promise<void> {
    const { tables: t, values } = docKey(docId)
    const where = this.where(t)
    this.db.transaction(() => {
      for (const table of [t.head, t.updates, t.snapshots])
        this.stmt(`DELETE FROM ${table} WHERE ${where}`).run(...values)
      if (parsePrivateRoomId(docId)) return
      // A board takes everything of it along: private rooms, versions, activity, votes.
      for (const table of [
        PRIVATE_TABLES.head,
        PRIVATE_TABLES.updates,
        PRIVATE_TABLES.snapshots,
        'versions',
        'activity',
        'vote_dots',
        'images',
      ])
        this.stmt(`DELETE FROM ${table} WHERE board_id = ?`).run(docId)
    })()
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get()
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}

class SqliteVersions implements VersionStore {
  constructor(private readonly db: Database.Database) {}

  async list(boardId: string): Promise<VersionInfo[]> {
    return this.db
      .prepare<[string], { id: string; name: string; created_at: number; created_by: string }>(
        'SELECT id, name, created_at, created_by FROM versions WHERE board_id = ? ORDER BY created_at, rowid',
      )
      .all(boardId)
      .map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, createdBy: r.created_by }))
  }

  async add(boardId: string, info: VersionInfo, state: Uint8Array, max: number): Promise<boolean> {
    const packed = await deflate(state, { level: 6 })
    return this.db
      .transaction(() => {
        const { n } = this.db
          .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM versions WHERE board_id = ?')
          .get(boardId)!
        if (n >= max) return false
        this.db
          .prepare(
            `INSERT INTO versions (board_id, id, name, created_at, created_by, state, codec)
             VALUES (?, ?, ?, ?, ?, ?, 'deflate')`,
          )
          .run(boardId, info.id, info.name, info.createdAt, info.createdBy, packed)
        return true
      })
      .immediate()
  }

  async state(boardId: string, versionId: string): Promise<Uint8Array | null> {
    const row = this.db
      .prepare<[string, string], { state: Buffer; codec: string }>(
        'SELECT state, codec FROM versions WHERE board_id = ? AND id = ?',
      )
      .get(boardId, versionId)
    return row ? unpack(row.state, row.codec) : null
  }
}

class SqliteActivity implements ActivityStore {
  constructor(private readonly db: Database.Database) {}

  async put(boardId: string, entries: readonly ActivityEntry[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO activity (board_id, id, at, person_id, frame_id, entry)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    this.db.transaction(() => {
      for (const e of entries)
        insert.run(boardId, e.id, e.at, e.personId, e.frameId, JSON.stringify(e))
    })()
  }

  async query(boardId: string, q: ActivityQuery = {}): Promise<ActivityEntry[]> {
    if (q.limit !== undefined && q.limit <= 0) return []
    const where = ['board_id = ?']
    const params: (string | number)[] = [boardId]
    const add = (sql: string, value: string | number) => {
      where.push(sql)
      params.push(value)
    }
    if (q.since !== undefined) add('at > ?', q.since)
    if (q.personId !== undefined) add('person_id = ?', q.personId)
    if (q.frameId !== undefined) add('frame_id = ?', q.frameId)
    const limit = q.limit !== undefined ? `LIMIT ${Math.floor(q.limit)}` : ''
    const rows = this.db
      .prepare<(string | number)[], { entry: string }>(
        `SELECT entry FROM activity WHERE ${where.join(' AND ')} ORDER BY at DESC, ord DESC ${limit}`,
      )
      .all(...params)
    return parseEntries(rows.map((r) => r.entry).reverse())
  }

  async trim(boardId: string, keep: number): Promise<void> {
    this.db
      .prepare(
        `DELETE FROM activity WHERE board_id = ? AND ord NOT IN (
           SELECT ord FROM activity WHERE board_id = ? ORDER BY at DESC, ord DESC LIMIT ?)`,
      )
      .run(boardId, boardId, keep)
  }
}

interface DotRow {
  id: string
  round_id: string
  voter_id: string
  item_id: string
  created_at: number
}

export const dotOf = (r: DotRow): LedgerDot => ({
  id: r.id,
  roundId: r.round_id,
  voterId: r.voter_id,
  itemId: r.item_id,
  createdAt: Number(r.created_at),
})

class SqliteVotes implements VoteStore {
  constructor(private readonly db: Database.Database) {}

  async change<T>(
    boardId: string,
    roundId: string,
    voterId: string,
    decide: (mine: LedgerDot[]) => DotChange<T>,
  ): Promise<T> {
    // IMMEDIATE: the write lock is taken before reading, so other processes on this file wait.
    return this.db
      .transaction(() => {
        const { add, removeId, value } = decide(this.read(boardId, roundId, voterId))
        if (removeId)
          this.db
            .prepare('DELETE FROM vote_dots WHERE board_id = ? AND id = ?')
            .run(boardId, removeId)
        if (add)
          this.db
            .prepare(
              `INSERT INTO vote_dots (board_id, id, round_id, voter_id, item_id, created_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(boardId, add.id, add.roundId, add.voterId, add.itemId, add.createdAt)
        return value
      })
      .immediate()
  }

  async dots(boardId: string, roundId: string, voterId?: string): Promise<LedgerDot[]> {
    return this.read(boardId, roundId, voterId)
  }

  private read(boardId: string, roundId: string, voterId?: string): LedgerDot[] {
    const byVoter = voterId === undefined ? '' : 'AND voter_id = ?'
    const params = voterId === undefined ? [boardId, roundId] : [boardId, roundId, voterId]
    return this.db
      .prepare<string[], DotRow>(
        `SELECT id, round_id, voter_id, item_id, created_at FROM vote_dots WHERE board_id = ? AND round_id = ? ${byVoter}`,
      )
      .all(...params)
      .map(dotOf)
      .sort(byPlacement)
  }
}

/** Pictures as they are (PNG, JPEG and WebP are compressed already), once per board and hash. */
class SqliteImages implements ImageStore {
  constructor(private readonly db: Database.Database) {}

  async put(boardId: string, bytes: Uint8Array): Promise<string> {
    const hash = hashImage(bytes)
    this.db
      .prepare(
        'INSERT INTO images (board_id, hash, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(boardId, hash, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Date.now())
    return hash
  }

  async get(boardId: string, hash: string): Promise<Uint8Array | null> {
    if (!IMAGE_HASH.test(hash)) return null
    const row = this.db
      .prepare<[string, string], { data: Buffer }>(
        'SELECT data FROM images WHERE board_id = ? AND hash = ?',
      )
      .get(boardId, hash)
    return row ? new Uint8Array(row.data) : null
  }
}

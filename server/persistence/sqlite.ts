import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import { deflateRaw, inflateRawSync } from 'node:zlib'
import Database from 'better-sqlite3'
import type { BoardStore, StoredBoard } from './store.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  -- 'deflate' (raw DEFLATE) or 'raw': Yjs snapshots shrink about sixfold.
  codec TEXT NOT NULL DEFAULT 'raw'
);
`

interface SnapshotRow {
  seq: number
  data: Buffer
  codec: string
}

const deflate = promisify(deflateRaw)

/** The embedded default: one SQLite file (WAL) holding every board's update log and snapshot. */
export class SqliteStore implements BoardStore {
  private readonly db: Database.Database
  private readonly stmts

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
    this.stmts = {
      snapshot: this.db.prepare<[string], SnapshotRow>(
        'SELECT seq, data, codec FROM snapshots WHERE board_id = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      maxSeq: this.db.prepare<[string, string], { seq: number | null }>(
        `SELECT MAX(seq) AS seq FROM (
           SELECT MAX(seq) AS seq FROM updates WHERE board_id = ?
           UNION ALL SELECT seq FROM snapshots WHERE board_id = ?)`,
      ),
      insert: this.db.prepare<[string, number, Uint8Array]>(
        'INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)',
      ),
      upsertSnapshot: this.db.prepare<[string, number, Uint8Array, string]>(
        `INSERT INTO snapshots (board_id, seq, data, codec) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET
           seq = MAX(seq, excluded.seq), data = excluded.data, codec = excluded.codec`,
      ),
      deleteThrough: this.db.prepare<[string, number]>(
        'DELETE FROM updates WHERE board_id = ? AND seq <= ?',
      ),
      list: this.db.prepare<[], { board_id: string }>(
        'SELECT board_id FROM updates UNION SELECT board_id FROM snapshots',
      ),
      deleteUpdates: this.db.prepare<[string]>('DELETE FROM updates WHERE board_id = ?'),
      deleteSnapshot: this.db.prepare<[string]>('DELETE FROM snapshots WHERE board_id = ?'),
    }
  }

  private maxSeq(boardId: string): number {
    return this.stmts.maxSeq.get(boardId, boardId)?.seq ?? 0
  }

  private readonly loadTx = (boardId: string): StoredBoard | null => {
    const snap = this.stmts.snapshot.get(boardId)
    const rows = this.stmts.updatesAfter.all(boardId, snap?.seq ?? 0)
    if (!snap && rows.length === 0) return null
    const updates = rows.map((r) => new Uint8Array(r.data))
    if (snap)
      updates.unshift(
        new Uint8Array(snap.codec === 'deflate' ? inflateRawSync(snap.data) : snap.data),
      )
    return { updates, seq: rows.at(-1)?.seq ?? snap?.seq ?? 0 }
  }

  async load(boardId: string): Promise<StoredBoard | null> {
    return this.db.transaction(this.loadTx)(boardId)
  }

  async append(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.db.transaction(() => {
      let seq = this.maxSeq(boardId)
      for (const data of updates) this.stmts.insert.run(boardId, ++seq, data)
      return seq
    })()
  }

  async compact(boardId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void> {
    // Compressed off the event loop, before the (synchronous) transaction.
    const packed = await deflate(snapshot, { level: 6 })
    this.db.transaction(() => {
      const through = throughSeq ?? this.maxSeq(boardId)
      this.stmts.upsertSnapshot.run(boardId, through, packed, 'deflate')
      this.stmts.deleteThrough.run(boardId, through)
    })()
    this.db.pragma('incremental_vacuum')
  }

  async list(): Promise<string[]> {
    return this.stmts.list.all().map((r) => r.board_id)
  }

  async delete(boardId: string): Promise<void> {
    this.db.transaction(() => {
      this.stmts.deleteUpdates.run(boardId)
      this.stmts.deleteSnapshot.run(boardId)
    })()
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}

/**
 * Files written before the store had a table per concern kept everything in one log
 * (`updates` + `snapshots`) under suffixed ids: `<board>~versions`, `<board>~v~<id>`,
 * `<board>~activity`, `<board>~votes`, `<board>~private~<person>`. On open, such a file is
 * moved into the tables of today in one transaction, and the old tables are dropped.
 */
import { inflateRawSync } from 'node:zlib'
import type Database from 'better-sqlite3'
import * as Y from 'yjs'
import { versionInfoSchema, type ActivityEntry } from '../../shared/history/types.ts'
import { docKey } from './doc-key.ts'
import { parseEntries } from './activity-query.ts'
import type { LedgerDot } from './store.ts'

interface Row {
  board_id: string
  seq: number
  data: Buffer
  codec?: string
}

export function migrateLegacyLog(db: Database.Database): void {
  const legacy = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('updates', 'snapshots')",
    )
    .all()
  if (legacy.length < 2) return
  db.transaction(() => {
    const snapshots = db.prepare<[], Row>('SELECT board_id, seq, data, codec FROM snapshots').all()
    const updates = db
      .prepare<[], Row>('SELECT board_id, seq, data FROM updates ORDER BY seq')
      .all()
    const byId = new Map<string, { snapshot?: Row; updates: Row[] }>()
    const of = (id: string) => {
      let e = byId.get(id)
      if (!e) byId.set(id, (e = { updates: [] }))
      return e
    }
    for (const s of snapshots) of(s.board_id).snapshot = s
    for (const u of updates) of(u.board_id).updates.push(u)
    const chunks = (id: string): Uint8Array[] => {
      const e = byId.get(id)
      if (!e) return []
      const out = e.updates.map((u) => new Uint8Array(u.data))
      if (e.snapshot) out.unshift(unpack(e.snapshot))
      return out
    }

    for (const [id, entry] of byId) {
      const suffix = /^([A-Za-z0-9_-]+)~(versions|activity|votes|v~.*)$/.exec(id)
      if (!suffix) {
        copyDocument(db, id, entry.snapshot, entry.updates)
        continue
      }
      const boardId = suffix[1]!
      if (suffix[2] === 'versions') {
        for (const chunk of chunks(id)) {
          const info = versionInfoSchema.safeParse(parseJson(chunk))
          if (!info.success) continue
          const parts = chunks(`${boardId}~v~${info.data.id}`)
          if (parts.length === 0) continue
          const state = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)
          db.prepare(
            `INSERT OR IGNORE INTO versions (board_id, id, name, created_at, created_by, state, codec)
             VALUES (?, ?, ?, ?, ?, ?, 'raw')`,
          ).run(
            boardId,
            info.data.id,
            info.data.name,
            info.data.createdAt,
            info.data.createdBy,
            state,
          )
        }
      } else if (suffix[2] === 'activity') {
        const insert = db.prepare(
          `INSERT OR REPLACE INTO activity (board_id, id, at, person_id, frame_id, entry)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        for (const chunk of chunks(id)) {
          const raw = parseJson(chunk)
          const entries: ActivityEntry[] = Array.isArray(raw) ? parseEntries(raw) : []
          for (const e of entries)
            insert.run(boardId, e.id, e.at, e.personId, e.frameId, JSON.stringify(e))
        }
      } else if (suffix[2] === 'votes') {
        const doc = new Y.Doc()
        for (const chunk of chunks(id)) Y.applyUpdate(doc, chunk)
        const insert = db.prepare(
          `INSERT OR IGNORE INTO vote_dots (board_id, id, round_id, voter_id, item_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        doc.getMap<LedgerDot>('dots').forEach((d) => {
          insert.run(boardId, d.id, d.roundId, d.voterId, d.itemId, d.createdAt)
        })
      }
    }
    db.exec('DROP TABLE updates; DROP TABLE snapshots;')
  })()
}

function copyDocument(db: Database.Database, id: string, snapshot: Row | undefined, rows: Row[]) {
  const { tables: t, values } = docKey(id)
  const cols = t.keys.join(', ')
  const marks = t.keys.map(() => '?').join(', ')
  const last = Math.max(snapshot?.seq ?? 0, rows.at(-1)?.seq ?? 0)
  db.prepare(`INSERT OR REPLACE INTO ${t.head} (${cols}, last_seq) VALUES (${marks}, ?)`).run(
    ...values,
    last,
  )
  if (snapshot)
    db.prepare(
      `INSERT OR REPLACE INTO ${t.snapshots} (${cols}, seq, data, codec) VALUES (${marks}, ?, ?, ?)`,
    ).run(...values, snapshot.seq, snapshot.data, snapshot.codec ?? 'raw')
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ${t.updates} (${cols}, seq, data) VALUES (${marks}, ?, ?)`,
  )
  for (const r of rows) insert.run(...values, r.seq, r.data)
}

const unpack = (r: Row) => new Uint8Array(r.codec === 'deflate' ? inflateRawSync(r.data) : r.data)

function parseJson(chunk: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(chunk))
  } catch {
    return null
  }
}

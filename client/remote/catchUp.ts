/**
 * Catch-up: what changed on a board since this device last looked. A look is a small summary of
 * every record (a content fingerprint, its place, its box); comparing it with the board now
 * tells new, edited, moved and deleted records apart without any help from the server.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { comments, connectors, items } from '../../shared/doc/index.ts'
import type { AnyRecord } from '../../shared/schema/index.ts'
import { whenIdle } from '../lib/idle.ts'

export type ChangeStatus = 'new' | 'edited' | 'moved' | 'deleted'

const seenRecordSchema = z.object({
  /** Collection: i(tems), c(onnectors) or m (comments). */
  c: z.enum(['i', 'c', 'm']),
  /** Fingerprint of everything but place and bookkeeping. */
  h: z.string().max(16),
  /** Box on the board (connectors: the box of their ends). */
  b: z.tuple([z.number(), z.number(), z.number(), z.number()]),
})
export type SeenRecord = z.infer<typeof seenRecordSchema>

export const lastSeenSchema = z.object({
  at: z.number(),
  records: z.record(z.string(), seenRecordSchema),
})
export type LastSeen = z.infer<typeof lastSeenSchema>

export interface CatchUpChange {
  id: string
  status: ChangeStatus
  collection: 'items' | 'connectors' | 'comments'
  /** Where to look: the record's box now, or where it was when deleted. */
  box: { x: number; y: number; w: number; h: number }
  /** The item or connector a comment is on. */
  targetId?: string
}

/** Fields whose change is a move, not an edit; and fields that change with any edit. */
const PLACE = new Set(['x', 'y', 'w', 'h', 'z', 'parentId', 'laneId', 'from', 'to'])
const BOOKKEEPING = new Set(['updatedAt', 'id', 'kind'])

function fingerprint(record: AnyRecord): string {
  const rec = record as unknown as Record<string, unknown>
  const kept = Object.keys(rec)
    .filter((k) => !PLACE.has(k) && !BOOKKEEPING.has(k))
    .sort()
    .map((k) => `${k}=${JSON.stringify(rec[k])}`)
    .join('\u0001')
  return `${record.kind}:${hash(kept)}`.slice(0, 16)
}

/** FNV-1a, 32 bits: a look only needs to notice change, not resist forgery. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

type Box = [number, number, number, number]

function boxOf(doc: Y.Doc, record: AnyRecord): Box {
  if ('w' in record && 'x' in record) return [record.x, record.y, record.w, record.h]
  if (record.kind === 'connector') {
    const x = Math.min(record.from.x, record.to.x)
    const y = Math.min(record.from.y, record.to.y)
    return [
      x,
      y,
      Math.abs(record.from.x - record.to.x) + 1,
      Math.abs(record.from.y - record.to.y) + 1,
    ]
  }
  if (record.kind === 'comment') {
    const target = items(doc).get(record.targetId) ?? connectors(doc).get(record.targetId)
    return target ? boxOf(doc, target) : [0, 0, 1, 1]
  }
  return [0, 0, 1, 1]
}

/** The board as a look sees it: each record's summary, with the record it was taken from. */
export type Summary = Map<string, { seen: SeenRecord; record: AnyRecord }>

/** Summaries of every record, or of the records with these ids only (missing ones left out). */
export function summarise(doc: Y.Doc, ids?: Iterable<string>): Summary {
  const out: Summary = new Map()
  const add = (c: SeenRecord['c'], r: AnyRecord) =>
    out.set(r.id, { seen: { c, h: fingerprint(r), b: boxOf(doc, r) }, record: r })
  if (ids) {
    for (const id of ids) {
      const item = items(doc).get(id)
      const connector = item ? null : connectors(doc).get(id)
      const comment = item || connector ? null : comments(doc).get(id)
      if (item) add('i', item)
      else if (connector) add('c', connector)
      else if (comment) add('m', comment)
    }
    return out
  }
  for (const r of items(doc).all()) add('i', r)
  for (const r of connectors(doc).all()) add('c', r)
  for (const r of comments(doc).all()) add('m', r)
  return out
}

/** Records summarised per slice of idle time; about 20 ms of work on a slow laptop. */
const SLICE = 500

/**
 * Summarises the whole board a slice at a time while the page is idle, so that a big board's
 * first look does not hold up the page; `done` gets the summary. Returns a cancel function.
 * Records that change meanwhile may be summarised as they were: bring them up to date after.
 */
export function summariseInSlices(doc: Y.Doc, done: (summary: Summary) => void): () => void {
  const ids = [items(doc), connectors(doc), comments(doc)].flatMap((c) => [...c.map.keys()])
  const out: Summary = new Map()
  let next = 0
  let cancel = () => {}
  const slice = (deadline?: IdleDeadline) => {
    do {
      for (const [id, entry] of summarise(doc, ids.slice(next, next + SLICE))) out.set(id, entry)
      next += SLICE
    } while (next < ids.length && (deadline?.timeRemaining() ?? 0) > 5)
    if (next < ids.length) cancel = whenIdle(slice)
    else done(out)
  }
  cancel = whenIdle(slice)
  return () => cancel()
}

/**
 * Brings a summary up to date after these records changed. Comments are always re-read: their
 * box is their target's, which moves without them.
 */
export function resummarise(summary: Summary, doc: Y.Doc, ids: Iterable<string>): void {
  const changed = new Set(ids)
  for (const [id, { seen }] of summary) if (seen.c === 'm') changed.add(id)
  for (const id of changed) summary.delete(id)
  for (const [id, entry] of summarise(doc, changed)) summary.set(id, entry)
}

/** What the board looks like now, to compare with later. */
export function takeLook(doc: Y.Doc, at = Date.now(), now = summarise(doc)): LastSeen {
  const records: LastSeen['records'] = {}
  for (const [id, { seen }] of now) records[id] = seen
  return { at, records }
}

/** The look with these records as they are now: one's own edits are not news to oneself. */
export function absorb(seen: LastSeen, doc: Y.Doc, ids: Iterable<string>): LastSeen {
  const list = [...ids]
  const now = summarise(doc, list)
  const records = { ...seen.records }
  for (const id of list) {
    const entry = now.get(id)
    if (entry) records[id] = entry.seen
    else delete records[id]
  }
  return { ...seen, records }
}

const COLLECTIONS = { i: 'items', c: 'connectors', m: 'comments' } as const

/** Changes since `seen`, in reading order (top to bottom, left to right), deletions last. */
export function changesSince(seen: LastSeen, board: Y.Doc | Summary): CatchUpChange[] {
  const now = board instanceof Map ? board : summarise(board)
  const out: CatchUpChange[] = []
  const box = (b: Box) => ({ x: b[0], y: b[1], w: b[2], h: b[3] })
  for (const [id, { seen: cur, record }] of now) {
    const before = seen.records[id]
    let status: ChangeStatus | null = null
    if (!before) status = 'new'
    else if (before.h !== cur.h) status = 'edited'
    else if (before.b.some((v, i) => Math.abs(v - cur.b[i]!) > 0.5) && cur.c !== 'm')
      status = 'moved'
    if (!status) continue
    const change: CatchUpChange = { id, status, collection: COLLECTIONS[cur.c], box: box(cur.b) }
    if (record.kind === 'comment') change.targetId = record.targetId
    out.push(change)
  }
  const deleted: CatchUpChange[] = []
  for (const [id, before] of Object.entries(seen.records)) {
    if (!now.has(id) && before.c !== 'm')
      deleted.push({ id, status: 'deleted', collection: COLLECTIONS[before.c], box: box(before.b) })
  }
  const order = (a: CatchUpChange, b: CatchUpChange) =>
    Math.round(a.box.y / 80) - Math.round(b.box.y / 80) || a.box.x - b.box.x
  return [...out.sort(order), ...deleted.sort(order)]
}

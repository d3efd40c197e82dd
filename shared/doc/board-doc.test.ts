import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordTypes, SCHEMA_VERSION, type NoteRecord } from '../schema/index.ts'
import {
  addItems,
  connectors,
  readSetup,
  updateSetup,
  deleteItems,
  getItem,
  initBoard,
  itemsMap,
  metaMap,
  migrateBoard,
  observeItems,
  readItems,
  readMeta,
  updateItem,
} from './board-doc.ts'
import { LOCAL_ORIGIN } from './origins.ts'
import { applyTextDiff } from './text.ts'

const note = (id: string, extra: Partial<NoteRecord> = {}): NoteRecord => ({
  id,
  kind: 'note',
  ...recordTypes.note.defaults(),
  ...extra,
})

describe('board document', () => {
  it('round-trips items and metadata through a Y.Doc', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'How do we work together' })
    addItems(doc, [note('a', { text: 'Code review', z: 2 }), note('b', { z: 1 })], LOCAL_ORIGIN)
    expect(readMeta(doc).title).toBe('How do we work together')
    expect(readItems(doc).map((i) => i.id)).toEqual(['b', 'a'])
    expect(getItem(doc, 'a')).toMatchObject({ text: 'Code review' })
  })

  it('stores a new record without its id or default fields, and reads it back whole', () => {
    const doc = new Y.Doc()
    const full = note('lean', { text: 'Deploy train', x: 40, color: 'pink', tags: ['t1'] })
    addItems(doc, [full], LOCAL_ORIGIN)
    const stored = itemsMap(doc).get('lean')!
    expect([...stored.keys()].sort()).toEqual(['color', 'involved', 'kind', 'tags', 'text', 'x'])
    expect(getItem(doc, 'lean')).toEqual(full)

    // A record written with every field (as older versions did) reads the same; its key wins.
    const old = new Y.Map<unknown>()
    itemsMap(doc).set('old', old)
    for (const [k, v] of Object.entries(note('not-the-key', { text: 'x' })))
      old.set(k, k === 'text' || k === 'involved' ? new Y.Text(String(v)) : v)
    expect(getItem(doc, 'old')).toEqual(note('old', { text: 'x' }))
  })

  it('updates fields, edits text in place and stamps updatedAt', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a', { text: 'hello world' })], LOCAL_ORIGIN)
    updateItem(doc, 'a', { x: 50, text: 'hello brave world' }, LOCAL_ORIGIN)
    const item = getItem(doc, 'a')!
    expect(item).toMatchObject({ x: 50, text: 'hello brave world' })
    expect(item.updatedAt).toBeGreaterThan(0)
  })

  it('merges concurrent text edits of one post-it', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addItems(a, [note('n', { text: 'Define update mechanism' })], LOCAL_ORIGIN)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    updateItem(a, 'n', { text: 'Define the update mechanism' }, LOCAL_ORIGIN)
    updateItem(b, 'n', { text: 'Define update mechanism (9)' }, LOCAL_ORIGIN)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(getItem(a, 'n')).toMatchObject({ text: 'Define the update mechanism (9)' })
    expect(getItem(b, 'n')).toEqual(getItem(a, 'n'))
  })

  it('deleting a frame deletes what is on it', () => {
    const doc = new Y.Doc()
    addItems(
      doc,
      [
        { id: 'f', kind: 'frame', ...recordTypes.frame.defaults() },
        note('in', { parentId: 'f' }),
        note('out'),
      ],
      LOCAL_ORIGIN,
    )
    deleteItems(doc, ['f'], LOCAL_ORIGIN)
    expect(readItems(doc).map((i) => i.id)).toEqual(['out'])
  })

  it('reports the ids a transaction touched', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a'), note('b')], LOCAL_ORIGIN)
    const seen: string[][] = []
    const stop = observeItems(doc, (ids) => seen.push([...ids].sort()))
    updateItem(doc, 'a', { text: 'x' }, LOCAL_ORIGIN)
    deleteItems(doc, ['b'], LOCAL_ORIGIN)
    stop()
    expect(seen).toEqual([['a'], ['b']])
  })

  it('restores a corrupted item field instead of failing', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a')], LOCAL_ORIGIN)
    itemsMap(doc).get('a')!.set('w', 'wide')
    expect(getItem(doc, 'a')!.w).toBe(160)
  })

  it('leaves a document from a newer app untouched', () => {
    const doc = new Y.Doc()
    initBoard(doc)
    expect(migrateBoard(doc)).toBe('current')
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrateBoard(doc)).toBe('newer')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(migrateBoard(new Y.Doc())).toBe('empty')
  })
})

describe('applyTextDiff', () => {
  it.each([
    ['', 'abc'],
    ['abc', ''],
    ['Relates to: PM', 'Relates to: PM, SRE'],
    ['שלום עולם', 'שלום לכל העולם'],
    ['😀 dots', '😁 dots'],
    ['会议记录', '会议的记录'],
  ])('turns %j into %j', (from, to) => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, from)
    applyTextDiff(text, to)
    expect(text.toString()).toBe(to)
  })
})

describe('connectors', () => {
  it('keep the end of a deleted item where it was, as a free point', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a', { x: 10, y: 20 }), note('b', { x: 400 })], LOCAL_ORIGIN)
    connectors(doc).add(
      [
        {
          id: 'c',
          kind: 'connector',
          ...recordTypes.connector.defaults(),
          from: { itemId: 'a', x: 90, y: 100 },
          to: { itemId: 'b', x: 480, y: 80 },
          marker: 'heart',
        },
      ],
      LOCAL_ORIGIN,
    )
    deleteItems(doc, ['a'], LOCAL_ORIGIN)
    expect(connectors(doc).get('c')).toMatchObject({
      from: { itemId: null, x: 90, y: 100 },
      to: { itemId: 'b' },
      marker: 'heart',
    })
  })
})

describe('setup', () => {
  it('edits the session setup collaboratively and restores bad fields', () => {
    const a = new Y.Doc()
    updateSetup(
      a,
      { theme: 'Working together', questions: [{ id: 'q1', text: 'Who owns it?' }] },
      LOCAL_ORIGIN,
    )
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    updateSetup(a, { theme: 'Working together, decision making' }, LOCAL_ORIGIN)
    updateSetup(b, { theme: 'Working together and responsibilities' }, LOCAL_ORIGIN)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    // Both insertions survive; their order at the same spot is decided by client ids.
    expect([
      'Working together, decision making and responsibilities',
      'Working together and responsibilities, decision making',
    ]).toContain(readSetup(a).theme)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readSetup(b).theme).toBe(readSetup(a).theme)
    expect(readSetup(a).questions).toEqual([{ id: 'q1', text: 'Who owns it?' }])
    a.getMap('setup').set('license', 'all rights reserved')
    expect(readSetup(a).license).toBe('CC-BY-SA-4.0')
  })
})

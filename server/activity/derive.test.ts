import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addItems, deleteItems, items, updateItem } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import { changesOf } from './derive.ts'
import { mergeKinds } from './log.ts'

const note = (id: string, extra: Partial<NoteRecord> = {}): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  ...extra,
})

/** Applies what `edit` does on a peer to `doc`, as a server would, and returns the changes. */
function applyFrom(doc: Y.Doc, peer: Y.Doc, edit: () => void) {
  const before = Y.encodeStateVector(doc)
  edit()
  const update = Y.encodeStateAsUpdate(peer, before)
  let out: ReturnType<typeof changesOf> = []
  doc.transact((tr) => {
    Y.applyUpdate(doc, update)
    out = changesOf(doc, tr)
  })
  return out.map((c) => `${c.kind}:${c.collection}/${c.recordId}`).sort()
}

describe('changesOf', () => {
  it('tells additions, edits, moves and deletions apart', () => {
    const server = new Y.Doc()
    const peer = new Y.Doc()
    expect(applyFrom(server, peer, () => addItems(peer, [note('a'), note('b')], null))).toEqual([
      'added:items/a',
      'added:items/b',
    ])
    expect(applyFrom(server, peer, () => updateItem(peer, 'a', { x: 5, y: 6 }, null))).toEqual([
      'moved:items/a',
    ])
    expect(applyFrom(server, peer, () => updateItem(peer, 'a', { text: 'hi' }, null))).toEqual([
      'changed:items/a',
    ])
    expect(
      applyFrom(server, peer, () => updateItem(peer, 'b', { color: 'pink', x: 1 }, null)),
    ).toEqual(['changed:items/b'])
    expect(applyFrom(server, peer, () => deleteItems(peer, ['b'], null))).toEqual([
      'deleted:items/b',
    ])
    expect(items(server).get('a')).toMatchObject({ text: 'hi' })
  })

  it('sees nothing in an update the document already holds', () => {
    const server = new Y.Doc()
    const peer = new Y.Doc()
    applyFrom(server, peer, () => addItems(peer, [note('a')], null))
    const again = Y.encodeStateAsUpdate(peer)
    let out: unknown[] = ['x']
    server.transact((tr) => {
      Y.applyUpdate(server, again)
      out = changesOf(server, tr)
    })
    expect(out).toEqual([])
  })
})

describe('mergeKinds', () => {
  it('keeps an addition an addition until it is deleted', () => {
    expect(mergeKinds('added', 'moved')).toBe('added')
    expect(mergeKinds('added', 'deleted')).toBe('deleted')
    expect(mergeKinds('moved', 'moved')).toBe('moved')
    expect(mergeKinds('moved', 'changed')).toBe('changed')
    expect(mergeKinds('deleted', 'added')).toBe('changed')
  })
})

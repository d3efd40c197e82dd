import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addItems, comments, deleteItems, items, updateItem } from '../doc/index.ts'
import { recordTypes, type NoteRecord } from '../schema/index.ts'
import { diffVersions, RestoreError, restoreVersion } from './restore.ts'

const note = (id: string, text: string): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  text,
})

function board() {
  const doc = new Y.Doc()
  addItems(doc, [note('a', 'A'), note('b', 'B')], null)
  comments(doc).add(
    [{ ...recordTypes.comment.defaults(), id: 'c', kind: 'comment', targetId: 'a', text: 'why?' }],
    null,
  )
  const past = new Y.Doc()
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc))
  updateItem(doc, 'a', { text: 'A2', locked: true }, null)
  deleteItems(doc, ['b'], null)
  addItems(doc, [note('n', 'New')], null)
  comments(doc).delete(['c'], null)
  return { doc, past }
}

const texts = (doc: Y.Doc) =>
  Object.fromEntries(
    items(doc)
      .all()
      .map((i) => [i.id, i.kind === 'note' ? i.text : '']),
  )

describe('restoreVersion', () => {
  it('lists what differs from a version, then makes the board equal to it', () => {
    const { doc, past } = board()
    const diff = diffVersions(past, doc).map((d) => `${d.status}:${d.id}`)
    expect(diff.sort()).toEqual(['added:n', 'changed:a', 'removed:b', 'removed:c'])
    const result = restoreVersion(doc, past, 'restore', { now: 42 })
    expect(result).toEqual({ added: ['b', 'c'], removed: ['n'], changed: ['a'] })
    expect(texts(doc)).toEqual({ a: 'A', b: 'B' })
    expect(items(doc).get('a')).toMatchObject({ updatedAt: 42 })
    expect(items(doc).get('a')?.locked).toBeUndefined()
    expect(comments(doc).get('c')?.text).toBe('why?')
    expect(diffVersions(past, doc)).toEqual([])
  })

  it('copies single records back and refuses ids the version does not have', () => {
    const { doc, past } = board()
    restoreVersion(doc, past, 'restore', { ids: ['b'] })
    expect(texts(doc)).toEqual({ a: 'A2', b: 'B', n: 'New' })
    expect(() => restoreVersion(doc, past, 'restore', { ids: ['n'] })).toThrow(RestoreError)
  })
})

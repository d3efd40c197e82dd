import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addItems, comments, deleteItems, updateItem } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import {
  absorb,
  changesSince,
  resummarise,
  summarise,
  summariseInSlices,
  takeLook,
} from './catchUp.ts'

const note = (id: string, x: number, y: number): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  x,
  y,
  text: id,
})

const summary = (doc: Y.Doc, seen: ReturnType<typeof takeLook>) =>
  changesSince(seen, doc).map((c) => `${c.status}:${c.id}`)

describe('catch-up', () => {
  it('tells new, edited, moved and deleted records apart, deletions last', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a', 0, 0), note('b', 200, 0), note('c', 400, 0), note('d', 0, 400)], null)
    const seen = takeLook(doc)
    expect(summary(doc, seen)).toEqual([])
    addItems(doc, [note('e', 0, 800)], null)
    updateItem(doc, 'a', { text: 'changed' }, null)
    updateItem(doc, 'b', { x: 250 }, null)
    // Only updatedAt: nothing to see.
    updateItem(doc, 'd', {}, null)
    deleteItems(doc, ['c'], null)
    comments(doc).add(
      [{ ...recordTypes.comment.defaults(), id: 'm1', kind: 'comment', targetId: 'd' }],
      null,
    )
    expect(summary(doc, seen)).toEqual(['edited:a', 'moved:b', 'new:m1', 'new:e', 'deleted:c'])
    const m1 = changesSince(seen, doc).find((c) => c.id === 'm1')!
    expect(m1).toMatchObject({ targetId: 'd', box: { x: 0, y: 400 } })
    expect(changesSince(seen, doc).find((c) => c.id === 'c')?.box).toMatchObject({ x: 400 })
  })

  it('does not show one’s own edits as news', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a', 0, 0), note('b', 0, 0)], null)
    let seen = takeLook(doc)
    updateItem(doc, 'a', { text: 'mine' }, null)
    deleteItems(doc, ['b'], null)
    seen = absorb(seen, doc, ['a', 'b'])
    expect(summary(doc, seen)).toEqual([])
  })

  it('keeps a summary up to date from the ids that changed, comments following their target', () => {
    const doc = new Y.Doc()
    addItems(doc, [note('a', 0, 0), note('b', 200, 0)], null)
    comments(doc).add(
      [{ ...recordTypes.comment.defaults(), id: 'm1', kind: 'comment', targetId: 'b' }],
      null,
    )
    const kept = summarise(doc)
    const seen = takeLook(doc)
    updateItem(doc, 'a', { text: 'changed' }, null)
    updateItem(doc, 'b', { x: 900 }, null)
    addItems(doc, [note('c', 0, 400)], null)
    deleteItems(doc, ['a'], null)
    resummarise(kept, doc, ['a', 'b', 'c'])
    expect(kept).toEqual(summarise(doc))
    expect(kept.get('m1')?.seen.b[0]).toBe(900)
    expect(summary(doc, seen)).toEqual(changesSince(seen, kept).map((c) => `${c.status}:${c.id}`))
  })

  it('takes the first look a slice at a time, the same as all at once', async () => {
    const doc = new Y.Doc()
    addItems(
      doc,
      Array.from({ length: 1200 }, (_, i) => note(`n${i}`, i * 10, 0)),
      null,
    )
    const changed = new Set<string>()
    const sliced = await new Promise<ReturnType<typeof summarise>>((resolve) => {
      summariseInSlices(doc, resolve)
      // A change while the look is being taken: brought up to date afterwards.
      updateItem(doc, 'n1100', { text: 'changed meanwhile' }, null)
      changed.add('n1100')
    })
    expect(sliced.size).toBe(1200)
    resummarise(sliced, doc, changed)
    expect(sliced).toEqual(summarise(doc))
  })
})

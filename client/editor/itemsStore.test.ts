import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItems, items, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import { ItemsStore } from './itemsStore.ts'

const note = (id: string, text: string): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  text,
})

describe('ItemsStore with a private room attached', () => {
  it('draws private post-its with the board, the board copy winning on the reveal', () => {
    const board = new Y.Doc()
    const mine = new Y.Doc()
    addItems(board, [note('b1', 'public')], LOCAL_ORIGIN)
    addItems(mine, [note('p1', 'secret')], LOCAL_ORIGIN)
    const store = new ItemsStore(board)
    const detach = store.attachPrivate(mine)
    expect(store.get('p1')?.kind).toBe('note')
    expect(store.isPrivate('p1')).toBe(true)
    expect(store.isPrivate('b1')).toBe(false)
    expect(store.index.query({ x: -10, y: -10, w: 20, h: 20 }).has('p1')).toBe(true)
    addItems(mine, [note('p2', 'later')], LOCAL_ORIGIN)
    expect(store.isPrivate('p2')).toBe(true)
    // The reveal: the board gets the post-it, then the private room lets go of it.
    addItems(board, [note('p1', 'secret')], LOCAL_ORIGIN)
    items(mine).delete(['p1'], LOCAL_ORIGIN)
    expect(store.get('p1')).toBeDefined()
    expect(store.isPrivate('p1')).toBe(false)
    detach()
    expect(store.get('p2')).toBeUndefined()
    expect(store.all().map((i) => i.id)).toEqual(['b1', 'p1'].sort())
    store.destroy()
  })
})

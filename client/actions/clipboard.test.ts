/**
 * Pasting as much as the server takes in one update, and no more: a paste that makes more items
 * than UPDATE_LIMITS would close the board to the person pasting, so it is refused up front.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectors, items, itemsToAdd, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { UPDATE_LIMITS } from '../../shared/protocol/messages.ts'
import { recordTypes, type AnyRecord, type Item } from '../../shared/schema/index.ts'
import { copyPayload } from '../editor/clipboard.ts'
import { testEditor } from '../editor/testEditor.ts'
import { pastePayload } from './clipboard.ts'

const note = (id: string, x: number, text = `idea ${id}`): Item =>
  ({ id, kind: 'note', ...recordTypes.note.defaults(), x, y: 0, text }) as Item

/** Items (structs) in the update that adding `records` makes, as the server counts them. */
function itemsInUpdate(add: (doc: Y.Doc) => void): number {
  const doc = new Y.Doc()
  let counted = 0
  doc.on('update', (u: Uint8Array) => (counted += Y.decodeUpdate(u).structs.length))
  add(doc)
  return counted
}

describe('itemsToAdd', () => {
  it('counts the items adding a record makes, as the server does', () => {
    const records: AnyRecord[] = [
      note('a', 0),
      note('b', 0, ''),
      { id: 'f', kind: 'frame', ...recordTypes.frame.defaults(), title: 'Roles' } as Item,
      {
        id: 'c',
        kind: 'connector',
        ...recordTypes.connector.defaults(),
        from: { itemId: 'a', x: 0, y: 0 },
        to: { itemId: 'b', x: 1, y: 1 },
      },
    ]
    for (const record of records) {
      const made = itemsInUpdate((doc) =>
        record.kind === 'connector'
          ? connectors(doc).add([record], LOCAL_ORIGIN)
          : items(doc).add([record as Item], LOCAL_ORIGIN),
      )
      expect(itemsToAdd(record), record.kind).toBe(made)
    }
  })
})

describe('pastePayload', () => {
  const payloadOf = (n: number) =>
    copyPayload(
      Array.from({ length: n }, (_, i) => note(`n${i}`, i * 10)),
      [],
      new Set(),
      () => undefined,
    )

  it('pastes a big payload that one update holds', () => {
    const editor = testEditor()
    pastePayload(editor, payloadOf(800), { x: 0, y: 0 })
    expect(items(editor.doc).all()).toHaveLength(800)
    expect(editor.view.get().notice).toBeNull()
  })

  it('refuses one that would make more than one update holds, and says how much goes', () => {
    const editor = testEditor()
    let updates = 0
    editor.doc.on('update', () => updates++)
    pastePayload(editor, payloadOf(3_000), { x: 0, y: 0 })
    expect(updates).toBe(0)
    const notice = editor.view.get().notice
    expect(notice).toContain('3,000')
    // A pasted post-it carries its author, place and times: about 11 items.
    const most = Number(/about ([\d,]+)/.exec(notice ?? '')?.[1]?.replace(',', ''))
    expect(most).toBeGreaterThan(800)
    expect(most * 10).toBeLessThanOrEqual(UPDATE_LIMITS.structs)
    pastePayload(editor, payloadOf(most), { x: 0, y: 0 })
    expect(items(editor.doc).all()).toHaveLength(most)
  })
})

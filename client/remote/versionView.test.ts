import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItems, deleteItems, updateItem } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import { testEditor } from '../editor/testEditor.ts'
import { closeVersion, openVersionOf, showVersion } from './versionView.ts'

const note = (id: string, text: string): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  text,
})

const version = { id: 'v1', name: 'End of Part I', createdAt: 1, createdBy: 'Grace' }

describe('a past version on the canvas', () => {
  it('is drawn from its own document, read-only, and pauses the board until back to now', () => {
    const live = testEditor()
    addItems(live.doc, [note('a', 'A'), note('b', 'B')], null)
    const update = Y.encodeStateAsUpdate(live.doc)
    updateItem(live.doc, 'a', { text: 'A2' }, null)
    deleteItems(live.doc, ['b'], null)
    addItems(live.doc, [note('n', 'New')], null)

    const open = showVersion(live, version, update, null)
    expect(openVersionOf(live)).toBe(open)
    expect(open.editor.doc).not.toBe(live.doc)
    expect(open.editor.items.all().map((i) => (i.kind === 'note' ? i.text : ''))).toEqual([
      'A',
      'B',
    ])
    expect(Object.fromEntries(open.marks)).toEqual({ a: 'changed', b: 'removed' })
    expect(open.diff.some((d) => d.id === 'n' && d.status === 'added')).toBe(true)
    expect(open.editor.readOnly).toBe(true)
    expect(live.readOnly).toBe(true)
    // Every tool of the version only pans.
    expect(new Set(Object.values(open.tools)).size).toBe(1)
    // The board goes on changing underneath (others' edits); the version does not.
    updateItem(live.doc, 'a', { text: 'A3' }, null)
    expect(open.editor.items.get('a')).toMatchObject({ text: 'A' })

    closeVersion(live)
    expect(openVersionOf(live)).toBeNull()
    expect(live.readOnly).toBe(false)
  })
})

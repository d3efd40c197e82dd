import { describe, expect, it } from 'vitest'
import { addItems, connectors, updateItem } from '../../shared/doc/index.ts'
import { arrowOf, itemOf, testEditor } from '../editor/testEditor.ts'
import { editText, startEditing } from './editText.ts'

function board() {
  const editor = testEditor()
  addItems(
    editor.doc,
    [
      itemOf('note', 'n', { text: 'Idea' }),
      itemOf('label', 'l', { text: 'Legend' }),
      itemOf('frame', 'f', { title: 'Poster' }),
    ],
    null,
  )
  connectors(editor.doc).add([arrowOf('a')], null)
  return editor
}

const enter = (editor: ReturnType<typeof testEditor>, ids: string[]) => {
  editor.select(ids)
  editor.run(startEditing, undefined)
  return editor.view.get().editing
}

describe('startEditing (Enter)', () => {
  it('opens the text of the one selected post-it, label, poster or arrow', () => {
    const editor = board()
    expect(enter(editor, ['n'])).toEqual({ id: 'n', field: 'text' })
    expect(enter(editor, ['l'])).toEqual({ id: 'l', field: 'text' })
    expect(enter(editor, ['f'])).toEqual({ id: 'f', field: 'title' })
    expect(enter(editor, ['a'])).toEqual({ id: 'a', field: 'label' })
  })

  it('does nothing with several selected', () => {
    const editor = board()
    expect(enter(editor, ['n', 'a'])).toBeNull()
  })
})

describe('editText', () => {
  it("writes an arrow's label as one undoable local edit", () => {
    const editor = board()
    editor.run(editText, { id: 'a', field: 'label', value: 'hand-over' })
    expect(editor.connectors.get('a')?.label).toBe('hand-over')
    editor.session.undo.undo()
    expect(editor.connectors.get('a')?.label).toBe('')
  })

  it('removes a label emptied or left blank', () => {
    const editor = board()
    editor.run(editText, { id: 'a', field: 'label', value: 'hand-over' })
    expect(editor.connectors.get('a')?.label).toBe('hand-over')
    editor.run(editText, { id: 'a', field: 'label', value: '   ' })
    expect(editor.connectors.get('a')?.label).toBe('')
  })

  it("writes a free label's text", () => {
    const editor = board()
    editor.run(editText, { id: 'l', field: 'text', value: 'Legend: hearts' })
    expect(editor.items.get('l')).toMatchObject({ text: 'Legend: hearts' })
  })

  it('grows a free label to show all of its text, in the same undoable edit', () => {
    const editor = board()
    const before = editor.items.get('l')!
    editor.run(editText, { id: 'l', field: 'text', value: 'Legend' })
    expect(editor.items.get('l')?.h).toBe(before.h)
    const long = 'Heart: a good connection between groups. Broken line: a breakdown.'
    editor.run(editText, { id: 'l', field: 'text', value: long })
    const grown = editor.items.get('l')!
    expect(grown.h).toBeGreaterThanOrEqual(3 * 24 * 1.2)
    expect(grown.w).toBe(before.w)
    editor.run(editText, { id: 'l', field: 'text', value: 'Short again' })
    expect(editor.items.get('l')?.h).toBe(grown.h)
    editor.session.undo.undo()
    expect(editor.items.get('l')).toMatchObject({ text: 'Legend', h: before.h })
  })

  it('keeps editing an arrow while items change, and stops when someone deletes the arrow', () => {
    const editor = board()
    editor.view.set({ editing: { id: 'a', field: 'label' } })
    updateItem(editor.doc, 'n', { text: 'Idea, revised' }, null)
    expect(editor.view.get().editing).toEqual({ id: 'a', field: 'label' })
    connectors(editor.doc).delete(['a'], null)
    expect(editor.view.get().editing).toBeNull()
  })
})

import { addItems, LOCAL_ORIGIN, topZ } from '../../shared/doc/index.ts'
import { newId, recordTypes, type NoteColor, type NoteRecord } from '../../shared/schema/index.ts'
import type { Point } from '../canvas/viewport.ts'
import type { Editor } from '../editor/editor.ts'
import { membershipOf } from '../editor/frames.ts'
import { defineAction } from './registry.ts'

export const NOTE_SIZE = 200

/** A post-it centred on a point (the pointer, or the middle of the view), ready to type in. */
export const createNote = defineAction<{ at?: Point; color?: NoteColor } | void>({
  id: 'createNote',
  label: 'action-create-note',
  keys: ['n'],
  mutates: true,
  perform(editor, arg) {
    const at = arg?.at ?? editor.placementPoint()
    const now = Date.now()
    const note: NoteRecord = {
      id: newId(),
      kind: 'note',
      ...recordTypes.note.defaults(),
      x: Math.round(at.x - NOTE_SIZE / 2),
      y: Math.round(at.y - NOTE_SIZE / 2),
      w: NOTE_SIZE,
      h: NOTE_SIZE,
      z: topZ(editor.doc) + 1,
      color: arg?.color ?? selectedNoteColor(editor),
      authorId: editor.user.id,
      createdAt: now,
      updatedAt: now,
    }
    Object.assign(note, membershipOf(note, editor.items.all()))
    // During private writing a new post-it goes to this person's private room, seen by nobody else.
    addItems(editor.privateDoc ?? editor.doc, [note], LOCAL_ORIGIN)
    editor.select([note.id])
    editor.view.set({ editing: { id: note.id, field: 'text' }, tool: 'select' })
  },
})

/** New notes take the colour of the selected note, so a group can keep writing in its colour. */
function selectedNoteColor(editor: Editor): NoteColor {
  for (const item of editor.selectedItems()) if (item.kind === 'note') return item.color
  return 'yellow'
}

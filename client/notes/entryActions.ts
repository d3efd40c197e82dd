/**
 * Changes to the structured notes, each a registered action run through the editor so that it is
 * one local, undoable transaction and refused on read-only boards.
 */
import { LOCAL_ORIGIN, entries, type RecordPatch } from '../../shared/doc/index.ts'
import {
  newId,
  recordTypes,
  type EntryRecord,
  type NoteSection,
} from '../../shared/schema/index.ts'
import { defineAction } from '../actions/registry.ts'
import type { Editor } from '../editor/editor.ts'

export interface NewEntry {
  section: NoteSection
  text?: string
  questionId?: string | null
  sourceId?: string | null
}

/** A new entry at the end of its section. */
export function entryRecord(editor: Editor, spec: NewEntry, order: number): EntryRecord {
  const now = Date.now()
  return {
    ...recordTypes.entry.defaults(),
    id: newId(),
    kind: 'entry',
    section: spec.section,
    text: (spec.text ?? '').slice(0, 5000),
    why: '',
    blocking: '',
    responsible: '',
    questionId: spec.questionId ?? null,
    sourceId: spec.sourceId ?? null,
    order,
    authorId: editor.user.id,
    createdAt: now,
    updatedAt: now,
  }
}

export const nextOrder = (editor: Editor): number =>
  Math.max(
    0,
    ...entries(editor.doc)
      .all()
      .map((e) => e.order),
  ) + 1

export const addEntries = defineAction<NewEntry[]>({
  id: 'addEntries',
  label: 'notes-add-entry',
  mutates: true,
  perform(editor, specs) {
    const start = nextOrder(editor)
    entries(editor.doc).add(
      specs.map((spec, i) => entryRecord(editor, spec, start + i)),
      LOCAL_ORIGIN,
    )
  },
})

export const updateEntry = defineAction<{ id: string; patch: RecordPatch }>({
  id: 'updateEntry',
  label: 'notes-edit-entry',
  mutates: true,
  perform(editor, { id, patch }) {
    entries(editor.doc).update([[id, patch]], LOCAL_ORIGIN)
  },
})

export const removeEntry = defineAction<string>({
  id: 'removeEntry',
  label: 'notes-remove-entry',
  mutates: true,
  perform(editor, id) {
    entries(editor.doc).delete([id], LOCAL_ORIGIN)
  },
})

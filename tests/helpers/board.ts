import type * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, readItems } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'

export const note = (id: string, text = id, extra: Partial<NoteRecord> = {}): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  text,
  ...extra,
})

/** Adds post-its the way a user's action would. */
export const addNotes = (doc: Y.Doc, ...notes: NoteRecord[]) => addItems(doc, notes, LOCAL_ORIGIN)

/** The texts of a board's post-its by id, for comparing what two documents hold. */
export function noteTexts(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of readItems(doc)) if (item.kind === 'note') out[item.id] = item.text
  return out
}

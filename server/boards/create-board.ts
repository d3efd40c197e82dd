import * as Y from 'yjs'
import { addItems, initBoard, SYSTEM_ORIGIN } from '../../shared/doc/index.ts'
import { newId } from '../../shared/schema/index.ts'
import { buildTemplate } from '../../shared/templates/index.ts'
import type { BoardStore } from '../persistence/store.ts'

export interface NewBoard {
  title?: string
  template?: string
  options?: unknown
}

/**
 * Writes a new board, filled from its template, as the first update of its log.
 * Throws SchemaError (from the template) when the template or its options are wrong.
 */
export async function createBoard(store: BoardStore, input: NewBoard): Promise<string> {
  const now = Date.now()
  const built = buildTemplate(input.template ?? 'blank', input.options, { now, authorId: '' })
  const doc = new Y.Doc()
  try {
    const meta = { ...built.meta, createdAt: now }
    if (input.title !== undefined) meta.title = input.title
    initBoard(doc, meta)
    addItems(doc, built.items, SYSTEM_ORIGIN)
    const id = newId()
    await store.append(id, [Y.encodeStateAsUpdate(doc)])
    return id
  } finally {
    doc.destroy()
  }
}

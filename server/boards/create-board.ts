import * as Y from 'yjs'
import { newId } from '../../shared/schema/index.ts'
import { createBoard as fillBoard } from '../../shared/templates/index.ts'
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
  const doc = new Y.Doc()
  try {
    // The template's items, connectors (the legend), tags and setup, in one transaction.
    fillBoard(doc, input, { now, authorId: '' })
    const id = newId()
    await store.append(id, [Y.encodeStateAsUpdate(doc)])
    return id
  } finally {
    doc.destroy()
  }
}

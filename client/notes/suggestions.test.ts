import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SYSTEM_ORIGIN,
  connectors,
  entries,
  initBoard,
  items,
  scribeNotes,
} from '../../shared/doc/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { boldPoints, questionArrows } from './suggestions.ts'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc)
  items(doc).add(
    [
      { id: 'a', kind: 'note', ...recordTypes.note.defaults(), text: 'Validation' },
      { id: 'b', kind: 'note', ...recordTypes.note.defaults(), text: 'Beta' },
    ],
    SYSTEM_ORIGIN,
  )
  const arrow = (id: string, marker: 'question' | 'heart', label = '') => ({
    id,
    kind: 'connector' as const,
    ...recordTypes.connector.defaults(),
    from: { itemId: 'a', x: 0, y: 0 },
    to: { itemId: 'b', x: 1, y: 0 },
    marker,
    label,
  })
  connectors(doc).add(
    [arrow('q1', 'question'), arrow('q2', 'question', 'Who decides?'), arrow('h1', 'heart')],
    SYSTEM_ORIGIN,
  )
  const p = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  p.insert(0, [text])
  scribeNotes(doc, 'plenary').insert(0, [p])
  text.insert(0, 'Decision: ')
  text.insert(10, 'owners sign off', { bold: {} })
  text.insert(25, ' and ', { bold: null })
  text.insert(30, 'ok', { bold: {} })
  return doc
}

describe('suggestions for the structured notes', () => {
  it('offers question-mark arrows by label or by their ends, until one is listed', () => {
    const doc = board()
    expect(questionArrows(doc)).toEqual([
      { sourceId: 'q1', text: 'Validation → Beta' },
      { sourceId: 'q2', text: 'Who decides?' },
    ])
    entries(doc).add(
      [{ id: 'e1', kind: 'entry', ...recordTypes.entry.defaults(), sourceId: 'q1' }],
      SYSTEM_ORIGIN,
    )
    expect(questionArrows(doc).map((s) => s.sourceId)).toEqual(['q2'])
  })

  it('offers bold scribe points (TipTap marks) that no entry holds yet', () => {
    const doc = board()
    expect(boldPoints(doc)).toEqual([{ sourceId: null, text: 'owners sign off' }])
    entries(doc).add(
      [{ id: 'e1', kind: 'entry', ...recordTypes.entry.defaults(), text: 'owners sign off' }],
      SYSTEM_ORIGIN,
    )
    expect(boldPoints(doc)).toEqual([])
  })
})

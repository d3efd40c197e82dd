import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SYSTEM_ORIGIN, initBoard, items, people } from '../doc/index.ts'
import { recordTypes, type NoteRecord } from '../schema/index.ts'
import { renderExport, snapshotBoard } from './index.ts'

function board(named: boolean): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Privacy' })
  const note = (id: string, authorId: string): NoteRecord => ({
    id,
    kind: 'note',
    ...recordTypes.note.defaults(),
    text: `by ${id}`,
    authorId,
  })
  items(doc).add([note('n1', 'u-ada'), note('n2', 'u-bob')], SYSTEM_ORIGIN)
  people(doc).add(
    [
      { id: 'u-ada', kind: 'person', name: 'Ada Lovelace', named },
      { id: 'u-bob', kind: 'person', name: 'Bob Secret', named: false },
    ],
    SYSTEM_ORIGIN,
  )
  return doc
}

describe('people who choose to be named', () => {
  it('are named by the name they gave; nobody else is', () => {
    const s = snapshotBoard(board(true))
    expect(s.looseNotes.map((n) => n.author)).toEqual(['Ada Lovelace', null])
    const csv = renderExport(board(true), 'csv').body
    expect(csv).toContain('Ada Lovelace')
    expect(csv).not.toContain('Bob')
    const json = renderExport(board(true), 'json').body
    expect(json).toContain('"u-ada"')
    expect(json).toContain('Ada Lovelace')
    expect(json).not.toContain('u-bob')
    expect(json).not.toContain('Bob Secret')
  })

  it('are not named by default, in any format', () => {
    for (const format of ['wikitext', 'markdown', 'json', 'csv'] as const) {
      const body = renderExport(board(false), format).body
      expect(body, format).not.toMatch(/Ada|Bob|u-ada|u-bob/)
    }
  })

  it('an explicit namedAuthors still wins over the board', () => {
    const s = snapshotBoard(board(true), { namedAuthors: new Set() })
    expect(s.looseNotes.map((n) => n.author)).toEqual([null, null])
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { items, scribeNotes } from '../../shared/doc/index.ts'
import {
  buildExport,
  exportJson,
  importJson,
  renderExport,
  type BoardExport,
} from '../../shared/export/index.ts'
import { SchemaError } from '../../shared/schema/index.ts'
import { buildHostileBoard } from '../fixtures/hostile-board.ts'
import { buildSeedBoard } from '../fixtures/seed-board.ts'

const NOW = new Date('2018-10-23T12:00:00.000Z')
const all = { namedAuthors: 'all' as const, now: NOW }

function roundTrip(doc: Y.Doc) {
  const first = exportJson(doc, all)
  const copy = new Y.Doc()
  importJson(copy, first)
  return { first, copy, second: exportJson(copy, all) }
}

describe('JSON export', () => {
  it('is a versioned envelope holding every record and the scribe notes', () => {
    const file = buildExport(buildSeedBoard(), all)
    expect(file).toMatchObject({
      type: 'workshop-board',
      version: 2,
      source: 'workshop-board',
      exportedAt: '2018-10-23T12:00:00.000Z',
    })
    const kinds = new Set(file.board.records.map((r) => r.kind))
    expect([...kinds].sort()).toEqual(
      ['connector', 'dot', 'entry', 'frame', 'note', 'round', 'tag'].sort(),
    )
    expect(Object.keys(file.board.scribe)).toEqual(['f-wmf', 'plenary'])
    expect(file.board.setup.theme).toBe('Working together, decision making and responsibilities')
  })

  it('round-trips the seed board exactly', () => {
    const { first, copy, second } = roundTrip(buildSeedBoard())
    expect(second).toBe(first)
    expect(renderExport(copy, 'wikitext').body).toBe(
      renderExport(buildSeedBoard(), 'wikitext').body,
    )
  })

  it('round-trips a board full of markup', () => {
    const { first, second } = roundTrip(buildHostileBoard())
    expect(second).toBe(first)
  })

  it('replaces what the target board held', () => {
    const target = buildSeedBoard()
    importJson(target, exportJson(buildHostileBoard(), all))
    expect(exportJson(target, all)).toBe(exportJson(buildHostileBoard(), all))
    expect(items(target).get('f-group2')).toBeNull()
  })

  it('keeps scribe elements, attributes and marks it does not render', () => {
    const doc = new Y.Doc()
    const fragment = scribeNotes(doc, 'plenary')
    const heading = new Y.XmlElement('heading')
    fragment.insert(0, [heading])
    heading.setAttribute('level', 2 as unknown as string)
    const text = new Y.XmlText()
    heading.insert(0, [text])
    text.insert(0, 'Hi ', {})
    text.insert(3, 'there', { bold: true, link: { href: 'https://example.org' } })
    const { first, second } = roundTrip(doc)
    expect(second).toBe(first)
    expect(JSON.parse(first).board.scribe.plenary[0]).toEqual({
      type: 'element',
      name: 'heading',
      attrs: { level: 2 },
      children: [
        {
          type: 'text',
          delta: [
            { insert: 'Hi ' },
            { insert: 'there', attributes: { bold: true, link: { href: 'https://example.org' } } },
          ],
        },
      ],
    })
  })
})

describe('JSON import refuses bad files and changes nothing', () => {
  const valid = () => JSON.parse(exportJson(buildSeedBoard(), all)) as BoardExport
  const withRecord = (patch: (records: Record<string, unknown>[]) => void) => {
    const file = valid()
    patch(file.board.records)
    return file
  }

  const cases: [string, () => unknown, RegExp][] = [
    ['malformed JSON', () => '{"type": "workshop-board", ', /^malformed JSON/],
    ['not an object', () => '[1, 2]', /expected a JSON object/],
    ['an empty string', () => '', /^malformed JSON/],
    ['an unknown type', () => ({ ...valid(), type: 'excalidraw' }), /type is "excalidraw"/],
    ['a missing type', () => ({ version: 1 }), /type is missing/],
    ['a future version', () => ({ ...valid(), version: 3 }), /format version 3, newer than/],
    ['a broken version', () => ({ ...valid(), version: '1' }), /^version:/],
    [
      'a future schema',
      () => ({ ...valid(), board: { ...valid().board, schemaVersion: 99 } }),
      /schemaVersion: 99 is newer/,
    ],
    [
      'a future record version',
      () => ({ ...valid(), board: { ...valid().board, recordVersions: { note: 7 } } }),
      /note .*version 7 is newer/,
    ],
    [
      'an invalid record',
      () => withRecord((r) => (r.find((x) => x.kind === 'note')!.color = 'chartreuse')),
      /board\.records\[\d+\] \(note "[^"]+"\): color/,
    ],
    [
      'an unknown record kind',
      () => withRecord((r) => r.push({ id: 'x', kind: 'spaceship' })),
      /unknown record kind "spaceship"/,
    ],
    [
      'a record with a bad id',
      () => withRecord((r) => r.push({ ...r[0], id: 'no spaces!' })),
      /\): id: ids use letters/,
    ],
    [
      'duplicate ids',
      () => withRecord((r) => r.push({ ...r.find((x) => x.kind === 'tag')! })),
      /duplicate tag id/,
    ],
    [
      'a bad scribe node',
      () => {
        const f = valid()
        f.board.scribe.plenary = [{ type: 'element', name: '<script>', attrs: {}, children: [] }]
        return f
      },
      /scribe\.plenary\.0\.name/,
    ],
    [
      'absurdly deep scribe notes',
      () => {
        const f = valid()
        let node: Record<string, unknown> = { type: 'text', delta: [{ insert: 'x' }] }
        for (let i = 0; i < 500; i++)
          node = { type: 'element', name: 'p', attrs: {}, children: [node] }
        f.board.scribe.plenary = [node as never]
        return f
      },
      /nested \d+ levels deep/,
    ],
    ['a missing board', () => ({ ...valid(), board: undefined }), /board/],
  ]

  it.each(cases)('refuses %s', (_name, make, message) => {
    const doc = buildSeedBoard()
    const before = Y.encodeStateAsUpdate(doc)
    const input = make()
    expect(() => importJson(doc, input)).toThrow(SchemaError)
    expect(() => importJson(doc, input)).toThrow(message)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItems,
  connectors,
  dots,
  entries,
  initBoard,
  items,
  rounds,
  scribeNotes,
  tags,
  updateSetup,
} from '../../shared/doc/index.ts'
import { SYSTEM_ORIGIN } from '../../shared/doc/origins.ts'
import {
  buildExport,
  exportJson,
  importJson,
  renderExport,
  type BoardExport,
} from '../../shared/export/index.ts'
import {
  LICENSES,
  NOTE_COLORS,
  NOTE_SECTIONS,
  SchemaError,
  type ConnectorRecord,
  type DotRecord,
  type EntryRecord,
  type Item,
  type RoundRecord,
  type TagRecord,
} from '../../shared/schema/index.ts'
import { buildHostileBoard } from '../fixtures/hostile-board.ts'
import { writeBlocks, type BlockSpec, type RunSpec } from '../fixtures/board-builder.ts'
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
      version: 1,
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
    ['a future version', () => ({ ...valid(), version: 2 }), /format version 2, newer than/],
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

// Random boards: every record kind, with text in many scripts.

const SAMPLES = [
  'שלום עולם',
  'مرحبا بالعالم',
  '😀🎉👩🏽‍💻',
  '会议记录',
  '\u202Eevil\u202C',
  '== x ==',
  "'''",
  '[[x]] {{y}}',
  '',
  ' ',
  'a\nb',
]
const text = (max = 60) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.constantFrom(...SAMPLES),
    fc.string({ maxLength: max }),
  )
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/)
const coord = fc.integer({ min: -5000, max: 5000 })
const extent = fc.integer({ min: 1, max: 3000 })
const time = fc.integer({ min: 0, max: 2_000_000_000_000 })
const color = fc.constantFrom(...NOTE_COLORS)
const author = fc.constantFrom('', 'alice', 'bob', 'carol', 'anon-1')

const base = (kind: string) =>
  fc.record({
    id,
    kind: fc.constant(kind),
    x: coord,
    y: coord,
    w: extent,
    h: extent,
    // JSON has no -0 (it writes 0), so a board holding -0 comes back with 0.
    z: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
    parentId: fc.option(id, { nil: null }),
    authorId: author,
    createdAt: time,
    updatedAt: time,
  })

const itemArb: fc.Arbitrary<Item> = fc.oneof(
  fc
    .tuple(
      base('note'),
      fc.record({
        color,
        text: text(),
        laneId: fc.option(id, { nil: null }),
        tags: fc.array(id, { maxLength: 4 }),
        step: fc.constantFrom('none', 'exists', 'missing'),
        involved: text(20),
        takeaway: fc.option(text(20), { nil: null }),
      }),
    )
    .map(([b, n]) => ({ ...b, ...n }) as Item),
  fc
    .tuple(
      base('frame'),
      fc.record({
        color,
        title: text(),
        lanes: fc.array(fc.record({ id, title: text(20) }), { maxLength: 3 }),
        takeawayHeadings: fc.array(text(20), { maxLength: 3 }),
      }),
    )
    .map(([b, f]) => ({ ...b, ...f }) as Item),
  fc
    .tuple(base('label'), fc.record({ text: text(), fontSize: fc.integer({ min: 6, max: 400 }) }))
    .map(([b, l]) => ({ ...b, ...l }) as Item),
)

const end = fc.record({ itemId: fc.option(id, { nil: null }), x: coord, y: coord })
const connectorArb: fc.Arbitrary<ConnectorRecord> = fc.record({
  id,
  kind: fc.constant('connector' as const),
  from: end,
  to: end,
  line: fc.constantFrom('solid', 'broken'),
  arrowStart: fc.boolean(),
  arrowEnd: fc.boolean(),
  marker: fc.constantFrom('none', 'heart', 'question'),
  label: text(30),
  color: fc.constantFrom(...NOTE_COLORS, 'black' as const),
  z: fc.integer(),
  authorId: author,
  createdAt: time,
  updatedAt: time,
})
const tagArb: fc.Arbitrary<TagRecord> = fc.record({
  id,
  kind: fc.constant('tag' as const),
  name: text(20).filter((s) => s.length >= 1 && s.length <= 60),
  color,
})
const entryArb: fc.Arbitrary<EntryRecord> = fc.record({
  id,
  kind: fc.constant('entry' as const),
  section: fc.constantFrom(...NOTE_SECTIONS),
  text: text(),
  why: text(),
  blocking: text(),
  responsible: text(20),
  questionId: fc.option(id, { nil: null }),
  sourceId: fc.option(id, { nil: null }),
  order: fc.integer(),
  authorId: author,
  createdAt: time,
  updatedAt: time,
})
const roundArb: fc.Arbitrary<RoundRecord> = fc.record({
  id,
  kind: fc.constant('round' as const),
  title: text(20),
  scope: fc.constantFrom('board', 'frames', 'takeaways'),
  frameIds: fc.array(id, { maxLength: 3 }),
  dotsPerPerson: fc.integer({ min: 1, max: 100 }),
  maxPerItem: fc.integer({ min: 1, max: 100 }),
  anonymous: fc.boolean(),
  hideUntilReveal: fc.boolean(),
  deadline: fc.option(time, { nil: null }),
  state: fc.constantFrom('open', 'closed', 'revealed'),
  openedAt: time,
  closedAt: fc.option(time, { nil: null }),
  revealedAt: fc.option(time, { nil: null }),
})
const dotArb: fc.Arbitrary<DotRecord> = fc.record({
  id,
  kind: fc.constant('dot' as const),
  roundId: id,
  itemId: id,
  voterId: author,
  createdAt: time,
})
const run: fc.Arbitrary<RunSpec> = fc.oneof(
  text(20),
  text(20).map((bold) => ({ bold })),
)
const blockArb: fc.Arbitrary<BlockSpec> = fc.oneof(
  fc.array(run, { maxLength: 4 }).map((p) => ({ p })),
  fc.array(fc.array(run, { maxLength: 3 }), { maxLength: 3 }).map((ul) => ({ ul })),
  fc.array(fc.array(run, { maxLength: 3 }), { maxLength: 3 }).map((ol) => ({ ol })),
)

const unique = <T extends { id: string }>(arb: fc.Arbitrary<T>, max: number) =>
  fc.uniqueArray(arb, { selector: (r) => r.id, maxLength: max })

const boardArb = fc.record({
  title: text(40),
  setup: fc.record({
    theme: text(),
    leaders: text(),
    facilitator: text(),
    scribes: text(),
    description: text(200),
    attendees: text(),
    license: fc.constantFrom(...LICENSES),
    questions: unique(fc.record({ id, text: text() }), 4),
  }),
  items: unique(itemArb, 12),
  connectors: unique(connectorArb, 5),
  tags: unique(tagArb, 4),
  entries: unique(entryArb, 6),
  rounds: unique(roundArb, 3),
  dots: unique(dotArb, 8),
  scribe: fc.dictionary(
    fc.oneof(fc.constant('plenary'), id),
    fc.array(blockArb, { maxLength: 4 }),
    {
      maxKeys: 3,
    },
  ),
})

type BoardSpec = typeof boardArb extends fc.Arbitrary<infer T> ? T : never

function buildBoard(generated: BoardSpec): Y.Doc {
  // fast-check may build null-prototype objects, which Yjs refuses; real records never are.
  const spec = structuredClone(generated)
  const doc = new Y.Doc()
  doc.transact(() => {
    initBoard(doc, { title: spec.title, createdAt: 5 })
    updateSetup(doc, spec.setup, SYSTEM_ORIGIN)
    addItems(doc, spec.items, SYSTEM_ORIGIN)
    connectors(doc).add(spec.connectors, SYSTEM_ORIGIN)
    tags(doc).add(spec.tags, SYSTEM_ORIGIN)
    entries(doc).add(spec.entries, SYSTEM_ORIGIN)
    rounds(doc).add(spec.rounds, SYSTEM_ORIGIN)
    dots(doc).add(spec.dots, SYSTEM_ORIGIN)
    for (const [scope, blocks] of Object.entries(spec.scribe)) {
      writeBlocks(scribeNotes(doc, scope), blocks)
    }
  }, SYSTEM_ORIGIN)
  return doc
}

describe('JSON round trip of random boards', () => {
  it('export, import into an empty board, export again: the same file and the same content', () => {
    fc.assert(
      fc.property(boardArb, (spec) => {
        const original = buildBoard(spec)
        const { first, copy, second } = roundTrip(original)
        expect(second).toBe(first)
        for (const coll of [items, connectors, tags, entries, rounds]) {
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
          expect(coll(copy).all().sort(byId)).toEqual(coll(original).all().sort(byId))
        }
        for (const format of ['wikitext', 'markdown', 'csv'] as const) {
          expect(renderExport(copy, format).body).toBe(renderExport(original, format).body)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('also through a Yjs update, as a stored board would travel', () => {
    fc.assert(
      fc.property(boardArb, (spec) => {
        const original = buildBoard(spec)
        const copy = new Y.Doc()
        importJson(copy, exportJson(original, all))
        const replica = new Y.Doc()
        Y.applyUpdate(replica, Y.encodeStateAsUpdate(copy))
        expect(exportJson(replica, all)).toBe(exportJson(original, all))
      }),
      { numRuns: 50 },
    )
  })
})

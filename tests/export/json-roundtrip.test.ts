/**
 * Export a random board to JSON, import it into another board, and compare the two documents:
 * every collection the schema registry declares, the setup, the facilitation state and the scribe
 * notes. The arbitraries are one per record kind in a table typed by the registry's kinds, so a
 * kind (or a field) added to the schema and forgotten here is a compile error, not a silent gap.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  allCollections,
  collection,
  initBoard,
  readFacilitation,
  readMeta,
  readSetup,
  scribeNotes,
  scribeScopes,
  SYSTEM_ORIGIN,
  updateFacilitation,
  updateSetup,
} from '../../shared/doc/index.ts'
import {
  AGENDA_PART_KINDS,
  COLLECTION_NAMES,
  LICENSES,
  NOTE_COLORS,
  AGREEMENTS,
  ENTRY_LAYOUTS,
  NOTE_SECTIONS,
  URGENCIES,
  RECORD_KINDS,
  recordTypes,
  type AnyRecord,
  type CommentRecord,
  type ConnectorRecord,
  type DotRecord,
  type EntryRecord,
  type Facilitation,
  type FrameRecord,
  type LabelRecord,
  type NoteRecord,
  type PersonRecord,
  type RecordKind,
  type RecordOf,
  type RoundRecord,
  type TagRecord,
} from '../../shared/schema/index.ts'
import { exportJson, importJson } from '../../shared/export/json.ts'
import { fragmentToJson } from '../../shared/export/scribe-json.ts'
import { writeBlocks, type BlockSpec, type RunSpec } from '../fixtures/board-builder.ts'

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

const noteArb = fc
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
  .map(([b, n]) => ({ ...b, ...n }) as NoteRecord)
const frameArb = fc
  .tuple(
    base('frame'),
    fc.record({
      color,
      title: text(),
      lanes: fc.array(fc.record({ id, title: text(20) }), { maxLength: 3 }),
      takeawayHeadings: fc.array(text(20), { maxLength: 3 }),
    }),
  )
  .map(([b, f]) => ({ ...b, ...f }) as FrameRecord)
const labelArb = fc
  .tuple(base('label'), fc.record({ text: text(), fontSize: fc.integer({ min: 6, max: 400 }) }))
  .map(([b, l]) => ({ ...b, ...l }) as LabelRecord)

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
  ownerId: fc.option(author, { nil: null }),
  ownerName: text(20),
  dueAt: fc.option(time, { nil: null }),
  dueZone: fc.constantFrom('', 'UTC', 'Europe/Berlin', 'America/New_York'),
  agreement: fc.constantFrom(...AGREEMENTS),
  urgency: fc.constantFrom(...URGENCIES),
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

const personArb: fc.Arbitrary<PersonRecord> = fc.record({
  id,
  kind: fc.constant('person' as const),
  name: text(20).filter((s) => s.length <= 80),
  named: fc.boolean(),
})
const commentArb: fc.Arbitrary<CommentRecord> = fc.record({
  id,
  kind: fc.constant('comment' as const),
  targetId: id,
  threadId: fc.option(id, { nil: null }),
  text: text(),
  authorId: author,
  authorName: text(20),
  createdAt: time,
  updatedAt: time,
  resolved: fc.boolean(),
})

/** One arbitrary per record kind: the registry's kinds, all of them. */
const arbitraries: { [K in RecordKind]: fc.Arbitrary<RecordOf<K>> } = {
  note: noteArb,
  frame: frameArb,
  label: labelArb,
  connector: connectorArb,
  tag: tagArb,
  entry: entryArb,
  round: roundArb,
  dot: dotArb,
  person: personArb,
  comment: commentArb,
}

const facilitationArb: fc.Arbitrary<Facilitation> = fc.record({
  agenda: fc.array(
    fc.record({
      id,
      title: text(20),
      kind: fc.constantFrom(...AGENDA_PART_KINDS),
      minutes: fc.integer({ min: 0, max: 240 }),
    }),
    { maxLength: 4 },
  ),
  currentPartId: fc.option(id, { nil: null }),
  timer: fc.record({
    state: fc.constantFrom('stopped', 'running', 'paused'),
    durationMs: fc.integer({ min: 0, max: 3_600_000 }),
    endsAt: fc.option(time, { nil: null }),
    remainingMs: fc.integer({ min: 0, max: 3_600_000 }),
  }),
  phase: fc.record({
    kind: fc.constantFrom('none', 'writing', 'voting'),
    deadline: fc.option(time, { nil: null }),
    private: fc.boolean(),
    frameId: fc.option(id, { nil: null }),
  }),
  focus: fc.option(
    fc.record({ at: time, x: coord, y: coord, w: extent, frameId: fc.option(id, { nil: null }) }),
    { nil: null },
  ),
})

/** Records of every kind, ids unique within each collection (as the document keys them). */
const recordsArb: fc.Arbitrary<AnyRecord[]> = fc
  .tuple(
    ...RECORD_KINDS.map((kind) =>
      fc.array(arbitraries[kind] as fc.Arbitrary<AnyRecord>, { maxLength: 4 }),
    ),
  )
  .map((groups) => {
    const seen = new Set<string>()
    return groups.flat().filter((r) => {
      const key = `${recordTypes[r.kind].collection}/${r.id}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })

const boardArb = fc.record({
  title: text(40),
  setup: fc.record({
    theme: text(),
    exercises: text(),
    leaders: text(),
    facilitator: text(),
    scribes: text(),
    description: text(200),
    attendees: text(),
    license: fc.constantFrom(...LICENSES),
    questions: fc.uniqueArray(fc.record({ id, text: text() }), {
      selector: (q) => q.id,
      maxLength: 4,
    }),
    entryLayout: fc.constantFrom(...ENTRY_LAYOUTS),
    showUnvoted: fc.boolean(),
  }),
  facilitation: facilitationArb,
  records: recordsArb,
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
    updateFacilitation(doc, spec.facilitation, SYSTEM_ORIGIN)
    for (const name of COLLECTION_NAMES) {
      const group = spec.records.filter((r) => recordTypes[r.kind].collection === name)
      collection(doc, name).add(group, SYSTEM_ORIGIN)
    }
    for (const [scope, blocks] of Object.entries(spec.scribe)) {
      writeBlocks(scribeNotes(doc, scope), blocks)
    }
  }, SYSTEM_ORIGIN)
  return doc
}

/**
 * The whole board as plain data: what two equal boards must share. Voters in anonymous rounds
 * leave the board as stand-ins by design ("voter-1"), so only that they voted is compared.
 */
function contents(doc: Y.Doc) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
  const anonymous = new Set(
    collection<RoundRecord>(doc, 'rounds')
      .all()
      .filter((r) => r.anonymous)
      .map((r) => r.id),
  )
  const seenAs = (r: AnyRecord) =>
    r.kind === 'dot' && anonymous.has(r.roundId) ? { ...r, voterId: '(anonymous)' } : r
  return {
    meta: readMeta(doc),
    setup: readSetup(doc),
    facilitation: readFacilitation(doc),
    collections: Object.fromEntries(
      allCollections(doc).map((c) => [c.name, c.all().sort(byId).map(seenAs)] as const),
    ),
    scribe: Object.fromEntries(
      scribeScopes(doc)
        .map((scope) => [scope, fragmentToJson(scribeNotes(doc, scope))] as const)
        .filter(([, nodes]) => nodes.length > 0),
    ),
  }
}

const all = { namedAuthors: 'all' as const, now: new Date('2018-10-23T12:00:00.000Z') }

describe('JSON round trip of random boards', () => {
  it('holds every kind the registry declares', () => {
    expect(Object.keys(arbitraries).sort()).toEqual([...RECORD_KINDS].sort())
  })

  it('export, then import into a board holding something else: the same document', () => {
    fc.assert(
      fc.property(boardArb, boardArb, (spec, other) => {
        const original = buildBoard(spec)
        // The target's old content (comments on post-its that will be gone, too) must not stay.
        const copy = buildBoard(other)
        importJson(copy, exportJson(original, all))
        expect(contents(copy)).toEqual(contents(original))
      }),
      { numRuns: 120 },
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
        expect(contents(replica)).toEqual(contents(original))
        expect(exportJson(replica, all)).toBe(exportJson(original, all))
      }),
      { numRuns: 40 },
    )
  })
})

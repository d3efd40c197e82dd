/**
 * A roadmap session built live, as a third-party client would: stock WebsocketProvider clients
 * write the documented schema, votes go through message type 102, and the exports come from the
 * HTTP API. Every connection, lane, tag, owner, deadline, agenda part and vote count must be on
 * the wikitext page (which lints clean in wikiparser-node) and in the Markdown (markdown-it).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Parser from 'wikiparser-node'
import type * as Y from 'yjs'
import {
  addItems,
  connectors,
  dots,
  entries,
  LOCAL_ORIGIN,
  people,
  rounds,
  tags,
  updateFacilitation,
  updateSetup,
} from '../../shared/doc/index.ts'
import { pictureScene } from '../../shared/export/picture.ts'
import { renderSvg } from '../../shared/export/svg.ts'
import { recordTypes, type Setup } from '../../shared/schema/index.ts'
import { arrow, entry, frame, label, note } from '../fixtures/board-builder.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import {
  connectPerson,
  newPerson,
  type Person,
  type PersonClient,
} from '../integration/facilitation-client.ts'
import { visibleLines } from './helpers.ts'

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')
const md = new MarkdownIt({ html: true })

let server: TestServer
let board: CreatedBoard
let facilitator: PersonClient
let ada: Person
let bob: Person
const clients: PersonClient[] = []

/** 2026-12-11 16:00 UTC, 17:00 in Berlin. */
const DUE = Date.UTC(2026, 11, 11, 16, 0)
const DUE_TEXT = '2026-12-11 17:00 Europe/Berlin (UTC+01:00)'
const DUE_UTC = Date.UTC(2026, 11, 18, 9, 30)
const DUE_UTC_TEXT = '2026-12-18 09:30 UTC'

const lane = (id: string, title: string) => ({ id, title })
const at = (x: number, y: number) => ({ x, y, w: 160, h: 120 })

async function connect(token: string, person: Person): Promise<PersonClient> {
  const c = connectPerson(server.url, board.id, token, person)
  clients.push(c)
  await c.synced()
  return c
}

/** What the server's copy of the board holds, once it holds `check`. */
async function serverHas(check: (doc: Y.Doc) => void) {
  await eventually(async () => {
    const room = await server.rooms.loaded(board.id)
    expect(room).toBeTruthy()
    check(room!.doc)
  })
}

const exported = async (format: 'wikitext' | 'markdown') => {
  const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${board.tokens.viewer}` },
  })
  expect(res.status).toBe(200)
  return res.text()
}

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'Roadmap 2027' })
  facilitator = await connect(board.tokens.facilitator, await newPerson())
  ;[ada, bob] = [await newPerson(), await newPerson()]
  const a = await connect(board.tokens.participant, ada)
  const b = await connect(board.tokens.participant, bob)

  // The facilitator sets the session up: setup, agenda (the second part running).
  updateSetup(
    facilitator.doc,
    { theme: 'Roadmap', exercises: 'Dependency mapping', showUnvoted: true },
    LOCAL_ORIGIN,
  )
  updateFacilitation(
    facilitator.doc,
    {
      agenda: [
        { id: 'p1', title: 'Roadmap posters', kind: 'breakouts', minutes: 25 },
        { id: 'p2', title: 'Connections', kind: 'discussion', minutes: 20 },
        { id: 'p3', title: 'Dot voting', kind: 'other', minutes: 10 },
        { id: 'p4', title: 'Wrap-up', kind: 'wrap-up', minutes: 5 },
      ],
      currentPartId: 'p2',
    },
    LOCAL_ORIGIN,
  )

  // Participants name themselves in exports, make tags, posters and post-its in lanes.
  people(a.doc).add([{ id: ada.id, kind: 'person', name: 'Ada', named: true }], LOCAL_ORIGIN)
  people(b.doc).add([{ id: bob.id, kind: 'person', name: 'Bob', named: true }], LOCAL_ORIGIN)
  tags(a.doc).add(
    [
      { id: 't-sre', kind: 'tag', name: 'SRE', color: 'blue' },
      { id: 't-pm', kind: 'tag', name: 'PM', color: 'green' },
    ],
    LOCAL_ORIGIN,
  )
  const lanes = [lane('now', 'Now'), lane('next', 'Next')]
  addItems(
    a.doc,
    [
      frame('parser', { title: 'Parser', x: 0, y: 0, w: 800, h: 600, lanes }),
      frame('runtime', { title: 'Runtime', x: 1000, y: 0, w: 800, h: 600, lanes }),
      frame('release', { title: 'Release', x: 2000, y: 0, w: 800, h: 600 }),
      note('lexer', { parentId: 'parser', laneId: 'now', ...at(40, 120), text: 'Lexer rewrite' }),
      note('grammar', {
        parentId: 'parser',
        laneId: 'next',
        ...at(440, 120),
        text: 'Grammar v2',
        tags: ['t-pm'],
      }),
      note('prop7', {
        parentId: 'parser',
        laneId: 'next',
        ...at(440, 320),
        text: 'Proposition 7',
        tags: ['t-pm', 't-sre'],
      }),
      note('jit', {
        parentId: 'runtime',
        laneId: 'now',
        ...at(1040, 120),
        text: 'JIT compiler',
        tags: ['t-sre'],
      }),
      note('gc', { parentId: 'runtime', laneId: 'next', ...at(1440, 120), text: 'New GC' }),
      note('bench', { parentId: 'runtime', laneId: 'next', ...at(1440, 320), text: 'Benchmarks' }),
      note('ship', { parentId: 'release', ...at(2040, 120), text: 'Ship 1.0' }),
      label('milestone', { x: 1200, y: 800, text: 'Milestone: Q2 freeze' }),
    ],
    LOCAL_ORIGIN,
  )
  connectors(b.doc).add(
    [
      // Within posters: a process map each.
      arrow('in-solid', 'lexer', 'grammar', { label: 'tokens first' }),
      arrow('in-heart', 'grammar', 'prop7', { marker: 'heart' }),
      arrow('in-broken', 'jit', 'gc', { line: 'broken', label: 'GC pauses' }),
      arrow('in-question', 'gc', 'bench', { marker: 'question' }),
      // Between posters, and to a poster, a label and a free point.
      arrow('x-dep', 'grammar', 'jit', { label: 'needs the new AST' }),
      arrow('x-block', 'gc', 'release', { line: 'broken', label: 'memory leaks' }),
      arrow('x-question', 'ship', 'milestone', { marker: 'question', label: 'which date?' }),
      arrow('x-back', 'ship', 'prop7', { arrowStart: true, arrowEnd: false }),
      {
        ...arrow('x-free', 'bench', 'bench'),
        to: { itemId: null, x: 1500, y: 900 },
        label: 'report',
      },
    ],
    LOCAL_ORIGIN,
  )

  // Scribes promote post-its to the notes, with owners and deadlines.
  entries(a.doc).add(
    [
      entry('e-act1', {
        section: 'actions',
        text: 'Write the grammar RFC',
        sourceId: 'grammar',
        ownerId: ada.id,
        dueAt: DUE,
        dueZone: 'Europe/Berlin',
        urgency: 'high',
        order: 1,
      }),
      entry('e-act2', {
        section: 'actions',
        text: 'Fix the GC leaks',
        sourceId: 'gc',
        ownerName: 'Runtime team',
        dueAt: DUE_UTC,
        why: 'Blocks the release',
        order: 2,
      }),
      entry('e-dec1', {
        section: 'decisions',
        text: 'Adopt Proposition 7',
        sourceId: 'prop7',
        ownerId: bob.id,
        agreement: 'mostly',
        urgency: 'medium',
        order: 3,
      }),
    ],
    LOCAL_ORIGIN,
  )
  await serverHas((doc) => {
    expect(entries(doc).all()).toHaveLength(3)
    expect(connectors(doc).all()).toHaveLength(9)
  })

  // A voting round through the server: Ada and Bob place their dots, then the reveal.
  rounds(facilitator.doc).add(
    [
      {
        ...recordTypes.round.defaults(),
        id: 'r1',
        kind: 'round',
        title: 'What matters most',
        dotsPerPerson: 3,
        openedAt: Date.now(),
      },
    ],
    LOCAL_ORIGIN,
  )
  await serverHas((doc) => expect(rounds(doc).get('r1')).toBeTruthy())
  for (const itemId of ['prop7', 'prop7', 'gc']) {
    expect((await a.vote({ op: 'place', roundId: 'r1', itemId })).error).toBeUndefined()
  }
  for (const itemId of ['prop7', 'ship', 'jit']) {
    expect((await b.vote({ op: 'place', roundId: 'r1', itemId })).error).toBeUndefined()
  }
  rounds(facilitator.doc).update(
    [['r1', { state: 'revealed', closedAt: Date.now(), revealedAt: Date.now() }]],
    LOCAL_ORIGIN,
  )
  await serverHas((doc) => expect(dots(doc).all()).toHaveLength(6))
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

/** Visible lines of the page in both formats, which must say the same. */
async function pages(): Promise<{ wiki: string; markdown: string; both: [string, string[]][] }> {
  const wiki = await exported('wikitext')
  const markdown = await exported('markdown')
  const root = Parser.parse(wiki)
  const errors = root.lint().filter((e) => e.severity === 'error')
  expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([])
  return {
    wiki,
    markdown,
    both: [
      ['wikitext', visibleLines(root.toHtml())],
      ['markdown', visibleLines(md.render(markdown))],
    ],
  }
}

/** The lines after `heading` up to the next heading of its level or above. */
function section(lines: string[], heading: string, next: string[]): string[] {
  const from = lines.indexOf(heading)
  expect(from, heading).toBeGreaterThanOrEqual(0)
  const rest = lines.slice(from + 1)
  const end = rest.findIndex((l) => next.includes(l))
  return end < 0 ? rest : rest.slice(0, end)
}

const setLayout = async (patch: Partial<Setup>) => {
  updateSetup(facilitator.doc, patch, LOCAL_ORIGIN)
  await serverHas((doc) => expect(doc.getMap('setup').get('entryLayout')).toBe(patch.entryLayout))
}

describe('the notes of a live roadmap session', () => {
  it('name every arrow end and meaning, between posters and within them', async () => {
    for (const [format, lines] of (await pages()).both) {
      const connections = section(lines, 'Connections', ['Other post-its', 'Dot voting results'])
      expect(connections, format).toEqual([
        '“Grammar v2” (post-it on Parser, lane Next) → “JIT compiler” (post-it on Runtime, lane Now) — → solid arrow (dependency) — label: needs the new AST',
        '“Proposition 7” (post-it on Parser, lane Next) → “Ship 1.0” (post-it on Release) — → solid arrow (dependency)',
        '“New GC” (post-it on Runtime, lane Next) → poster “Release” — ⚡ broken line (breakdown or problem) — label: memory leaks',
        '“Benchmarks” (post-it on Runtime, lane Next) → a free point — → solid arrow (dependency) — label: report',
        '“Ship 1.0” (post-it on Release) → “Milestone: Q2 freeze” (label) — ? question mark (open question) — label: which date?',
      ])
      // Per poster: what it depends on, what it blocks, its open questions.
      const parser = section(lines, 'Parser', ['Runtime'])
      expect(parser, format).toContain('Connections beyond this poster')
      expect(parser).toContain(
        'Needed by: “JIT compiler” (post-it on Runtime, lane Now) — from “Grammar v2” (post-it, lane Next) — label: needs the new AST',
      )
      // Drawn with its head at the start: it points from Proposition 7 to Ship 1.0.
      expect(parser).toContain(
        'Needed by: “Ship 1.0” (post-it on Release) — from “Proposition 7” (post-it, lane Next)',
      )
      const runtime = section(lines, 'Runtime', ['Release'])
      expect(runtime, format).toContain(
        'Depends on: “Grammar v2” (post-it on Parser, lane Next) — from “JIT compiler” (post-it, lane Now) — label: needs the new AST',
      )
      expect(runtime).toContain(
        'Blocks: poster “Release” — from “New GC” (post-it, lane Next) — label: memory leaks',
      )
      expect(runtime.filter((l) => l.includes('a free point'))).toEqual([])
      const release = section(lines, 'Release', ['Connections'])
      expect(release, format).toContain(
        'Blocked by: “New GC” (post-it on Runtime, lane Next) — label: memory leaks',
      )
      expect(release).toContain(
        'Depends on: “Proposition 7” (post-it on Parser, lane Next) — from “Ship 1.0” (post-it)',
      )
      expect(release).toContain(
        'Open question with: “Milestone: Q2 freeze” (label) — from “Ship 1.0” (post-it) — label: which date?',
      )
      // Within posters: the process maps, with the markings in words.
      expect(parser).toContain('→ step 2: Grammar v2 — label: tokens first')
      expect(parser).toContain('→ step 3: Proposition 7 — ♥ heart (good connection)')
      expect(runtime).toContain(
        '→ step 2: New GC — ⚡ broken line (breakdown or problem) — label: GC pauses',
      )
      expect(runtime).toContain('→ step 3: Benchmarks — ? question mark (open question)')
    }
  })

  it('keep post-its in their lanes with their tags, beside the process map', async () => {
    for (const [format, lines] of (await pages()).both) {
      const parser = section(lines, 'Parser', ['Runtime'])
      const next = parser.slice(parser.indexOf('Next'), parser.indexOf('Process map'))
      expect(parser.slice(parser.indexOf('Now'), parser.indexOf('Next')), format).toEqual([
        'Now',
        'Lexer rewrite',
      ])
      expect(next, format).toEqual([
        'Next',
        'Grammar v2',
        'Relates to: PM',
        'Proposition 7',
        'Relates to: PM, SRE',
      ])
      expect(parser).not.toContain('No post-its.')
      const runtime = section(lines, 'Runtime', ['Release'])
      expect(runtime.slice(runtime.indexOf('Now'), runtime.indexOf('Next')), format).toEqual([
        'Now',
        'JIT compiler',
        'Relates to: SRE',
      ])
      // Steps carry their tags in the process map too.
      const map = runtime.slice(runtime.indexOf('Process map'))
      expect(map.slice(1, 3), format).toEqual(['JIT compiler', 'Relates to: SRE'])
    }
  })

  it('keep the agenda with each part, its duration and its state', async () => {
    for (const [format, lines] of (await pages()).both) {
      expect(section(lines, 'Agenda', ['Structured notes']), format).toEqual([
        '4 parts, 60 minutes.',
        'Roadmap posters — breakouts — 25 min — done',
        'Connections — discussion — 20 min — in progress',
        'Dot voting — other — 10 min — to come',
        'Wrap-up — wrap up — 5 min — to come',
      ])
      expect(lines).toContain('Facilitation exercise(s): Dependency mapping')
    }
  })

  it('say where each entry came from, who owns it and by when, as lists', async () => {
    await setLayout({ entryLayout: 'list' })
    for (const [format, lines] of (await pages()).both) {
      expect(section(lines, 'Action items', ['New questions']), format).toEqual([
        'Write the grammar RFC',
        'From post-it: “Grammar v2” (Parser)',
        'Who is responsible? Ada',
        `Due: ${DUE_TEXT}`,
        'Urgency: high',
        'Fix the GC leaks',
        'From post-it: “New GC” (Runtime)',
        'Why is this important? Blocks the release',
        'Who is responsible? Runtime team',
        `Due: ${DUE_UTC_TEXT}`,
      ])
      expect(section(lines, 'Important decisions to make', ['Action items']), format).toEqual([
        'Adopt Proposition 7',
        'From post-it: “Proposition 7” (Parser)',
        'Who is responsible? Bob',
        'Agreement: mostly agreed',
        'Urgency: medium',
      ])
    }
  })

  it('render action items and decisions as sortable tables when the facilitator picks them', async () => {
    await setLayout({ entryLayout: 'table' })
    const { wiki, markdown } = await pages()
    const root = Parser.parse(wiki)
    const tables = root.querySelectorAll('table')
    expect(tables).toHaveLength(2)
    expect(wiki).toContain('{| class="wikitable sortable"')
    const rows = (table: string) =>
      table
        .split('\n|-\n')
        .slice(1)
        .map((row) =>
          row
            .split('\n')
            .filter((line) => line !== '|}')
            .map((cell) => cell.replace(/^\| ?/, '')),
        )
    const [decisions, actions] = tables.map((t) => rows(String(t)))
    expect(actions![0]).toEqual([
      '1',
      'Write the grammar RFC',
      'Ada',
      `data-sort-value="2026-12-11T16:00Z" | ${DUE_TEXT}`,
      'data-sort-value="3" | high',
      '',
      '',
      '“Grammar v2” (Parser)',
    ])
    expect(actions![1]!.slice(2, 4)).toEqual([
      'Runtime team',
      `data-sort-value="2026-12-18T09:30Z" | ${DUE_UTC_TEXT}`,
    ])
    expect(decisions![0]!.slice(1, 4)).toEqual([
      'Adopt Proposition 7',
      'data-sort-value="2" | mostly agreed',
      'Bob',
    ])
    // Markdown: the same rows as GitHub tables.
    const html = md.render(markdown)
    expect(html.match(/<table>/g)).toHaveLength(2)
    expect(html).toContain(
      '<td>1</td>\n<td>Write the grammar RFC</td>\n<td>Ada</td>\n<td>2026-12-11 17:00 Europe/Berlin (UTC+01:00)</td>\n<td>high</td>',
    )
    expect(html).toContain('<td>Adopt Proposition 7</td>\n<td>mostly agreed</td>\n<td>Bob</td>')
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(join(ARTIFACTS, 'live-roadmap-board.wiki'), wiki)
    writeFileSync(join(ARTIFACTS, 'live-roadmap-board.md'), markdown)
  })

  it('group the votes by poster with "(0)" for what nobody chose, and rank them', async () => {
    for (const [format, lines] of (await pages()).both) {
      const voting = section(lines, 'What matters most', [])
      expect(voting.slice(0, voting.indexOf('Overall ranking')), format).toEqual([
        'Each participant had 3 dots. 6 dots from 2 people.',
        'Parser',
        'Now',
        'Lexer rewrite (0)',
        'Next',
        'Grammar v2 (0)',
        'Proposition 7 (3) — voted by Ada, Bob',
        'Runtime',
        'Now',
        'JIT compiler (1) — voted by Bob',
        'Next',
        'New GC (1) — voted by Ada',
        'Benchmarks (0)',
        'Release',
        'Ship 1.0 (1) — voted by Bob',
      ])
      expect(voting.slice(voting.indexOf('Overall ranking') + 1, -1), format).toEqual([
        '(3) Proposition 7 — Parser',
        '(1) JIT compiler — Runtime',
        '(1) New GC — Runtime',
        '(1) Ship 1.0 — Release',
      ])
    }
    // The pictures of the posters (PNG, SVG, PDF) show the same counts on the post-its.
    await eventually(() => expect(dots(facilitator.doc).all()).toHaveLength(6))
    const parser = renderSvg(pictureScene(facilitator.doc, 'parser')!).svg
    expect(parser).toMatch(/<g data-id="prop7">[\s\S]*?data-votes="3"/)
    expect(renderSvg(pictureScene(facilitator.doc, 'release')!).svg).toContain('data-votes="1"')
  })
})

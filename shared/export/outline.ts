/**
 * The text exports' common outline: headings, paragraphs and lists with bold and italic runs,
 * built once from the snapshot. Wikitext and Markdown only differ in how they spell it, so both
 * carry the same content by construction.
 */
import type { LICENSES } from '../schema/index.ts'
import type {
  AgendaPartView,
  AnswerGroup,
  BoardConnection,
  BoardSnapshot,
  EndView,
  EntryView,
  NoteView,
  PosterView,
  ProcessMap,
  RelationKind,
  RoundView,
  SectionView,
  StepView,
} from './model.ts'
import type { Block } from './scribe.ts'

/** Text from users is always `text`; renderers escape it. Links are ours, never user input. */
export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'link'; href: string; text: string }

export interface ListItem {
  content: Inline[]
  children: ListNode[]
}

export interface ListNode {
  type: 'list'
  ordered: boolean
  items: ListItem[]
}

/** A table cell; `sortKey` is what a sortable table sorts it by, when not its text. */
export interface TableCell {
  content: Inline[]
  sortKey?: string
}

export interface TableNode {
  type: 'table'
  header: string[]
  rows: TableCell[][]
}

export type OutlineNode =
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'paragraph'; content: Inline[] }
  | ListNode
  | TableNode
  /** A picture to upload beside the page: our file name (ASCII), the caption is user text. */
  | { type: 'picture'; file: string; caption: string }
  | { type: 'rule' }

export interface Outline {
  title: string
  nodes: OutlineNode[]
}

const t = (text: string): Inline => ({ kind: 'text', text })
const b = (text: string): Inline => ({ kind: 'text', text, bold: true })
const i = (text: string): Inline => ({ kind: 'text', text, italic: true })
const h2 = (text: string): OutlineNode => ({ type: 'heading', level: 2, text })
const h3 = (text: string): OutlineNode => ({ type: 'heading', level: 3, text })
const h4 = (text: string): OutlineNode => ({ type: 'heading', level: 4, text })
const p = (...content: Inline[]): OutlineNode => ({ type: 'paragraph', content })
const item = (content: Inline[], children: ListNode[] = []): ListItem => ({ content, children })
const list = (ordered: boolean, items: ListItem[]): ListNode => ({ type: 'list', ordered, items })

/** Symbols and words for process-map markings, so they read without colour or icons. */
export const MARKINGS = {
  heart: '♥ heart (good connection)',
  broken: '⚡ broken line (breakdown or problem)',
  question: '? question mark (open question)',
  exists: '✓ exists',
  missing: '✗ missing',
  dependency: '→ solid arrow (dependency)',
} as const

/** The markings of an arrow in words and symbols; a plain solid arrow reads as a dependency. */
function arrowMarks(marker: string, line: string): string[] {
  return [
    ...(marker === 'heart' ? [MARKINGS.heart] : []),
    ...(line === 'broken' ? [MARKINGS.broken] : []),
    ...(marker === 'question' ? [MARKINGS.question] : []),
  ]
}

export const RELATION_WORDS: Record<RelationKind, string> = {
  'depends-on': 'Depends on',
  'needed-by': 'Needed by',
  'blocked-by': 'Blocked by',
  blocks: 'Blocks',
  question: 'Open question with',
  good: 'Good connection with',
  connected: 'Connected with',
}

export const AGENDA_STATES = { done: 'done', current: 'in progress', upcoming: 'to come' } as const

export const AGREEMENT_WORDS = {
  open: 'open',
  yes: 'yes, agreed',
  mostly: 'mostly agreed',
  no: 'not agreed',
} as const

export const URGENCY_WORDS = { none: '', low: 'low', medium: 'medium', high: 'high' } as const

/** What each section of the structured notes holds, as the notes page explains them. */
const SECTION_PURPOSES = {
  answers: 'Answers the questions of the session',
  features: 'What we should do based on the answers to the questions of this session',
  decisions: 'Decisions which block progress in this area',
  actions: 'Next actions to take from this session',
  questions: 'New questions revealed during this session',
} as const

const LICENSE_LINKS: Record<(typeof LICENSES)[number], [string, string] | null> = {
  'CC-BY-SA-4.0': [
    'https://creativecommons.org/licenses/by-sa/4.0/',
    'Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)',
  ],
  'CC-BY-4.0': [
    'https://creativecommons.org/licenses/by/4.0/',
    'Creative Commons Attribution 4.0 (CC BY 4.0)',
  ],
  'CC0-1.0': [
    'https://creativecommons.org/publicdomain/zero/1.0/',
    'Creative Commons Zero 1.0 (CC0 1.0, public domain dedication)',
  ],
  none: null,
}

export function buildOutline(s: BoardSnapshot): Outline {
  const voted = s.rounds.length > 0
  const title = s.meta.title || 'Workshop board'
  const table = s.setup.entryLayout === 'table'
  return {
    title,
    nodes: [
      ...setupNodes(s),
      ...agendaNodes(s.agenda),
      ...structuredNotesIntro(s),
      h2('Questions and answers'),
      ...answerNodes(s.answers),
      ...s.sections
        .filter((sec) => sec.section !== 'answers')
        .flatMap((sec) => sectionNodes(sec, table)),
      ...scribeNodes(s),
      ...posterNodes(s.posters, voted, title),
      ...connectionNodes(s.connections),
      ...looseNodes(s.looseNotes),
      ...votingNodes(s.rounds),
      ...licenseNodes(s),
    ],
  }
}

function setupNodes({ setup }: BoardSnapshot): OutlineNode[] {
  const field = (label: string, value: string): OutlineNode[] =>
    value.trim() === '' ? [] : [p(b(`${label}:`), t(' '), t(value.trim()))]
  const nodes: OutlineNode[] = [
    h2('Session Setup'),
    ...field('Theme', setup.theme),
    ...field('Facilitation exercise(s)', setup.exercises),
    ...field('Leader(s)', setup.leaders),
    ...field('Facilitator', setup.facilitator),
    ...field('Scribe', setup.scribes),
  ]
  const [first = '', ...more] = paragraphs(setup.description)
  if (first) nodes.push(p(b('Description:'), t(' '), t(first)), ...more.map((x) => p(t(x))))
  nodes.push(h2('Questions to answer during this session'))
  nodes.push(
    setup.questions.length
      ? list(
          true,
          setup.questions.map((q) => item([t(q.text)])),
        )
      : p(i('No questions were set for this session.')),
  )
  if (setup.attendees.trim()) {
    nodes.push(h2('Attendees list'), ...paragraphs(setup.attendees).map((x) => p(t(x))))
  }
  return nodes
}

/** Splits text on blank lines; single line breaks stay inside a paragraph. */
const paragraphs = (text: string): string[] =>
  text
    .split(/\n[ \t]*\n/)
    .map((x) => x.trim())
    .filter(Boolean)

const PROMPTS: [keyof EntryView & ('why' | 'blocking' | 'responsible'), string][] = [
  ['why', 'Why is this important?'],
  ['blocking', 'What is it blocking?'],
  ['responsible', 'Who is responsible?'],
]

/** Who is responsible: the owner field, and what was written about it beside. */
const responsibleText = (e: EntryView): string =>
  [e.owner ?? '', e.responsible.trim()].filter(Boolean).join(' — ')

const answerOf = (e: EntryView, key: (typeof PROMPTS)[number][0]): string =>
  key === 'responsible' ? responsibleText(e) : e[key].trim()

/** Where the entry came from: "From post-it: “Proposition 7” (Parser)". */
function sourceInline(e: EntryView): Inline[] {
  const src = e.source
  if (!src) return []
  const what = src.kind === 'connector' ? 'From arrow:' : 'From post-it:'
  if (src.kind === 'removed') return [i('From a post-it that was removed.')]
  const out: Inline[] = [i(what), t(' '), t(src.text.trim() ? `“${src.text.trim()}”` : 'untitled')]
  if (src.poster !== null) out.push(t(' ('), t(src.poster.trim() || 'Untitled poster'), t(')'))
  return out
}

/** The entry's fields that are set: source, the three questions, due, agreement, urgency. */
function entryDetails(e: EntryView, section: string): ListItem[] {
  const out: ListItem[] = []
  const source = sourceInline(e)
  if (source.length) out.push(item(source))
  for (const [key, prompt] of PROMPTS) {
    const value = answerOf(e, key)
    if (value) out.push(item([i(prompt), t(' '), t(value)]))
  }
  if (e.due) out.push(item([i('Due:'), t(' '), t(e.due.text)]))
  if (section === 'decisions' && e.agreement !== 'open')
    out.push(item([i('Agreement:'), t(' '), t(AGREEMENT_WORDS[e.agreement])]))
  if (e.urgency !== 'none') out.push(item([i('Urgency:'), t(' '), t(URGENCY_WORDS[e.urgency])]))
  return out
}

function answerNodes(groups: AnswerGroup[]): OutlineNode[] {
  if (groups.length === 0) return [p(i('No questions or answers were recorded.'))]
  return groups.flatMap((g): OutlineNode[] => {
    const q = g.question ? [p(b('Q:'), t(' '), t(g.question.text))] : [p(b('Other answers'))]
    if (g.entries.length === 0) return [...q, p(b('A:'), t(' '), i('Not answered.'))]
    return [
      ...q,
      ...g.entries.flatMap((e): OutlineNode[] => {
        const details = entryDetails(e, 'answers')
        return [p(b('A:'), t(' '), t(e.text)), ...(details.length ? [list(false, details)] : [])]
      }),
    ]
  })
}

function sectionNodes(sec: SectionView, table: boolean): OutlineNode[] {
  if (sec.entries.length === 0) return [h2(sec.title), p(i('Nothing recorded.'))]
  if (table && (sec.section === 'actions' || sec.section === 'decisions'))
    return [h2(sec.title), entryTable(sec)]
  return [
    h2(sec.title),
    list(
      true,
      sec.entries.map((e) => {
        const details = entryDetails(e, sec.section)
        return item([t(e.text)], details.length ? [list(false, details)] : [])
      }),
    ),
  ]
}

const URGENCY_RANK = { none: '0', low: '1', medium: '2', high: '3' } as const
const AGREEMENT_RANK = { yes: '1', mostly: '2', no: '3', open: '4' } as const

/** Action items or decisions as a sortable table: one row each, a column per field. */
function entryTable(sec: SectionView): TableNode {
  const actions = sec.section === 'actions'
  const cell = (text: string, sortKey?: string): TableCell => ({
    content: text ? [t(text)] : [],
    ...(sortKey === undefined ? {} : { sortKey }),
  })
  const header = [
    '#',
    actions ? 'Action' : 'Decision',
    ...(actions ? ['Owner', 'Due'] : ['Agreement', 'Who is responsible?']),
    'Urgency',
    'Why is this important?',
    'What is it blocking?',
    'From',
  ]
  const rows = sec.entries.map((e, n): TableCell[] => [
    cell(String(n + 1)),
    cell(e.text),
    ...(actions
      ? [cell(responsibleText(e)), cell(e.due?.text ?? '', e.due?.sortKey ?? '')]
      : [
          cell(AGREEMENT_WORDS[e.agreement], AGREEMENT_RANK[e.agreement]),
          cell(responsibleText(e)),
        ]),
    cell(URGENCY_WORDS[e.urgency], URGENCY_RANK[e.urgency]),
    cell(e.why.trim()),
    cell(e.blocking.trim()),
    { content: sourceInline(e).slice(2) },
  ])
  return { type: 'table', header, rows }
}

function agendaNodes(agenda: AgendaPartView[]): OutlineNode[] {
  if (agenda.length === 0) return []
  const total = agenda.reduce((sum, part) => sum + part.minutes, 0)
  return [
    h2('Agenda'),
    p(i(`${agenda.length === 1 ? '1 part' : `${agenda.length} parts`}, ${total} minutes.`)),
    list(
      true,
      agenda.map((part) =>
        item([
          t(part.title.trim() || 'Untitled part'),
          t(` — ${part.kind.replace('-', ' ')} — ${part.minutes} min — `),
          i(AGENDA_STATES[part.state]),
        ]),
      ),
    ),
  ]
}

function structuredNotesIntro(s: BoardSnapshot): OutlineNode[] {
  return [
    h2('Structured notes'),
    p(t('There are five sections to the notes:')),
    list(
      true,
      s.sections.map((sec) => item([b(`${sec.title}:`), t(` ${SECTION_PURPOSES[sec.section]}`)])),
    ),
  ]
}

function scribeNodes(s: BoardSnapshot): OutlineNode[] {
  if (s.scribe.length === 0) return [h2('Detailed notes'), p(i('No detailed notes yet.'))]
  return [h2('Detailed notes'), ...s.scribe.flatMap((v) => [h3(v.title), ...blockNodes(v.blocks)])]
}

function blockNodes(blocks: Block[]): OutlineNode[] {
  return blocks.map((block): OutlineNode => {
    if (block.type === 'paragraph')
      return p(...block.runs.map((r) => (r.bold ? b(r.text) : t(r.text))))
    return blockList(block)
  })
}

function blockList(block: Extract<Block, { type: 'list' }>): ListNode {
  return list(
    block.ordered,
    block.items.map((blocks) => {
      const content: Inline[] = []
      const children: ListNode[] = []
      for (const inner of blocks) {
        if (inner.type === 'list') {
          children.push(blockList(inner))
          continue
        }
        if (content.length) content.push(t('\n'))
        content.push(...inner.runs.map((r) => (r.bold ? b(r.text) : t(r.text))))
      }
      return item(content, children)
    }),
  )
}

/** "Relates to: PM, SRE" under a post-it, as the notes page writes it. */
const tagList = (n: NoteView | StepView): ListNode[] =>
  n.tags.length ? [list(false, [item([t(`Relates to: ${n.tags.join(', ')}`)])])] : []

const noteItem = (n: NoteView, votes: boolean): ListItem =>
  item(votes ? [t(n.text), t(` (${n.votes})`)] : [t(n.text)], tagList(n))

const notesList = (notes: NoteView[]): OutlineNode =>
  notes.length
    ? list(
        false,
        notes.map((n) => noteItem(n, false)),
      )
    : p(i('No post-its.'))

function posterNodes(posters: PosterView[], voted: boolean, board: string): OutlineNode[] {
  if (posters.length === 0) return []
  return [h2('Posters'), ...posters.flatMap((poster) => posterBody(poster, voted, board))]
}

function posterBody(poster: PosterView, voted: boolean, board: string): OutlineNode[] {
  const title = poster.title.trim() || 'Untitled poster'
  const nodes: OutlineNode[] = [
    h3(title),
    { type: 'picture', file: `${poster.pictureStem}.png`, caption: `${title} — ${board}` },
  ]
  for (const lane of poster.lanes) nodes.push(p(b(lane.title || 'Lane')), notesList(lane.notes))
  const empty = poster.lanes.length === 0 && !poster.process && poster.takeaways.length === 0
  if (poster.notes.length || empty) {
    if (poster.lanes.length) nodes.push(p(b('Other post-its')))
    nodes.push(notesList(poster.notes))
  }
  if (poster.process) nodes.push(p(b('Process map')), processList(poster.process))
  for (const group of poster.takeaways) {
    nodes.push(
      p(b(group.heading || 'Takeaways')),
      list(
        false,
        group.items.map((n) => noteItem(n, voted)),
      ),
    )
  }
  if (poster.relations.length) {
    nodes.push(
      p(b('Connections beyond this poster')),
      list(
        false,
        poster.relations.map((r) => {
          const content: Inline[] = [
            i(`${RELATION_WORDS[r.relation]}:`),
            t(' '),
            ...endInline(r.other),
          ]
          if (r.own.kind !== 'frame') content.push(t(' — from '), ...endInline(r.own, false))
          if (r.label.trim()) content.push(t(' — '), i('label:'), t(' '), t(r.label))
          return item(content)
        }),
      ),
    )
  }
  return nodes
}

/** An arrow's end for a reader: “Lexer rewrite” (post-it on Parser, lane Now), poster “Parser”... */
function endInline(end: EndView, withPoster = true): Inline[] {
  const quoted = (text: string) => t(text.trim() ? `“${text.trim()}”` : '“”')
  const where = (what: string): Inline[] => {
    const out: Inline[] = [t(` (${what}`)]
    if (withPoster && end.poster !== null)
      out.push(t(' on '), t(end.poster.trim() || 'Untitled poster'))
    if (end.lane !== null) out.push(t(', lane '), t(end.lane.trim() || 'Lane'))
    return [...out, t(')')]
  }
  switch (end.kind) {
    case 'note':
      return [quoted(end.text), ...where('post-it')]
    case 'label':
      return [quoted(end.text), ...where('label')]
    case 'frame':
      return [t('poster '), quoted(end.text)]
    case 'point':
      return [i('a free point')]
    case 'removed':
      return [i('a removed item')]
  }
}

function connectionNodes(connections: BoardConnection[]): OutlineNode[] {
  if (connections.length === 0) return []
  return [
    h2('Connections'),
    list(
      false,
      connections.map((c) => {
        const arrow = c.direction === 'both' ? ' ↔ ' : c.direction === 'none' ? ' — ' : ' → '
        const marks = arrowMarks(c.marker, c.line)
        const meaning = marks.length ? marks.join(', ') : MARKINGS.dependency
        const content: Inline[] = [...endInline(c.from), t(arrow), ...endInline(c.to)]
        content.push(t(` — ${meaning}`))
        if (c.label.trim()) content.push(t(' — '), i('label:'), t(' '), t(c.label))
        return item(content)
      }),
    ),
  ]
}

function processList(map: ProcessMap): ListNode {
  const text = new Map(map.steps.map((s) => [s.number, s.text]))
  return list(
    true,
    map.steps.map((step) => {
      const content: Inline[] = [t(step.text)]
      if (step.involved.trim()) content.push(t(' — '), i('involved:'), t(' '), t(step.involved))
      if (step.state !== 'none') content.push(t(` — ${MARKINGS[step.state]}`))
      const out = map.connections
        .filter((c) => c.from === step.number)
        .map((c) => {
          const marks = arrowMarks(c.marker, c.line)
          const parts: Inline[] = [t(`→ step ${c.to}: `), t(text.get(c.to) ?? '')]
          if (marks.length) parts.push(t(` — ${marks.join(', ')}`))
          if (c.label.trim()) parts.push(t(' — '), i('label:'), t(' '), t(c.label))
          return item(parts)
        })
      return item(content, [...tagList(step), ...(out.length ? [list(false, out)] : [])])
    }),
  )
}

function looseNodes(notes: NoteView[]): OutlineNode[] {
  return notes.length ? [h2('Other post-its'), notesList(notes)] : []
}

function votingNodes(rounds: RoundView[]): OutlineNode[] {
  const nodes: OutlineNode[] = [h2('Dot voting results')]
  if (rounds.length === 0) return [...nodes, p(i('No voting results have been revealed.'))]
  for (const r of rounds) {
    nodes.push(h3(r.title.trim() || 'Dot voting'))
    const people = r.voterCount === 1 ? '1 person' : `${r.voterCount} people`
    nodes.push(
      p(
        i(
          `Each participant had ${r.dotsPerPerson} dots. ${r.totalDots === 1 ? '1 dot' : `${r.totalDots} dots`} from ${people}.`,
        ),
      ),
    )
    if (r.groups.length === 0) {
      nodes.push(p(i('No dots were placed.')))
      continue
    }
    const voters = (names: string[]) => (names.length ? [t(` — voted by ${names.join(', ')}`)] : [])
    for (const g of r.groups) {
      nodes.push(
        h4(g.posterId === null ? 'Not on a poster' : g.poster?.trim() || 'Untitled poster'),
      )
      for (const part of g.parts) {
        if (part.heading !== null) nodes.push(p(t(part.heading.trim() || 'Takeaways')))
        nodes.push(
          list(
            false,
            part.results.map((res) =>
              item([t(res.text), t(` (${res.votes})`), ...voters(res.voters)]),
            ),
          ),
        )
      }
    }
    if (r.results.length) {
      nodes.push(
        p(b('Overall ranking')),
        list(
          true,
          r.results.map((res) => {
            const content: Inline[] = [t(`(${res.votes}) `), t(shorten(res.text))]
            if (res.poster !== null) content.push(t(' — '), i(res.poster))
            return item(content)
          }),
        ),
      )
    }
  }
  return nodes
}

/** The ranking names each item again; a long text is cut to its start there. */
function shorten(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if ([...line].length <= max) return line
  return (
    [...line]
      .slice(0, max - 1)
      .join('')
      .trimEnd() + '…'
  )
}

function licenseNodes({ setup }: BoardSnapshot): OutlineNode[] {
  const link = LICENSE_LINKS[setup.license]
  return [
    { type: 'rule' },
    link
      ? p(
          t('This content is available under '),
          { kind: 'link', href: link[0], text: link[1] },
          t('.'),
        )
      : p(i('No licence was chosen for this content; ask its authors before reusing it.')),
  ]
}

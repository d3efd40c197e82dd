/**
 * The text exports' common outline: headings, paragraphs and lists with bold and italic runs,
 * built once from the snapshot. Wikitext and Markdown only differ in how they spell it, so both
 * carry the same content by construction.
 */
import type { LICENSES } from '../schema/index.ts'
import type {
  AnswerGroup,
  BoardSnapshot,
  EntryView,
  NoteView,
  PosterView,
  ProcessMap,
  RoundView,
  SectionView,
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

export type OutlineNode =
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'paragraph'; content: Inline[] }
  | ListNode
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
  return {
    title: s.meta.title || 'Workshop board',
    nodes: [
      ...setupNodes(s),
      h2('Questions and answers'),
      ...answerNodes(s.answers),
      ...s.sections.filter((sec) => sec.section !== 'answers').flatMap(sectionNodes),
      ...scribeNodes(s),
      ...posterNodes(s.posters, voted),
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

/** The three questions every item answers; `always` keeps unanswered ones as prompts. */
function promptItems(e: EntryView, always: boolean): ListItem[] {
  return PROMPTS.filter(([key]) => always || e[key].trim() !== '').map(([key, prompt]) =>
    item(e[key].trim() ? [i(prompt), t(' '), t(e[key])] : [i(prompt)]),
  )
}

function answerNodes(groups: AnswerGroup[]): OutlineNode[] {
  if (groups.length === 0) return [p(i('No questions or answers were recorded.'))]
  return groups.flatMap((g): OutlineNode[] => {
    const q = g.question ? [p(b('Q:'), t(' '), t(g.question.text))] : [p(b('Other answers'))]
    if (g.entries.length === 0) return [...q, p(b('A:'), t(' '), i('Not answered.'))]
    return [
      ...q,
      ...g.entries.flatMap((e): OutlineNode[] => {
        const prompts = promptItems(e, false)
        return [p(b('A:'), t(' '), t(e.text)), ...(prompts.length ? [list(false, prompts)] : [])]
      }),
    ]
  })
}

function sectionNodes(sec: SectionView): OutlineNode[] {
  if (sec.entries.length === 0) return [h2(sec.title), p(i('Nothing recorded.'))]
  return [
    h2(sec.title),
    list(
      true,
      sec.entries.map((e) => item([t(e.text)], [list(false, promptItems(e, true))])),
    ),
  ]
}

function scribeNodes(s: BoardSnapshot): OutlineNode[] {
  if (s.scribe.length === 0) return []
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

const noteItem = (n: NoteView, votes: boolean): ListItem =>
  item(
    votes ? [t(n.text), t(` (${n.votes})`)] : [t(n.text)],
    n.tags.length ? [list(false, [item([t(`Relates to: ${n.tags.join(', ')}`)])])] : [],
  )

const notesList = (notes: NoteView[]): OutlineNode =>
  notes.length
    ? list(
        false,
        notes.map((n) => noteItem(n, false)),
      )
    : p(i('No post-its.'))

function posterNodes(posters: PosterView[], voted: boolean): OutlineNode[] {
  if (posters.length === 0) return []
  return [h2('Posters'), ...posters.flatMap((poster) => posterBody(poster, voted))]
}

function posterBody(poster: PosterView, voted: boolean): OutlineNode[] {
  const nodes: OutlineNode[] = [h3(poster.title.trim() || 'Untitled poster')]
  for (const lane of poster.lanes) nodes.push(p(b(lane.title || 'Lane')), notesList(lane.notes))
  if (poster.notes.length || (poster.lanes.length === 0 && !poster.process)) {
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
  return nodes
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
          const marks = [
            ...(c.marker === 'heart' ? [MARKINGS.heart] : []),
            ...(c.line === 'broken' ? [MARKINGS.broken] : []),
            ...(c.marker === 'question' ? [MARKINGS.question] : []),
          ]
          const parts: Inline[] = [t(`→ step ${c.to}: `), t(text.get(c.to) ?? '')]
          if (marks.length) parts.push(t(` — ${marks.join(', ')}`))
          if (c.label.trim()) parts.push(t(' — '), i('label:'), t(' '), t(c.label))
          return item(parts)
        })
      return item(content, out.length ? [list(false, out)] : [])
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
      p(i(`Each participant had ${r.dotsPerPerson} dots. ${r.totalDots} dots from ${people}.`)),
    )
    if (r.results.length === 0) {
      nodes.push(p(i('No dots were placed.')))
      continue
    }
    nodes.push(
      list(
        true,
        r.results.map((res) => {
          const content: Inline[] = [t(res.text), t(` (${res.votes})`)]
          if (res.poster !== null) content.push(t(' — '), i(res.poster))
          if (res.voters.length) content.push(t(` — voted by ${res.voters.join(', ')}`))
          return item(content)
        }),
      ),
    )
  }
  return nodes
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

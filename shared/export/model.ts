/**
 * A plain, ordered model of a board for the text renderers. Everything a renderer needs is
 * resolved here (reading order, lanes, tag names, process-map order, vote counts, who may be
 * named), so that renderers are pure functions of this model and agree with each other.
 */
import type * as Y from 'yjs'
import {
  connectors,
  dots,
  entries,
  items,
  readMeta,
  readSetup,
  rounds,
  scribeNotes,
  scribeScopes,
  tags,
} from '../doc/index.ts'
import {
  NOTE_SECTIONS,
  type BoardMeta,
  type ConnectorMarker,
  type ConnectorRecord,
  type DotRecord,
  type EntryRecord,
  type FrameRecord,
  type Item,
  type LineStyle,
  type NoteRecord,
  type NoteSection,
  type RoundRecord,
  type Setup,
} from '../schema/index.ts'
import { compareReading } from './order.ts'
import { authorLabeller, namedInDoc, type NamedAuthors } from './privacy.ts'
import { orderSteps } from './process.ts'
import { blocksFromFragment, type Block } from './scribe.ts'

export interface SnapshotOptions {
  /** Authors who agreed to be named in exports. Default: those who chose so on the board. */
  namedAuthors?: NamedAuthors
}

export interface NoteView {
  id: string
  text: string
  /** Names of the tags it relates to, in the note's order. */
  tags: string[]
  /** Dots it got in revealed rounds. */
  votes: number
  /** Its author when named, else null. */
  author: string | null
  createdAt: number
}

export interface LaneView {
  id: string
  title: string
  notes: NoteView[]
}

export interface StepView extends NoteView {
  /** 1-based position in the process. */
  number: number
  involved: string
  state: 'none' | 'exists' | 'missing'
}

export interface ConnectionView {
  id: string
  /** Step numbers the arrow leaves and reaches. */
  from: number
  to: number
  marker: ConnectorMarker
  line: LineStyle
  label: string
}

export interface ProcessMap {
  steps: StepView[]
  connections: ConnectionView[]
}

/** A poster's takeaways under one heading. Takeaways in a lane are listed there as well. */
export interface TakeawayGroup {
  heading: string
  items: NoteView[]
}

export interface PosterView {
  id: string
  title: string
  lanes: LaneView[]
  /** Notes on the poster outside any lane, its process map and its takeaways. */
  notes: NoteView[]
  process: ProcessMap | null
  takeaways: TakeawayGroup[]
}

export interface EntryView {
  id: string
  text: string
  why: string
  blocking: string
  responsible: string
  author: string | null
}

export interface SectionView {
  section: NoteSection
  title: string
  entries: EntryView[]
}

/** Answers grouped by the setup question they answer; `question` null for the others. */
export interface AnswerGroup {
  question: { id: string; text: string } | null
  entries: EntryView[]
}

export interface VoteResult {
  itemId: string
  text: string
  /** Title of the poster the item is on, or null. */
  poster: string | null
  votes: number
  /** Named voters; always empty for anonymous rounds. */
  voters: string[]
}

export interface RoundView {
  id: string
  title: string
  dotsPerPerson: number
  anonymous: boolean
  revealedAt: number | null
  totalDots: number
  voterCount: number
  /** Ranked: most votes first, ties in reading order. */
  results: VoteResult[]
}

export interface ScribeView {
  /** 'plenary' or the poster's frame id. */
  scope: string
  title: string
  blocks: Block[]
}

export interface BoardSnapshot {
  meta: BoardMeta
  setup: Setup
  posters: PosterView[]
  /** Post-its on the open canvas (or on a poster that no longer exists). */
  looseNotes: NoteView[]
  answers: AnswerGroup[]
  /** All five sections of the structured notes, in their fixed order. */
  sections: SectionView[]
  rounds: RoundView[]
  scribe: ScribeView[]
}

export const SECTION_TITLES: Record<NoteSection, string> = {
  answers: 'Questions and answers',
  features: 'Features and goals',
  decisions: 'Important decisions to make',
  actions: 'Action items',
  questions: 'New questions',
}

export function snapshotBoard(doc: Y.Doc, options: SnapshotOptions = {}): BoardSnapshot {
  const show = authorLabeller(doc, options.namedAuthors ?? namedInDoc(doc))
  const all = items(doc).all()
  const frames = all.filter((i): i is FrameRecord => i.kind === 'frame').sort(compareReading)
  const frameIds = new Set(frames.map((f) => f.id))
  const notes = all.filter((i): i is NoteRecord => i.kind === 'note').sort(compareReading)
  const tagNames = new Map(
    tags(doc)
      .all()
      .map((t) => [t.id, t.name]),
  )
  const revealed = rounds(doc)
    .all()
    .filter((r) => r.state === 'revealed')
    .sort((a, b) => (a.revealedAt ?? 0) - (b.revealedAt ?? 0) || a.openedAt - b.openedAt)
  const revealedIds = new Set(revealed.map((r) => r.id))
  const allDots = dots(doc).all()
  const votes = countVotes(allDots.filter((d) => revealedIds.has(d.roundId)))

  const noteView = (n: NoteRecord): NoteView => ({
    id: n.id,
    text: n.text,
    tags: n.tags.flatMap((id) => tagNames.get(id) ?? []),
    votes: votes.get(n.id) ?? 0,
    author: show(n.authorId),
    createdAt: n.createdAt,
  })

  const posters = frames.map((frame) =>
    posterView(
      frame,
      notes.filter((n) => n.parentId === frame.id),
      connectors(doc).all(),
      noteView,
    ),
  )
  const looseNotes = notes
    .filter((n) => n.parentId === null || !frameIds.has(n.parentId))
    .map(noteView)

  const entryList = entries(doc)
    .all()
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  const setup = readSetup(doc)

  return {
    meta: readMeta(doc),
    setup,
    posters,
    looseNotes,
    answers: answerGroups(setup, entryList, show),
    sections: NOTE_SECTIONS.map((section) => ({
      section,
      title: SECTION_TITLES[section],
      entries: entryList.filter((e) => e.section === section).map((e) => entryView(e, show)),
    })),
    rounds: revealed.map((r) => roundView(r, allDots, all, posters, frames, show)),
    scribe: scribeViews(doc, frames),
  }
}

function countVotes(list: readonly DotRecord[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const d of list) counts.set(d.itemId, (counts.get(d.itemId) ?? 0) + 1)
  return counts
}

function posterView(
  frame: FrameRecord,
  onPoster: NoteRecord[],
  allConnectors: ConnectorRecord[],
  noteView: (n: NoteRecord) => NoteView,
): PosterView {
  const process = processMap(onPoster, allConnectors, noteView)
  const stepIds = new Set(process?.steps.map((s) => s.id))
  const laneIds = new Set(frame.lanes.map((l) => l.id))
  const rest = onPoster.filter((n) => !stepIds.has(n.id))
  return {
    id: frame.id,
    title: frame.title,
    lanes: frame.lanes.map((lane) => ({
      id: lane.id,
      title: lane.title,
      notes: rest.filter((n) => n.laneId === lane.id).map(noteView),
    })),
    notes: rest
      .filter((n) => n.laneId === null || !laneIds.has(n.laneId))
      .filter((n) => n.takeaway === null)
      .map(noteView),
    process,
    takeaways: takeawayGroups(frame, onPoster, noteView),
  }
}

/**
 * The poster's process map: its notes joined by connectors (plus notes marked as existing or
 * missing steps). Null when no connector joins two of its notes.
 */
function processMap(
  onPoster: NoteRecord[],
  allConnectors: ConnectorRecord[],
  noteView: (n: NoteRecord) => NoteView,
): ProcessMap | null {
  const ids = new Set(onPoster.map((n) => n.id))
  const links = allConnectors
    .filter((c) => c.from.itemId !== null && c.to.itemId !== null)
    .filter(
      (c) => ids.has(c.from.itemId!) && ids.has(c.to.itemId!) && c.from.itemId !== c.to.itemId,
    )
    .map((c) => {
      // An arrow drawn only at its start points backwards.
      const reversed = c.arrowStart && !c.arrowEnd
      return {
        c,
        from: reversed ? c.to.itemId! : c.from.itemId!,
        to: reversed ? c.from.itemId! : c.to.itemId!,
      }
    })
  if (links.length === 0) return null
  const joined = new Set(links.flatMap((l) => [l.from, l.to]))
  const stepNotes = onPoster.filter((n) => joined.has(n.id) || n.step !== 'none')
  const order = orderSteps(
    stepNotes.map((n) => n.id),
    links,
  )
  const number = new Map(order.map((id, i) => [id, i + 1]))
  const byId = new Map(stepNotes.map((n) => [n.id, n]))
  const steps = order.map((id, i): StepView => {
    const n = byId.get(id)!
    return { ...noteView(n), number: i + 1, involved: n.involved, state: n.step }
  })
  const connections = links
    .map((l): ConnectionView => ({
      id: l.c.id,
      from: number.get(l.from)!,
      to: number.get(l.to)!,
      marker: l.c.marker,
      line: l.c.line,
      label: l.c.label,
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to || (a.id < b.id ? -1 : 1))
  return { steps, connections }
}

/** Takeaways under the poster's headings, then any heading a note uses that the poster lacks. */
function takeawayGroups(
  frame: FrameRecord,
  onPoster: NoteRecord[],
  noteView: (n: NoteRecord) => NoteView,
): TakeawayGroup[] {
  const marked = onPoster.filter((n) => n.takeaway !== null)
  const headings = [...frame.takeawayHeadings]
  for (const n of marked) if (!headings.includes(n.takeaway!)) headings.push(n.takeaway!)
  return headings
    .map((heading) => ({
      heading,
      items: marked.filter((n) => n.takeaway === heading).map(noteView),
    }))
    .filter((g) => g.items.length > 0)
}

/** Prints a visible author, or null for one who is not named. */
type ShowAuthor = (authorId: string) => string | null

function entryView(e: EntryRecord, show: ShowAuthor): EntryView {
  return {
    id: e.id,
    text: e.text,
    why: e.why,
    blocking: e.blocking,
    responsible: e.responsible,
    author: show(e.authorId),
  }
}

function answerGroups(setup: Setup, list: EntryRecord[], show: ShowAuthor): AnswerGroup[] {
  const answers = list.filter((e) => e.section === 'answers')
  const known = new Set(setup.questions.map((q) => q.id))
  const groups: AnswerGroup[] = setup.questions.map((q) => ({
    question: { id: q.id, text: q.text },
    entries: answers.filter((e) => e.questionId === q.id).map((e) => entryView(e, show)),
  }))
  const other = answers.filter((e) => e.questionId === null || !known.has(e.questionId))
  if (other.length) groups.push({ question: null, entries: other.map((e) => entryView(e, show)) })
  return groups
}

/**
 * Results of a revealed round, ranked. Takeaway rounds list every takeaway in scope, so that
 * "(0)" shows what nobody chose; other rounds list what got dots.
 */
function roundView(
  round: RoundRecord,
  allDots: DotRecord[],
  all: Item[],
  posters: PosterView[],
  frames: FrameRecord[],
  show: ShowAuthor,
): RoundView {
  const mine = allDots.filter((d) => d.roundId === round.id)
  const byItem = new Map(all.map((i) => [i.id, i]))
  const titles = new Map(frames.map((f) => [f.id, f.title]))
  const rank = readingRanks(posters, all)
  const inScope = (i: Item) =>
    round.frameIds.length === 0 || (i.parentId !== null && round.frameIds.includes(i.parentId))
  const counted = new Map<string, DotRecord[]>()
  if (round.scope === 'takeaways') {
    for (const i of all)
      if (i.kind === 'note' && i.takeaway !== null && inScope(i)) counted.set(i.id, [])
  }
  for (const d of mine) {
    if (!byItem.has(d.itemId)) continue
    counted.set(d.itemId, [...(counted.get(d.itemId) ?? []), d])
  }
  const results = [...counted].map(([itemId, list]): VoteResult => {
    const item = byItem.get(itemId)!
    const voters = round.anonymous
      ? []
      : [...new Set(list.flatMap((d) => show(d.voterId) ?? []))].sort()
    return {
      itemId,
      text: itemText(item),
      poster: item.parentId === null ? null : (titles.get(item.parentId) ?? null),
      votes: list.length,
      voters,
    }
  })
  results.sort(
    (a, b) =>
      b.votes - a.votes ||
      (rank.get(a.itemId) ?? Infinity) - (rank.get(b.itemId) ?? Infinity) ||
      (a.itemId < b.itemId ? -1 : 1),
  )
  const counting = mine.filter((d) => byItem.has(d.itemId))
  return {
    id: round.id,
    title: round.title,
    dotsPerPerson: round.dotsPerPerson,
    anonymous: round.anonymous,
    revealedAt: round.revealedAt,
    totalDots: counting.length,
    voterCount: new Set(counting.map((d) => d.voterId)).size,
    results,
  }
}

const itemText = (item: Item): string =>
  item.kind === 'frame' ? item.title : item.kind === 'image' ? item.alt : item.text

/** Position of every item in the export's reading order (posters first, then the rest). */
function readingRanks(posters: PosterView[], all: Item[]): Map<string, number> {
  const rank = new Map<string, number>()
  const add = (id: string) => rank.has(id) || rank.set(id, rank.size)
  for (const p of posters) {
    add(p.id)
    for (const lane of p.lanes) lane.notes.forEach((n) => add(n.id))
    p.notes.forEach((n) => add(n.id))
    p.process?.steps.forEach((s) => add(s.id))
  }
  ;[...all].sort(compareReading).forEach((i) => add(i.id))
  return rank
}

function scribeViews(doc: Y.Doc, frames: FrameRecord[]): ScribeView[] {
  const scopes = new Set(scribeScopes(doc))
  const ordered = [
    ...(scopes.has('plenary') ? ['plenary'] : []),
    ...frames.map((f) => f.id).filter((id) => scopes.has(id)),
  ]
  for (const s of scopes) if (!ordered.includes(s)) ordered.push(s)
  const titles = new Map(frames.map((f) => [f.id, f.title]))
  return ordered
    .map((scope) => ({
      scope,
      title: scope === 'plenary' ? 'Plenary' : (titles.get(scope) ?? 'Removed poster'),
      blocks: blocksFromFragment(scribeNotes(doc, scope)),
    }))
    .filter((s) => s.blocks.length > 0)
}

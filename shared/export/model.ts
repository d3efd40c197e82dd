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
  readFacilitation,
  readMeta,
  readSetup,
  rounds,
  scribeNotes,
  scribeScopes,
  tags,
} from '../doc/index.ts'
import {
  NOTE_SECTIONS,
  type AgendaPart,
  type Agreement,
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
  type Urgency,
} from '../schema/index.ts'
import { formatDue, utcStamp } from './due.ts'
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

/** What one end of an arrow is attached to, named so that a reader can find it. */
export interface EndView {
  kind: 'note' | 'frame' | 'label' | 'point' | 'removed'
  itemId: string | null
  /** The post-it's or label's text, or the poster's title; '' for a free point. */
  text: string
  /** The poster the end is on (or is); null on the open canvas. */
  posterId: string | null
  poster: string | null
  /** The lane of that poster a post-it sits in. */
  lane: string | null
}

/**
 * What an arrow means in a roadmap: a solid arrow is a dependency (its head depends on its
 * tail), a broken line a blocker (its tail blocks its head), a question mark an open question,
 * a heart a good connection.
 */
export type ConnectionMeaning = 'dependency' | 'blocker' | 'question' | 'good'

/** An arrow that is not part of one poster's process map: between posters, to labels... */
export interface BoardConnection {
  id: string
  from: EndView
  to: EndView
  /** 'forward': from -> to; 'both': heads at both ends; 'none': a plain line. */
  direction: 'forward' | 'both' | 'none'
  meaning: ConnectionMeaning
  marker: ConnectorMarker
  line: LineStyle
  label: string
}

export type RelationKind =
  'depends-on' | 'needed-by' | 'blocked-by' | 'blocks' | 'question' | 'good' | 'connected'

/** One poster's side of an arrow that leaves it: what it depends on, what blocks it... */
export interface RelationView {
  connectionId: string
  relation: RelationKind
  /** The end on this poster (the poster itself or something on it). */
  own: EndView
  other: EndView
  label: string
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
  /** Arrows between this poster (or what is on it) and anything off it. */
  relations: RelationView[]
  /** File name stem suggested for the poster's picture (matches the picture export). */
  pictureStem: string
}

/** The post-it or arrow an entry was promoted from. */
export interface EntrySource {
  kind: 'note' | 'connector' | 'removed'
  text: string
  poster: string | null
}

export interface DueView {
  at: number
  zone: string
  /** "2026-12-11 17:00 Europe/Berlin (UTC+01:00)" */
  text: string
  /** UTC, sortable: "2026-12-11T16:00Z" */
  sortKey: string
}

export interface EntryView {
  id: string
  text: string
  why: string
  blocking: string
  responsible: string
  /** The person responsible: a named person of the board, or the name typed in. */
  owner: string | null
  due: DueView | null
  agreement: Agreement
  urgency: Urgency
  source: EntrySource | null
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

/** A poster's share of a round's results, in the poster's reading order. */
export interface VoteGroup {
  posterId: string | null
  poster: string | null
  /** Under the takeaway heading (or lane) the items sit in on the poster. */
  parts: { heading: string | null; results: VoteResult[] }[]
}

export interface RoundView {
  id: string
  title: string
  dotsPerPerson: number
  anonymous: boolean
  revealedAt: number | null
  totalDots: number
  voterCount: number
  /** Ranked: most votes first, ties in reading order. Only items with votes. */
  results: VoteResult[]
  /** The same results by poster; with "(0)" items when the setup asks to show them. */
  groups: VoteGroup[]
}

export type AgendaState = 'done' | 'current' | 'upcoming'

export interface AgendaPartView extends AgendaPart {
  state: AgendaState
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
  agenda: AgendaPartView[]
  posters: PosterView[]
  /** Arrows outside the posters' process maps, in reading order of their tails. */
  connections: BoardConnection[]
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
  const meta = readMeta(doc)
  const all = items(doc).all()
  const byId = new Map(all.map((i) => [i.id, i]))
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
  const allConnectors = connectors(doc)
    .all()
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  const endOf = endViewer(byId, frameIds)

  const noteView = (n: NoteRecord): NoteView => ({
    id: n.id,
    text: n.text,
    tags: n.tags.flatMap((id) => tagNames.get(id) ?? []),
    votes: votes.get(n.id) ?? 0,
    author: show(n.authorId),
    createdAt: n.createdAt,
  })

  const inProcess = new Set<string>()
  const posters = frames.map((frame) => {
    const view = posterView(
      frame,
      notes.filter((n) => n.parentId === frame.id),
      allConnectors,
      noteView,
      fileStem(meta.title, 'board') + '-' + fileStem(frame.title, 'poster'),
    )
    view.process?.connections.forEach((c) => inProcess.add(c.id))
    return view
  })
  const connections = boardConnections(
    allConnectors.filter((c) => !inProcess.has(c.id)),
    endOf,
    readingRanks(posters, all),
  )
  for (const poster of posters) poster.relations = relationsOf(poster.id, connections)
  const looseNotes = notes
    .filter((n) => n.parentId === null || !frameIds.has(n.parentId))
    .map(noteView)

  const entryList = entries(doc)
    .all()
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  const setup = readSetup(doc)
  const connectorById = new Map(allConnectors.map((c) => [c.id, c]))
  const entryOf = (e: EntryRecord) =>
    entryView(e, show, sourceOf(e.sourceId, byId, connectorById, endOf))

  return {
    meta,
    setup,
    agenda: agendaViews(doc),
    posters,
    connections,
    looseNotes,
    answers: answerGroups(setup, entryList, entryOf),
    sections: NOTE_SECTIONS.map((section) => ({
      section,
      title: SECTION_TITLES[section],
      entries: entryList.filter((e) => e.section === section).map(entryOf),
    })),
    rounds: revealed.map((r) =>
      roundView(r, allDots, all, posters, frames, show, setup.showUnvoted),
    ),
    scribe: scribeViews(doc, frames),
  }
}

/** A file name stem from a title: "How do we work together" -> how-do-we-work-together. */
export function fileStem(title: string, fallback = 'board'): string {
  const stem = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return stem || fallback
}

function agendaViews(doc: Y.Doc): AgendaPartView[] {
  const { agenda, currentPartId } = readFacilitation(doc)
  const current = agenda.findIndex((p) => p.id === currentPartId)
  return agenda.map((part, i) => ({
    ...part,
    state: current < 0 || i > current ? 'upcoming' : i === current ? 'current' : 'done',
  }))
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
  pictureStem: string,
): PosterView {
  const process = processMap(onPoster, allConnectors, noteView)
  const stepIds = new Set(process?.steps.map((s) => s.id))
  const laneIds = new Set(frame.lanes.map((l) => l.id))
  const inLane = (n: NoteRecord) => n.laneId !== null && laneIds.has(n.laneId)
  return {
    id: frame.id,
    title: frame.title,
    // A post-it stays in its lane even when it is a step of the process map as well.
    lanes: frame.lanes.map((lane) => ({
      id: lane.id,
      title: lane.title,
      notes: onPoster.filter((n) => n.laneId === lane.id).map(noteView),
    })),
    notes: onPoster
      .filter((n) => !inLane(n) && !stepIds.has(n.id) && n.takeaway === null)
      .map(noteView),
    process,
    takeaways: takeawayGroups(frame, onPoster, noteView),
    relations: [],
    pictureStem,
  }
}

/** The end an arrow leaves from, and the one it points at (an arrow drawn at its start only points back). */
function orient(c: ConnectorRecord) {
  const reversed = c.arrowStart && !c.arrowEnd
  return {
    from: reversed ? c.to : c.from,
    to: reversed ? c.from : c.to,
    direction: (c.arrowStart && c.arrowEnd
      ? 'both'
      : c.arrowStart || c.arrowEnd
        ? 'forward'
        : 'none') as BoardConnection['direction'],
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
      const { from, to } = orient(c)
      return { c, from: from.itemId!, to: to.itemId! }
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

type EndViewer = (end: ConnectorRecord['from']) => EndView

/** Names connector ends by what they are attached to, and the poster that is on. */
function endViewer(byId: Map<string, Item>, frameIds: Set<string>): EndViewer {
  const posterOf = (item: Item): FrameRecord | null => {
    if (item.kind === 'frame') return item
    const parent = item.parentId && frameIds.has(item.parentId) ? byId.get(item.parentId) : null
    return parent?.kind === 'frame' ? parent : null
  }
  return (end) => {
    const none = { posterId: null, poster: null, lane: null }
    if (end.itemId === null) return { kind: 'point', itemId: null, text: '', ...none }
    const item = byId.get(end.itemId)
    if (!item) return { kind: 'removed', itemId: end.itemId, text: '', ...none }
    const poster = posterOf(item)
    const lane =
      item.kind === 'note' && poster
        ? (poster.lanes.find((l) => l.id === item.laneId)?.title ?? null)
        : null
    return {
      kind: item.kind,
      itemId: item.id,
      text: item.kind === 'frame' ? item.title : item.text,
      posterId: poster?.id ?? null,
      poster: poster?.title ?? null,
      lane,
    }
  }
}

const meaningOf = (c: ConnectorRecord): ConnectionMeaning =>
  c.marker === 'question'
    ? 'question'
    : c.line === 'broken'
      ? 'blocker'
      : c.marker === 'heart'
        ? 'good'
        : 'dependency'

/** Arrows with at least one end on something, ordered by where their tails are read. */
function boardConnections(
  list: ConnectorRecord[],
  endOf: EndViewer,
  rank: Map<string, number>,
): BoardConnection[] {
  const at = (e: EndView) => (e.itemId === null ? Infinity : (rank.get(e.itemId) ?? Infinity))
  return list
    .filter((c) => c.from.itemId !== null || c.to.itemId !== null)
    .map((c): BoardConnection => {
      const { from, to, direction } = orient(c)
      return {
        id: c.id,
        from: endOf(from),
        to: endOf(to),
        direction,
        meaning: meaningOf(c),
        marker: c.marker,
        line: c.line,
        label: c.label,
      }
    })
    .map((c, i) => ({ c, i }))
    .sort((a, b) => at(a.c.from) - at(b.c.from) || at(a.c.to) - at(b.c.to) || a.i - b.i)
    .map(({ c }) => c)
}

/** This poster's side of every arrow between it (or what is on it) and an item off it. */
function relationsOf(posterId: string, connections: BoardConnection[]): RelationView[] {
  const out: RelationView[] = []
  for (const c of connections) {
    const fromHere = c.from.posterId === posterId
    const toHere = c.to.posterId === posterId
    if (fromHere === toHere) continue
    const own = fromHere ? c.from : c.to
    const other = fromHere ? c.to : c.from
    // A free end is no counterpart; the arrow is in the board's Connections all the same.
    if (other.kind === 'point' || other.kind === 'removed') continue
    out.push({ connectionId: c.id, relation: relationFor(c, fromHere), own, other, label: c.label })
  }
  return out
}

function relationFor(c: BoardConnection, fromHere: boolean): RelationKind {
  if (c.meaning === 'question') return 'question'
  if (c.meaning === 'good') return 'good'
  if (c.direction !== 'forward') return 'connected'
  if (c.meaning === 'blocker') return fromHere ? 'blocks' : 'blocked-by'
  return fromHere ? 'needed-by' : 'depends-on'
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

function sourceOf(
  sourceId: string | null,
  byId: Map<string, Item>,
  connectorById: Map<string, ConnectorRecord>,
  endOf: EndViewer,
): EntrySource | null {
  if (sourceId === null) return null
  const item = byId.get(sourceId)
  if (item) {
    const end = endOf({ itemId: item.id, x: 0, y: 0 })
    return {
      kind: 'note',
      text: item.kind === 'frame' ? item.title : item.text,
      poster: item.kind === 'frame' ? null : end.poster,
    }
  }
  const c = connectorById.get(sourceId)
  if (c) {
    const from = endOf(orient(c).from)
    return { kind: 'connector', text: c.label, poster: from.poster }
  }
  return { kind: 'removed', text: '', poster: null }
}

function entryView(e: EntryRecord, show: ShowAuthor, source: EntrySource | null): EntryView {
  const named = e.ownerId === null ? null : show(e.ownerId)
  const typed = e.ownerName.trim()
  return {
    id: e.id,
    text: e.text,
    why: e.why,
    blocking: e.blocking,
    responsible: e.responsible,
    owner: named ?? (typed || (e.ownerId !== null ? 'a participant who is not named' : null)),
    due:
      e.dueAt === null
        ? null
        : {
            at: e.dueAt,
            zone: e.dueZone,
            text: formatDue(e.dueAt, e.dueZone),
            sortKey: utcStamp(e.dueAt),
          },
    agreement: e.agreement,
    urgency: e.urgency,
    source,
    author: show(e.authorId),
  }
}

function answerGroups(
  setup: Setup,
  list: EntryRecord[],
  view: (e: EntryRecord) => EntryView,
): AnswerGroup[] {
  const answers = list.filter((e) => e.section === 'answers')
  const known = new Set(setup.questions.map((q) => q.id))
  const groups: AnswerGroup[] = setup.questions.map((q) => ({
    question: { id: q.id, text: q.text },
    entries: answers.filter((e) => e.questionId === q.id).map(view),
  }))
  const other = answers.filter((e) => e.questionId === null || !known.has(e.questionId))
  if (other.length) groups.push({ question: null, entries: other.map(view) })
  return groups
}

/**
 * Results of a revealed round: ranked (what got dots), and by poster. With `showUnvoted`, the
 * poster groups also list every item in scope nobody chose, with "(0)".
 */
function roundView(
  round: RoundRecord,
  allDots: DotRecord[],
  all: Item[],
  posters: PosterView[],
  frames: FrameRecord[],
  show: ShowAuthor,
  showUnvoted: boolean,
): RoundView {
  const mine = allDots.filter((d) => d.roundId === round.id)
  const byItem = new Map(all.map((i) => [i.id, i]))
  const titles = new Map(frames.map((f) => [f.id, f.title]))
  const rank = readingRanks(posters, all)
  const inScope = (i: Item) =>
    round.frameIds.length === 0 || (i.parentId !== null && round.frameIds.includes(i.parentId))
  const votable = (i: Item) =>
    i.kind === 'note' && inScope(i) && (round.scope !== 'takeaways' || i.takeaway !== null)
  const counted = new Map<string, DotRecord[]>()
  if (showUnvoted) for (const i of all) if (votable(i)) counted.set(i.id, [])
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
  const reading = (a: VoteResult, b: VoteResult) =>
    (rank.get(a.itemId) ?? Infinity) - (rank.get(b.itemId) ?? Infinity) ||
    (a.itemId < b.itemId ? -1 : 1)
  const counting = mine.filter((d) => byItem.has(d.itemId))
  return {
    id: round.id,
    title: round.title,
    dotsPerPerson: round.dotsPerPerson,
    anonymous: round.anonymous,
    revealedAt: round.revealedAt,
    totalDots: counting.length,
    voterCount: new Set(counting.map((d) => d.voterId)).size,
    results: results.filter((r) => r.votes > 0).sort((a, b) => b.votes - a.votes || reading(a, b)),
    groups: voteGroups([...results].sort(reading), byItem, frames),
  }
}

/** Results by poster (reading order), and within a poster by takeaway heading or lane. */
function voteGroups(
  results: VoteResult[],
  byItem: Map<string, Item>,
  frames: FrameRecord[],
): VoteGroup[] {
  const frameById = new Map(frames.map((f) => [f.id, f]))
  const groups: VoteGroup[] = []
  for (const r of results) {
    const item = byItem.get(r.itemId)!
    const frame = item.parentId === null ? undefined : frameById.get(item.parentId)
    const posterId = item.kind === 'frame' ? null : (frame?.id ?? null)
    let group = groups.find((g) => g.posterId === posterId)
    if (!group) {
      group = { posterId, poster: frame?.title ?? null, parts: [] }
      groups.push(group)
    }
    const heading =
      item.kind === 'note'
        ? (item.takeaway ?? frame?.lanes.find((l) => l.id === item.laneId)?.title ?? null)
        : null
    let part = group.parts.find((p) => p.heading === heading)
    if (!part) {
      part = { heading, results: [] }
      group.parts.push(part)
    }
    part.results.push(r)
  }
  // Posters first in reading order, the open canvas last.
  return [
    ...groups.filter((g) => g.posterId !== null),
    ...groups.filter((g) => g.posterId === null),
  ]
}

const itemText = (item: Item): string =>
  item.kind === 'frame' ? item.title : item.kind === 'note' ? item.text : item.text

/** Position of every item in the export's reading order (posters first, then the rest). */
function readingRanks(posters: PosterView[], all: Item[]): Map<string, number> {
  const rank = new Map<string, number>()
  const add = (id: string) => rank.has(id) || rank.set(id, rank.size)
  for (const p of posters) {
    add(p.id)
    for (const lane of p.lanes) lane.notes.forEach((n) => add(n.id))
    p.notes.forEach((n) => add(n.id))
    p.process?.steps.forEach((s) => add(s.id))
    p.takeaways.forEach((g) => g.items.forEach((n) => add(n.id)))
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
